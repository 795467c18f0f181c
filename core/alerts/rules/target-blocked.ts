/** A validator the watched address nominates started blocking new nominations. */
import { addressScope, targetPairs } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import { shortAddress } from '../wording.js';

export interface TargetBlockedFacts {
  kind: 'target-blocked';
  address: string;
  validator: string;
}

export const targetBlocked: AlertRule<TargetBlockedFacts, 'account'> = {
  kind: 'target-blocked',
  group: 'staking',
  description: 'a nominated validator blocks nominations',
  severity: 'warning',
  source: 'account',
  detect(input) {
    const { address } = input;
    const era = input.ctx.activeEra.index;
    return targetPairs(input)
      .filter((t) => t.before.prefs && t.after.prefs?.blocked && !t.before.prefs.blocked)
      .map(({ validator }) => ({
        id: addressAlertId('blocked', address, validator, era),
        scope: addressScope(address),
        facts: { kind: 'target-blocked', address, validator },
      }));
  },
  message: (f) => ({
    title: 'A validator you nominate blocks nominations',
    lines: [
      `${shortAddress(f.validator)} now blocks new nominations`,
      `Nominator: ${shortAddress(f.address)}`,
    ],
  }),
};
