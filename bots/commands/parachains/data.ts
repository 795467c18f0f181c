/**
 * The parachain answers' reads and shared pieces: the `parachains/current` entity at the frame's
 * pointer (cached per version), a para's label from the name table, a timeslice as a relay block
 * and time, and the relay cores counted by what they run.
 */
import { timesliceStartBlock } from '../../../core/coretime/timeslice.js';
import { paraName } from '../../../core/kusama/para-names.js';
import { blockTime, type TimeAnchor } from '../../../core/opengov/time.js';
import type { CoreCounts, ParaLabel, TimesliceTime } from '../../../core/reply/parachain-replies.js';
import { ENTITY, PARACHAINS_ID, type ParachainsEntity } from '../../../core/snapshot/entities.js';
import type { RelayCore, RelayParachainsState } from '../../../core/types/parachains.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { anchorOf } from '../treasury/data.js';

export { anchorOf };

export function parachainsOf(ctx: CommandContext, frame: Frame): Promise<ParachainsEntity | null> {
  return ctx.cache.get(frame.pointer.version, `${ENTITY.parachains}/${PARACHAINS_ID}`, async () => {
    const found = await ctx.store.getEntity<ParachainsEntity>(ENTITY.parachains, PARACHAINS_ID, {
      pointer: frame.pointer,
    });
    return found ?? null;
  });
}

export function paraOf(id: number): ParaLabel {
  return { id, name: paraName(id) };
}

export function timesliceTime(timeslice: number, period: number, anchor: TimeAnchor): TimesliceTime {
  return { timeslice, at: blockTime(timesliceStartBlock(timeslice, period), anchor) };
}

/** The paras a relay core runs now (task assignments), by id. */
export function coreParas(core: RelayCore): number[] {
  const ids = core.assignments.flatMap((a) => (a.assignment.type === 'task' ? [a.assignment.para] : []));
  return [...new Set(ids)].sort((a, b) => a - b);
}

/**
 * Cores in use (a task assigned), on the pool only, and idle (nothing, or only idle assigned); a
 * core up to `num_cores` without a descriptor is idle.
 */
export function coreCounts(relay: RelayParachainsState): CoreCounts {
  let inUse = 0;
  let pool = 0;
  const byCore = new Map(relay.cores.map((c) => [c.core, c]));
  const total = Math.max(relay.coreCount, relay.cores.length);
  for (const core of byCore.values()) {
    if (coreParas(core).length > 0) inUse += 1;
    else if (core.assignments.some((a) => a.assignment.type === 'pool')) pool += 1;
  }
  return { total, inUse, pool, idle: Math.max(0, total - inUse - pool) };
}

/** Relay blocks from now to `block` never below zero, for "in 3 days". */
export function blocksUntil(block: number, relayBlock: number): number {
  return Math.max(0, block - relayBlock);
}
