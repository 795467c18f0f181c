/** A validator the watched address nominates raised its commission. */
import { formatPerbill } from '../../format/number.js';
import { accountButtons } from '../alert-links.js';
import { addressScope, targetPairs } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule, Found } from '../rule-types.js';

export interface CommissionRaisedFacts {
  kind: 'commission-raised';
  address: string;
  validator: string;
  from: number;
  to: number;
}

export const commissionRaised: AlertRule<CommissionRaisedFacts, 'account'> = {
  kind: 'commission-raised',
  group: 'staking',
  description: 'a nominated validator raised its commission',
  severity: 'warning',
  source: 'account',
  detect(input) {
    const { address } = input;
    return targetPairs(input).flatMap(({ validator, before, after }): Array<Found<CommissionRaisedFacts>> => {
      if (!before.prefs || !after.prefs || after.prefs.commission <= before.prefs.commission) return [];
      const from = before.prefs.commission;
      const to = after.prefs.commission;
      return [
        {
          id: addressAlertId('commission', address, validator, from, to),
          scope: addressScope(address),
          facts: { kind: 'commission-raised', address, validator, from, to },
        },
      ];
    });
  },
  message: (f, w) => ({
    title: 'A validator you nominate raised its commission',
    lines: [
      `${w.account(f.validator)} now keeps ${formatPerbill(f.to)} of its rewards as commission, up from ${formatPerbill(f.from)}; its nominators share the rest.`,
      `Nominator: ${w.account(f.address)}`,
    ],
    links: [...accountButtons(f.validator, 'Validator'), ...accountButtons(f.address, 'Nominator')],
  }),
};
