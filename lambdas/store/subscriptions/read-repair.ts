/**
 * Repair on read. A subscription without a generation was written when the record came first, so
 * a crash may have cost it its index item, and the sweep cannot find a target none of whose index
 * items exist. When such a record is read (listed, or subscribed to), each of those subscriptions
 * gets its index item (taken over, or written where there is none) and then a generation, in the
 * index item first and the record second (its settings into its kind's summary before either, as a
 * subscribe does). From then on it is like any other subscription, and
 * reading its record costs nothing more.
 */
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { TableIo } from '../table/index.js';
import { WriteTally } from '../table/index.js';
import { indexItem, type StoredRecord } from './index-items.js';
import { newGeneration } from './items.js';
import { targetItemKey } from './keys.js';
import { facetsOf, noteChange } from './summary.js';

export async function adoptLegacy(
  io: TableIo,
  target: DeliveryTarget,
  stored: StoredRecord,
  now: number,
): Promise<StoredRecord> {
  const legacy = stored.record.subscriptions.filter((s) => stored.gens.get(s.key) === undefined);
  if (legacy.length === 0) return stored;
  const tally = new WriteTally();
  const gens = new Map(stored.gens);
  await Promise.all(
    legacy.map(async (s) => {
      const gen = newGeneration();
      // Reachable from now on: its settings go into its kind's summary first, as a subscribe's do.
      const summarised = facetsOf(s.spec);
      if (summarised) await noteChange(io, summarised.kind, summarised.facets, now, tally);
      const indexed = await io.put(
        indexItem(target, { spec: s.spec, id: s.id, gen }, now),
        tally,
        'version',
        {
          expression: 'attribute_not_exists(pk) OR attribute_not_exists(g)',
        },
      );
      // An index item with a generation: a subscribe of the same key owns it, and finds the record.
      if (!indexed) return;
      const marked = await io.update(
        {
          Key: targetItemKey(target),
          UpdateExpression: 'SET subs.#k.g = :g',
          ConditionExpression: 'attribute_exists(subs.#k) AND attribute_not_exists(subs.#k.g)',
          ExpressionAttributeNames: { '#k': s.key },
          ExpressionAttributeValues: { ':g': gen },
        },
        tally,
        'version',
      );
      if (marked) gens.set(s.key, gen);
    }),
  );
  return { record: stored.record, gens };
}
