/**
 * The frame of one answer: the committed pointer every read of the answer uses, the status entity,
 * and the data age computed from them. Also the cached aggregates commands share.
 */

import type { StorePointer } from '../../core/ports/snapshot-reader.js';
import { type Freshness, freshnessOf } from '../../core/reply/freshness.js';
import { ENTITY, type ReferendaIndex, type StatusEntity } from '../../core/snapshot/entities.js';
import { buildViewContext, type ViewContext } from '../../core/staking/context.js';
import type { EraSlice } from '../../core/staking/slice-types.js';
import type { TrackInfo } from '../../core/types/governance.js';
import type { CommandContext } from './context.js';

export interface Frame {
  pointer: StorePointer;
  status: StatusEntity | null;
  freshness: Freshness;
}

/** Null before the first snapshot; rejects when the store cannot be read. */
export async function loadFrame(ctx: CommandContext): Promise<Frame | null> {
  const pointer = await ctx.store.getPointer();
  if (!pointer) return null;
  const status = await ctx.cache.get(pointer.version, 'status', async () => {
    const found = await ctx.store.getEntity<StatusEntity>(ENTITY.status, 'current', { pointer });
    return found ?? null;
  });
  const meta = (pointer.meta ?? {}) as { relayBlock?: unknown; blockNumber?: unknown };
  const freshness = freshnessOf(
    {
      relayBlock: status?.anchor.relayBlock ?? Number(meta.relayBlock ?? 0),
      assetHubBlock: status?.anchor.blockNumber ?? Number(meta.blockNumber ?? 0),
      chainTimeMs: status?.anchor.timestampMs ?? 0,
      snapshotAtMs: pointer.committedAt,
      version: pointer.version,
    },
    ctx.now(),
    ctx.staleAfterMs,
  );
  return { pointer, status, freshness };
}

function cached<T>(ctx: CommandContext, frame: Frame, kind: string, id: string): Promise<T | null> {
  return ctx.cache.get(frame.pointer.version, `${kind}/${id}`, async () => {
    const found = await ctx.store.getEntity<T>(kind, id, { pointer: frame.pointer });
    return found ?? null;
  });
}

export function eraSliceOf(ctx: CommandContext, frame: Frame): Promise<EraSlice | null> {
  return cached<EraSlice>(ctx, frame, ENTITY.era, 'current');
}

export function viewContextOf(ctx: CommandContext, frame: Frame): Promise<ViewContext | null> {
  return ctx.cache.get(frame.pointer.version, 'view-context', async () => {
    const slice = await eraSliceOf(ctx, frame);
    return slice ? buildViewContext(slice) : null;
  });
}

export async function tracksOf(ctx: CommandContext, frame: Frame): Promise<TrackInfo[]> {
  return (await cached<TrackInfo[]>(ctx, frame, ENTITY.tracks, 'all')) ?? [];
}

export function referendaIndexOf(ctx: CommandContext, frame: Frame): Promise<ReferendaIndex | null> {
  return cached<ReferendaIndex>(ctx, frame, ENTITY.index, 'referenda');
}
