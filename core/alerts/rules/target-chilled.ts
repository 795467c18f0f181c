/** A validator the watched address nominates stopped being a validator candidate. */
import { accountButtons } from '../alert-links.js';
import { targetChanges } from '../detect-staking.js';
import type { AlertRule } from '../rule-types.js';

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
  detect: (input) =>
    targetChanges(
      input,
      'chilled',
      (before, after) => !!before.prefs && !after.prefs,
      (validator) => ({ kind: 'target-chilled', address: input.address, validator }),
    ),
  message: (f, w) => ({
    title: 'A validator you nominate stopped validating',
    lines: [
      `${w.account(f.validator)} was chilled: it is no longer a validator candidate and is not elected until it validates again. Consider nominating another.`,
      `Nominator: ${w.account(f.address)}`,
    ],
    links: [...accountButtons(f.validator, 'Validator'), ...accountButtons(f.address, 'Nominator')],
  }),
};
