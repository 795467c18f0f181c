/**
 * `/bounty <ref>`: one bounty with its child bounties (`bounty/<ref>`), or why there is none
 * (`index/bounties` counts what the pallets ever created).
 */
import { blockTime } from '../../../core/opengov/time.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { ChildBountyRow } from '../../../core/reply/treasury-replies.js';
import { ENTITY } from '../../../core/snapshot/entities.js';
import { bountyClaim } from '../../../core/treasury/bounty-claim.js';
import type { Bounty } from '../../../core/types/treasury.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { base, missingData } from '../reply-base.js';
import { anchorOf, bountyIndexOf } from '../treasury/data.js';
import type { BountyCommand } from './grammar.js';

const idOf = (ref: string): number => Number(ref.replace(/^m/, ''));

export async function bountyCommand(
  command: BountyCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const [found, index] = await Promise.all([
    ctx.store.getEntity<Bounty>(ENTITY.bounty, command.ref, { pointer: frame.pointer }),
    bountyIndexOf(ctx, frame),
  ]);
  const common = { type: 'bounty' as const, ref: command.ref, ...base(frame) };
  if (!found) {
    if (!index) return missingData('bounty', 'bounty data', frame);
    const count = command.ref.startsWith('m') ? index.multiAssetBountyCount : index.bountyCount;
    return {
      ...common,
      bounty: null,
      updateDue: null,
      claim: { state: 'none' },
      children: [],
      absent: count !== null && idOf(command.ref) < count ? 'removed' : 'never',
      multiAssetPallet: index.multiAssetBountyCount !== null,
    };
  }
  const anchor = anchorOf(frame);
  const { children, ...bounty } = found;
  const due = (block: number | null) => (block === null ? null : blockTime(block, anchor));
  const rows: ChildBountyRow[] = children.map((child) => ({
    child,
    updateDue: due(child.updateDue),
    claim: bountyClaim(child, bounty.pallet, bounty.id, child.id, anchor),
  }));
  return {
    ...common,
    bounty,
    updateDue: due(bounty.updateDue),
    claim: bountyClaim(bounty, bounty.pallet, bounty.id, null, anchor),
    children: rows,
    absent: null,
    multiAssetPallet: index ? index.multiAssetBountyCount !== null : true,
  };
}
