/**
 * A treasury spend's payment failed: its status became Failed since the previous version (after
 * `treasury.checkStatus` saw the attempted payment fail). `treasury.payout(index)` retries it
 * until it expires. Once per failed payment (its payment id).
 */
import { spendPhase } from '../../treasury/spend-phase.js';
import { spendButtons } from '../alert-links.js';
import { treasuryScope } from '../detect-treasury.js';
import type { AlertRule, Found } from '../rule-types.js';
import { payoutCall, type SpendFacts, spendFacts, spendLine, spendsByIndex } from '../treasury-words.js';
import { blockTime } from '../wording.js';

export interface SpendPayoutFailedFacts extends SpendFacts {
  kind: 'spend-payout-failed';
}

export const spendPayoutFailed: AlertRule<SpendPayoutFailedFacts, 'treasury'> = {
  kind: 'spend-payout-failed',
  group: 'treasury',
  description: "a treasury spend's payout failed",
  severity: 'warning',
  source: 'treasury',
  detect({ before, after, relayBlock }, clock) {
    if (!before) return [];
    const was = spendsByIndex(before.treasury.spends);
    const found: Array<Found<SpendPayoutFailedFacts>> = [];
    for (const spend of after.spends) {
      const old = was.get(spend.index);
      if (!old || old.status === 'Failed' || spend.status !== 'Failed') continue;
      if (spendPhase(spend, relayBlock) === 'expired') continue;
      found.push({
        id: `spend:${spend.index}:failed:${old.paymentId ?? 'none'}`,
        scope: treasuryScope(spend.asset, spend.amount, after.holdings, [spend.beneficiary]),
        facts: { kind: 'spend-payout-failed', ...spendFacts(spend, clock) },
      });
    }
    return found;
  },
  message: (f, w) => ({
    title: `Treasury spend #${f.index}: the payout failed`,
    lines: [
      spendLine(f, w),
      [
        `Retry it with ${payoutCall(f.index)} before `,
        ...blockTime(f.expireAt),
        '; anyone may submit the call.',
      ],
    ],
    links: spendButtons(f.index),
  }),
};
