/**
 * `/bounties [status]`: the bounties of both pallets from `index/bounties`, each with its update
 * deadline and when it can be claimed, filtered by status and cut to what both platforms fit.
 */
import { blockTime } from '../../../core/opengov/time.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { BountiesFilter, BountyRow } from '../../../core/reply/treasury-replies.js';
import type { BountySummary } from '../../../core/snapshot/entities.js';
import { bountyClaim } from '../../../core/treasury/bounty-claim.js';
import type { BountyStatus } from '../../../core/types/treasury.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { base, missingData } from '../reply-base.js';
import { anchorOf, bountyIndexOf } from '../treasury/data.js';
import type { BountiesCommand } from './grammar.js';

export const MAX_BOUNTY_ROWS = 12;

/** The statuses each filter word lists (`live` and `all` are worked out apart). */
const STATUSES: Record<Exclude<BountiesFilter, 'live' | 'all'>, readonly BountyStatus[]> = {
  proposed: ['Proposed', 'Approved', 'ApprovedWithCurator', 'FundingAttempted'],
  funded: ['Funded', 'CuratorUnassigned'],
  curator: ['CuratorProposed'],
  active: ['Active'],
  claimable: ['PendingPayout', 'PayoutAttempted'],
};

export function matchesBountyFilter(status: BountyStatus, filter: BountiesFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'live') return status !== 'Proposed';
  return STATUSES[filter].includes(status);
}

export function bountyRow(b: BountySummary, frame: Frame): BountyRow {
  const anchor = anchorOf(frame);
  return {
    bounty: b,
    updateDue: b.updateDue === null ? null : blockTime(b.updateDue, anchor),
    claim: bountyClaim(b, b.pallet, b.id, null, anchor),
  };
}

export async function bountiesCommand(
  command: BountiesCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const index = await bountyIndexOf(ctx, frame);
  if (!index) return missingData('bounties', 'bounty data', frame);
  const rows = index.bounties.filter((b) => matchesBountyFilter(b.status, command.filter));
  return {
    type: 'bounties',
    filter: command.filter,
    bountyCount: index.bountyCount,
    multiAssetBountyCount: index.multiAssetBountyCount,
    childBountyCount: index.childBountyCount,
    total: rows.length,
    rows: rows.slice(0, MAX_BOUNTY_ROWS).map((b) => bountyRow(b, frame)),
    omitted: Math.max(0, rows.length - MAX_BOUNTY_ROWS),
    ...base(frame),
  };
}
