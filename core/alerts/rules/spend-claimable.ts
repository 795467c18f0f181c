/**
 * A treasury spend became claimable: relay time passed its `validFrom` since the previous version
 * (it was upcoming at that version's relay block and is claimable at this one's). A spend approved
 * already claimable is told by spend-approved instead.
 */

import { spendPhase } from '../../treasury/spend-phase.js';
import { spendButtons } from '../alert-links.js';
import { treasuryScope } from '../detect-treasury.js';
import type { AlertRule, Found } from '../rule-types.js';
import {
  claimableAt,
  claimLine,
  type SpendFacts,
  spendFacts,
  spendLine,
  spendsByIndex,
} from '../treasury-words.js';

export interface SpendClaimableFacts extends SpendFacts {
  kind: 'spend-claimable';
}

export const spendClaimable: AlertRule<SpendClaimableFacts, 'treasury'> = {
  kind: 'spend-claimable',
  group: 'treasury',
  description: 'a treasury spend can be claimed now',
  severity: 'warning',
  source: 'treasury',
  detect({ before, after, relayBlock }, clock) {
    if (!before) return [];
    const was = spendsByIndex(before.treasury.spends);
    const found: Array<Found<SpendClaimableFacts>> = [];
    for (const spend of after.spends) {
      const old = was.get(spend.index);
      if (!old || spendPhase(old, before.relayBlock) !== 'upcoming' || !claimableAt(spend, relayBlock))
        continue;
      found.push({
        id: `spend:${spend.index}:claimable`,
        scope: treasuryScope(spend.asset, spend.amount, after.holdings, [spend.beneficiary]),
        facts: { kind: 'spend-claimable', ...spendFacts(spend, clock) },
      });
    }
    return found;
  },
  message: (f, w) => ({
    title: `Treasury spend #${f.index} can be claimed now`,
    lines: [spendLine(f, w), claimLine(f)],
    links: spendButtons(f.index),
  }),
};
