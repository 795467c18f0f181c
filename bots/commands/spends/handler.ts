/**
 * `/spends`: the spends of one filter (and beneficiary), soonest expiry first, cut to what both
 * platforms fit with the rest counted.
 */
import type { Reply } from '../../../core/reply/reply-types.js';
import type { SpendRow, SpendsFilter } from '../../../core/reply/treasury-replies.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { base, missingData } from '../reply-base.js';
import {
  anchorOf,
  byExpiry,
  EXPIRING_WITHIN_BLOCKS,
  isExpiringSoon,
  isOpen,
  spendRow,
  treasuryOf,
} from '../treasury/data.js';
import type { SpendsCommand } from './grammar.js';

/** Rows one answer shows: each is about three lines, well within Discord's and Telegram's limits. */
export const MAX_SPEND_ROWS = 12;

export function matchesFilter(row: SpendRow, filter: SpendsFilter): boolean {
  switch (filter) {
    case 'pending':
      return isOpen(row);
    case 'claimable':
      return row.phase === 'claimable';
    case 'expiring':
      return isExpiringSoon(row);
    case 'failed':
      return row.phase === 'failed';
  }
}

export async function spendsCommand(
  command: SpendsCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const state = await treasuryOf(ctx, frame);
  if (!state) return missingData('spends', 'treasury data', frame);
  const anchor = anchorOf(frame);
  const who = command.beneficiary?.address ?? null;
  const rows = state.spends
    .filter((s) => who === null || s.beneficiary === who)
    .map((s) => spendRow(s, state, anchor))
    .filter((r) => matchesFilter(r, command.filter))
    .sort(byExpiry);
  return {
    type: 'spends',
    filter: command.filter,
    beneficiary: command.beneficiary,
    total: rows.length,
    rows: rows.slice(0, MAX_SPEND_ROWS),
    omitted: Math.max(0, rows.length - MAX_SPEND_ROWS),
    expiringWithinBlocks: EXPIRING_WITHIN_BLOCKS,
    ...base(frame),
  };
}
