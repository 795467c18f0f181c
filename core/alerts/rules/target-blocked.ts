/** A validator the watched address nominates started blocking new nominations. */
import { accountButtons } from '../alert-links.js';
import { targetChanges } from '../detect-staking.js';
import type { AlertRule } from '../rule-types.js';

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
  detect: (input) =>
    targetChanges(
      input,
      'blocked',
      (before, after) => !!before.prefs && !!after.prefs?.blocked && !before.prefs.blocked,
      (validator) => ({ kind: 'target-blocked', address: input.address, validator }),
    ),
  message: (f, w) => ({
    title: 'A validator you nominate blocks nominations',
    lines: [
      `${w.account(f.validator)} no longer accepts new nominations. Your nomination stays unless the validator removes it.`,
      `Nominator: ${w.account(f.address)}`,
    ],
    links: [...accountButtons(f.validator, 'Validator'), ...accountButtons(f.address, 'Nominator')],
  }),
};
