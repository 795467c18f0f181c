/** Starting a run: take the next version from the counter and fence out every older run. */

import { META_KEY, WriteTally } from '../table/index.js';
import { loadBase } from './base-manifest.js';
import { checkSmallValue } from './entity-input.js';
import { parseMeta } from './pointer.js';
import { DynamoVersionRun, type RunContext } from './version-run.js';

export async function beginRun(ctx: RunContext, meta: unknown): Promise<DynamoVersionRun> {
  const metaText = checkSmallValue(meta, 'meta');
  const tally = new WriteTally();
  const startedAt = ctx.now();
  // One atomic write: counter + 1, fence = the new version, and the base is the pointer it returns.
  const item = await ctx.io.update(
    {
      Key: META_KEY,
      UpdateExpression:
        'SET ctr = if_not_exists(ctr, :zero) + :one, fence = if_not_exists(ctr, :zero) + :one, ab = if_not_exists(ab, :empty)',
      ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':empty': {} },
      ReturnValues: 'ALL_NEW',
    },
    tally,
    'version',
  );
  const state = parseMeta(item);
  const base = state.pointer?.version ?? null;
  const clock = { now: startedAt, policy: ctx.expiry, maxRunMs: ctx.maxRunMs };
  const baseState =
    ctx.warmBase?.take(state.pointer?.version, startedAt) ??
    (await loadBase(ctx.io, state.pointer, clock, tally));
  return new DynamoVersionRun(ctx, state.counter, base, metaText, baseState, tally, startedAt);
}
