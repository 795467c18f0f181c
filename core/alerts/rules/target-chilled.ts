/** A validator the watched address nominates stopped being a validator candidate. */
import { addressScope, targetPairs } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import { shortAddress } from '../wording.js';

export interface TargetChilledFacts {
  kind: 'target-chilled';
  address: string;
  validator: string;
}

export const targetChilled: AlertRule<TargetChilledFacts, 'account'> = {
  kind: 'target-chilled',
  group: 'staking',
  description: 'a nominated validator was chilled',
  severity: 'warning',
  source: 'account',
  detect(input) {
    const { address } = input;
    const era = input.ctx.activeEra.index;
    return targetPairs(input)
      .filter((t) => t.before.prefs && !t.after.prefs)
      .map(({ validator }) => ({
        id: addressAlertId('chilled', address, validator, era),
        scope: addressScope(address),
        facts: { kind: 'target-chilled', address, validator },
      }));
  },
  message: (f) => ({
    title: 'A validator you nominate was chilled',
    lines: [
      `${shortAddress(f.validator)} is no longer a validator candidate`,
      `Nominator: ${shortAddress(f.address)}`,
    ],
  }),
};
