/**
 * The index sweep, run on a schedule: the whole index is read, and each target it names is
 * reconciled with its record. A subscription whose index item is missing (written before index
 * items came first) gets it back; an index item no record backs (a subscribe that died between its
 * two writes, an unsubscribe that died before its delete, a subscribe refused at the limit) is
 * deleted once it is older than the grace, which is longer than any request runs, so a subscribe
 * still on its way to the record never loses its index item. Every write is conditional on what
 * was read, so a sweep racing with subscribes and unsubscribes never deletes a live item. The
 * settings summaries are checked against the same records (summary.ts).
 */
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { IndexRepair, SummarySweep } from '../../../core/ports/subscription-store.js';
import { SUBSCRIPTION_KINDS, type SubscriptionKind } from '../../../core/subscriptions/subscription-model.js';
import { type Item, type ItemKey, keyString, runPool, type TableIo, WriteTally } from '../table/index.js';
import { holdsGeneration, indexItem, type StoredRecord, storedRecord } from './index-items.js';
import { indexPk, targetItemKey } from './keys.js';
import { readSummary, rebuildSummary, type SummaryKind, trimSummary } from './summary.js';
import { settingsHeld } from './watched-settings.js';

/** An index item no record backs is deleted only when it is older than this. */
export const LEFTOVER_GRACE_MS = 60 * 60_000;

const KINDS: readonly SubscriptionKind[] = SUBSCRIPTION_KINDS;

export async function repairIndex(
  io: TableIo,
  now: number,
  graceMs = LEFTOVER_GRACE_MS,
): Promise<IndexRepair> {
  const tally = new WriteTally();
  const byTarget = new Map<string, { ref: DeliveryTarget; hits: Item[] }>();
  for (const kind of KINDS) {
    const hits = await io.query(
      {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': indexPk(kind) },
        ConsistentRead: true,
      },
      tally,
    );
    for (const hit of hits) {
      const ref = { platform: hit.platform, kind: hit.tkind, id: hit.tid } as DeliveryTarget;
      const key = keyString(targetItemKey(ref));
      const entry = byTarget.get(key) ?? { ref, hits: [] };
      entry.hits.push(hit);
      byTarget.set(key, entry);
    }
  }
  const records = await io.batchGet(
    [...byTarget.values()].map((t) => targetItemKey(t.ref)),
    true,
    tally,
  );
  const result: IndexRepair = {
    targets: byTarget.size,
    restored: 0,
    removed: 0,
    young: 0,
    regenerated: 0,
    summaries: await sweepSummaries(io, [...records.values()], { readStart: now, now, graceMs }, tally),
  };
  await runPool([...byTarget.entries()], io.concurrency, async ([key, { ref, hits }]) => {
    const item = records.get(key);
    const stored = item ? storedRecord(item) : undefined;
    await reconcileTarget(io, { ref, stored, hits, now, graceMs, tally }, result);
  });
  return result;
}

/**
 * Each settings summary against every record read (disabled targets' included): rebuilt when
 * missing or not ready, else given held settings it lacks and rid of old ones nobody holds.
 */
async function sweepSummaries(
  io: TableIo,
  records: Item[],
  times: { readStart: number; now: number; graceMs: number },
  tally: WriteTally,
): Promise<IndexRepair['summaries']> {
  const subscriptions = records.flatMap((item) =>
    storedRecord(item).record.subscriptions.map((subscription) => ({ subscription })),
  );
  const sweep = async (kind: SummaryKind): Promise<SummarySweep> => {
    const held = settingsHeld(kind, subscriptions);
    const found = await readSummary(io, kind);
    if (found === null || found === 'corrupt' || found.ready === undefined)
      return { step: await rebuildSummary(io, kind, found, held, times, tally), added: 0, dropped: 0 };
    return { step: 'checked', ...(await trimSummary(io, kind, found, held, times, tally)) };
  };
  return {
    deadlines: await sweep('deadlines'),
    coretime: await sweep('coretime'),
    para: await sweep('para'),
  };
}

interface TargetCheck {
  ref: DeliveryTarget;
  stored: StoredRecord | undefined;
  /** The target's index items. */
  hits: Item[];
  now: number;
  graceMs: number;
  tally: WriteTally;
}

/** One target's index items against its record. */
async function reconcileTarget(io: TableIo, check: TargetCheck, result: IndexRepair): Promise<void> {
  const { ref, stored, hits, now, tally } = check;
  const indexed = new Set<string>();
  for (const hit of hits) {
    const key = String(hit.key);
    const itemKey: ItemKey = { pk: String(hit.pk), sk: String(hit.sk) };
    const hitGen = typeof hit.g === 'string' ? hit.g : undefined;
    if (!stored?.record.subscriptions.some((s) => s.key === key)) {
      const at = typeof hit.at === 'number' ? hit.at : undefined;
      if (at !== undefined && at > now - check.graceMs) result.young += 1;
      else if (await removeLeftover(io, itemKey, hitGen, at, tally)) result.removed += 1;
      continue;
    }
    indexed.add(key);
    const gen = stored.gens.get(key);
    if (gen === hitGen) continue;
    const own = holdsGeneration(hitGen);
    const values = { ...own.values, ...(gen === undefined ? {} : { ':new': gen }) };
    const updated = await io.update(
      {
        Key: itemKey,
        UpdateExpression: gen === undefined ? 'REMOVE g' : 'SET g = :new',
        ConditionExpression: own.expression,
        ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
      },
      tally,
      'version',
    );
    if (updated) result.regenerated += 1;
  }
  for (const sub of stored?.record.subscriptions ?? []) {
    if (indexed.has(sub.key)) continue;
    const item = indexItem(ref, { spec: sub.spec, id: sub.id, gen: stored!.gens.get(sub.key) }, now);
    if (await io.put(item, tally, 'version', 'attribute_not_exists(pk)')) result.restored += 1;
  }
}

/** Deletes a leftover index item unless it was written again since the sweep read it. */
function removeLeftover(
  io: TableIo,
  key: ItemKey,
  gen: string | undefined,
  at: number | undefined,
  tally: WriteTally,
): Promise<boolean> {
  const own = holdsGeneration(gen);
  const values = { ...own.values, ...(at === undefined ? {} : { ':at': at }) };
  return io.delete(key, tally, 'cleanup', {
    expression: `${own.expression} AND ${at === undefined ? 'attribute_not_exists(#at)' : '#at = :at'}`,
    names: { '#at': 'at' },
    values: Object.keys(values).length > 0 ? values : undefined,
  });
}
