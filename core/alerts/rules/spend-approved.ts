/**
 * A treasury spend appeared: a new index in `Treasury.Spends` since the previous version (with the
 * referendum that approved it when Herald saw its call). A spend approved already claimable is told
 * here, with the call, and not again by spend-claimable: one message tells the beneficiary it can
 * claim now.
 */
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
import { blockTime } from '../wording.js';

export interface SpendApprovedFacts extends SpendFacts {
  kind: 'spend-approved';
  /** Claimable at the version's relay block. */
  claimable: boolean;
}

export const spendApproved: AlertRule<SpendApprovedFacts, 'treasury'> = {
  kind: 'spend-approved',
  group: 'treasury',
  description: 'a treasury spend was approved',
  severity: 'info',
  source: 'treasury',
  detect({ before, after, relayBlock }, clock) {
    if (!before) return [];
    const known = spendsByIndex(before.treasury.spends);
    const found: Array<Found<SpendApprovedFacts>> = [];
    for (const spend of after.spends) {
      if (known.has(spend.index) || spend.index < before.treasury.spendCount) continue;
      found.push({
        id: `spend:${spend.index}:approved`,
        scope: treasuryScope(spend.asset, spend.amount, after.holdings, [spend.beneficiary]),
        facts: {
          kind: 'spend-approved',
          ...spendFacts(spend, clock),
          claimable: claimableAt(spend, relayBlock),
        },
      });
    }
    return found;
  },
  message: (f, w) => ({
    title: `Treasury spend #${f.index} approved`,
    lines: [
      spendLine(f, w),
      f.claimable ? 'It can be claimed now.' : ['It can be claimed from ', ...blockTime(f.validFrom), '.'],
      claimLine(f),
    ],
    links: spendButtons(f.index),
  }),
};
