/** A validator the watched address nominates is no longer in the active set. */
import { formatInteger } from '../../format/number.js';
import { accountButtons } from '../alert-links.js';
import { targetChanges } from '../detect-staking.js';
import type { AlertRule } from '../rule-types.js';

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
  detect: (input) =>
    targetChanges(
      input,
      'left-active',
      (before, after) => before.active && !after.active,
      (validator) => ({
        kind: 'target-left-active',
        address: input.address,
        validator,
        era: input.ctx.activeEra.index,
      }),
    ),
  message: (f, w) => ({
    title: `A validator you nominate is not active in era ${formatInteger(f.era)}`,
    lines: [
      `${w.account(f.validator)} was not elected for era ${formatInteger(f.era)}, so it earns no rewards this era; your stake earns only through the nominations that were.`,
      `Nominator: ${w.account(f.address)}`,
    ],
    links: [...accountButtons(f.validator, 'Validator'), ...accountButtons(f.address, 'Nominator')],
  }),
};
