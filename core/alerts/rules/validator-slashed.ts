/** A validator the watched address nominates (or its own validator) was slashed. */
import { formatInteger, formatPerbill } from '../../format/number.js';
import { accountButtons } from '../alert-links.js';
import { addressScope } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import { ksm } from '../wording.js';

export interface ValidatorSlashedFacts {
  kind: 'validator-slashed';
  address: string;
  validator: string;
  era: number;
  fraction: number | null;
  amount: string;
}

export const validatorSlashed: AlertRule<ValidatorSlashedFacts, 'slashes'> = {
  kind: 'validator-slashed',
  group: 'slashes',
  description: 'a nominated validator was slashed',
  severity: 'critical',
  source: 'slashes',
  detect({ address, validator, slash }) {
    if (slash.kind !== 'applied') return [];
    return [
      {
        id: addressAlertId('slash', address, validator, slash.era),
        scope: addressScope(address),
        facts: {
          kind: 'validator-slashed',
          address,
          validator,
          era: slash.era,
          fraction: slash.fraction,
          amount: slash.amount.toString(),
        },
      },
    ];
  },
  message: (f, w) => ({
    title: `A validator you nominate was slashed (era ${formatInteger(f.era)})`,
    lines: [
      `${w.account(f.validator)} was slashed ${ksm(f.amount)}${f.fraction === null ? '' : ` (${formatPerbill(f.fraction)})`} for an offence in era ${formatInteger(f.era)}.${f.fraction === null ? '' : ' Its nominators in that era lose the same share of the stake they had behind it.'}`,
      `Account: ${w.account(f.address)}`,
    ],
    links: [...accountButtons(f.validator, 'Validator'), ...accountButtons(f.address, 'Account')],
  }),
};
