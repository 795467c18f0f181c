/**
 * `/spend <index>`: one spend with its phase and what to do, the title of the referendum that
 * approved it (its referendum entity), or why there is no such spend.
 */
import { referendumLinks } from '../../../core/links/urls.js';
import type { ReferendumTitle, Reply } from '../../../core/reply/reply-types.js';
import { ENTITY, type ReferendumEntity } from '../../../core/snapshot/entities.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { base, missingData } from '../reply-base.js';
import { anchorOf, spendRow, treasuryOf } from '../treasury/data.js';
import type { SpendCommand } from './grammar.js';

async function titleOf(ctx: CommandContext, frame: Frame, id: number): Promise<ReferendumTitle | undefined> {
  const found = await ctx.store.getEntity<ReferendumEntity>(ENTITY.referendum, String(id), {
    pointer: frame.pointer,
  });
  return found?.title;
}

export async function spendCommand(command: SpendCommand, frame: Frame, ctx: CommandContext): Promise<Reply> {
  const state = await treasuryOf(ctx, frame);
  if (!state) return missingData('spend', 'treasury data', frame);
  const spend = state.spends.find((s) => s.index === command.index);
  const common = {
    type: 'spend' as const,
    index: command.index,
    spendCount: state.spendCount,
    ...base(frame),
  };
  if (!spend)
    return { ...common, spend: null, absent: command.index < state.spendCount ? 'removed' : 'never' };
  const approvedByTitle = spend.approvedBy === null ? undefined : await titleOf(ctx, frame, spend.approvedBy);
  return {
    ...common,
    spend: spendRow(spend, state, anchorOf(frame)),
    absent: null,
    ...(approvedByTitle ? { approvedByTitle } : {}),
    ...(spend.approvedBy === null ? {} : { links: referendumLinks(spend.approvedBy) }),
  };
}
