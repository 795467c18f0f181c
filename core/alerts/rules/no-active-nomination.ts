/** The watched nominator's nominations were in place before this era, yet none backs it in it. */
import { formatInteger } from '../../format/number.js';
import { accountButtons } from '../alert-links.js';
import { addressScope } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';

export interface NoActiveNominationFacts {
  kind: 'no-active-nomination';
  address: string;
  era: number;
  targets: number;
}

export const noActiveNomination: AlertRule<NoActiveNominationFacts, 'account'> = {
  kind: 'no-active-nomination',
  group: 'staking',
  description: 'no nomination is active this era',
  severity: 'warning',
  source: 'account',
  detect({ address, after, ctx }) {
    const era = ctx.activeEra.index;
    const nominations = after.nominations;
    if (!nominations || nominations.targets.length === 0 || after.validatorPrefs) return [];
    if (nominations.submittedIn >= era || after.exposures.some((e) => e.era === era && !e.own)) return [];
    return [
      {
        id: addressAlertId('no-active', address, era),
        scope: addressScope(address),
        facts: { kind: 'no-active-nomination', address, era, targets: nominations.targets.length },
      },
    ];
  },
  message: (f, w) => ({
    title: `None of your nominations is active in era ${formatInteger(f.era)}`,
    lines: [
      `${w.account(f.address)} nominates ${f.targets} validators, but none of them backs it with its stake in era ${formatInteger(f.era)}, so it earns nothing this era. Nominating validators likely to be elected fixes it from the next election.`,
    ],
    links: accountButtons(f.address),
  }),
};
