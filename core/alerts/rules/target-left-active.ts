/** A validator the watched address nominates is no longer in the active set. */
import { formatInteger } from '../../format/number.js';
import { addressScope, targetPairs } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import { shortAddress } from '../wording.js';

export interface TargetLeftActiveFacts {
  kind: 'target-left-active';
  address: string;
  validator: string;
  era: number;
}

export const targetLeftActive: AlertRule<TargetLeftActiveFacts, 'account'> = {
  kind: 'target-left-active',
  group: 'staking',
  description: 'a nominated validator left the active set',
  severity: 'warning',
  source: 'account',
  detect(input) {
    const { address } = input;
    const era = input.ctx.activeEra.index;
    return targetPairs(input)
      .filter((t) => t.before.active && !t.after.active)
      .map(({ validator }) => ({
        id: addressAlertId('left-active', address, validator, era),
        scope: addressScope(address),
        facts: { kind: 'target-left-active', address, validator, era },
      }));
  },
  message: (f) => ({
    title: `A validator you nominate is not active in era ${formatInteger(f.era)}`,
    lines: [`${shortAddress(f.validator)} left the active set`, `Nominator: ${shortAddress(f.address)}`],
  }),
};
