/** A slash waiting in `staking.unappliedSlashes` for a validator the watched address nominates. */
import { formatInteger } from '../../format/number.js';
import { accountButtons } from '../alert-links.js';
import { addressScope } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import { ksm } from '../wording.js';

export interface UnappliedSlashFacts {
  kind: 'unapplied-slash';
  address: string;
  validator: string;
  era: number;
  amount: string;
}

export const unappliedSlash: AlertRule<UnappliedSlashFacts, 'slashes'> = {
  kind: 'unapplied-slash',
  group: 'slashes',
  description: 'a slash is pending',
  severity: 'critical',
  source: 'slashes',
  detect({ address, validator, slash }) {
    if (slash.kind === 'applied') return [];
    return [
      {
        id: addressAlertId('unapplied-slash', address, validator, slash.era),
        scope: addressScope(address),
        facts: {
          kind: 'unapplied-slash',
          address,
          validator,
          era: slash.era,
          amount: slash.amount.toString(),
        },
      },
    ];
  },
  message: (f, w) => ({
    title: `A validator you nominate has a pending slash (era ${formatInteger(f.era)})`,
    lines: [
      `${w.account(f.validator)} is to be slashed ${ksm(f.amount)} in all (its own stake and its nominators') for an offence in era ${formatInteger(f.era)}, unless governance cancels the slash before it is applied.`,
      `Account: ${w.account(f.address)}`,
    ],
    links: [...accountButtons(f.validator, 'Validator'), ...accountButtons(f.address, 'Account')],
  }),
};
