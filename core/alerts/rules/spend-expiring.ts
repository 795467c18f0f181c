/**
 * An unclaimed treasury spend (claimable, or its payment failed) expires within a lead time (7 d,
 * 1 d and 1 h by default): once per (spend, expiry, lead time), the tightest lead that holds the
 * time left. Never for a spend whose payment was attempted (it waits for `check_status`), one that
 * was paid (removed) or one already expired.
 */
import { spendPhase } from '../../treasury/spend-phase.js';
import { spendButtons } from '../alert-links.js';
import { applicableLead } from '../detect-deadlines.js';
import { blocksMs, treasuryScope } from '../detect-treasury.js';
import { leadLabel } from '../identity.js';
import type { AlertRule, Found } from '../rule-types.js';
import { at } from '../spans.js';
import { claimLine, type SpendFacts, spendFacts, spendLine } from '../treasury-words.js';

export interface SpendExpiringFacts extends SpendFacts {
  kind: 'spend-expiring';
  leadMinutes: number;
  /** Its payment failed before (the call retries it). */
  failed: boolean;
}

export const spendExpiring: AlertRule<SpendExpiringFacts, 'treasury'> = {
  kind: 'spend-expiring',
  group: 'treasury',
  description: 'an unclaimed treasury spend expires soon',
  severity: (f) => (f.leadMinutes <= 60 ? 'critical' : 'warning'),
  source: 'treasury',
  detect({ after, nowBlock, leadMinutes }, clock) {
    const found: Array<Found<SpendExpiringFacts>> = [];
    for (const spend of after.spends) {
      const phase = spendPhase(spend, nowBlock);
      if (phase !== 'claimable' && phase !== 'failed') continue;
      const lead = applicableLead(leadMinutes, blocksMs(spend.expireAt - nowBlock));
      if (lead === null) continue;
      found.push({
        id: `spend:${spend.index}:expiring:${spend.expireAt}:${leadLabel(lead)}`,
        scope: treasuryScope(spend.asset, spend.amount, after.holdings, [spend.beneficiary]),
        facts: {
          kind: 'spend-expiring',
          ...spendFacts(spend, clock),
          leadMinutes: lead,
          failed: phase === 'failed',
        },
      });
    }
    return found;
  },
  message: (f, w) => ({
    title: [`Treasury spend #${f.index} expires `, at(f.expireAt.atMs), ' unclaimed'],
    lines: [
      spendLine(f, w),
      ...(f.failed ? ['Its last payment failed.'] : []),
      claimLine(f),
      'Once it expires the funds stay in the treasury.',
    ],
    links: spendButtons(f.index),
  }),
};
