/**
 * Index items, one per subscription, and the record they are checked against. An index item is
 * written before the record holds its subscription and deleted after the record lets it go, so a
 * crash between the two leaves at most an index item no record backs, which readers skip and the
 * sweep (repair.ts) removes; never a subscription the fan-out cannot find. Each item carries the
 * generation of the subscription it was written for (`g`) and when it was written (`at`).
 */
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { TargetSubscriptions } from '../../../core/ports/subscription-store.js';
import { type SubscriptionSpec, subscriptionKey } from '../../../core/subscriptions/subscription-model.js';
import type { Condition, Item, TableIo, WriteTally } from '../table/index.js';
import { decodeTargetRecord, generationsOf } from './items.js';
import { indexItemKey, targetItemKey } from './keys.js';

/** What an index item names: the subscription's spec, short id and generation. */
export interface IndexedSubscription {
  spec: SubscriptionSpec;
  id: string;
  gen: string | undefined;
}

/** A target record with the generation of each of its subscriptions. */
export interface StoredRecord {
  record: TargetSubscriptions;
  gens: Map<string, string | undefined>;
}

export async function loadRecord(io: TableIo, target: DeliveryTarget): Promise<StoredRecord | undefined> {
  const item = await io.get(targetItemKey(target), true);
  return item ? storedRecord(item) : undefined;
}

export function storedRecord(item: Item): StoredRecord {
  return { record: decodeTargetRecord(item), gens: generationsOf(item) };
}

export function indexItem(target: DeliveryTarget, sub: IndexedSubscription, now: number): Item {
  return {
    ...indexItemKey(sub.spec, target),
    platform: target.platform,
    tkind: target.kind,
    tid: target.id,
    key: subscriptionKey(sub.spec),
    sid: sub.id,
    at: now,
    ...(sub.gen === undefined ? {} : { g: sub.gen }),
  };
}

/** The item holds `gen` (no generation at all for undefined, as items written before generations). */
export function holdsGeneration(gen: string | undefined, name = ':g'): Condition {
  return gen === undefined
    ? { expression: 'attribute_not_exists(g)' }
    : { expression: `g = ${name}`, values: { [name]: gen } };
}

/** The index item of a subscription about to be created: written whatever was there. */
export function writeIndex(
  io: TableIo,
  target: DeliveryTarget,
  sub: IndexedSubscription,
  now: number,
  tally: WriteTally,
): Promise<boolean> {
  return io.put(indexItem(target, sub, now), tally, 'version');
}

/**
 * The index item of an existing subscription, unless the item belongs to another generation (a
 * subscribe of the same key that began meanwhile owns it). `mine` also lets this caller replace
 * the item it wrote itself a moment ago for a subscription that turned out to exist already.
 */
export function restoreIndex(
  io: TableIo,
  target: DeliveryTarget,
  sub: IndexedSubscription,
  now: number,
  tally: WriteTally,
  mine?: string,
): Promise<boolean> {
  const own = holdsGeneration(sub.gen);
  const expression = [
    'attribute_not_exists(pk)',
    own.expression,
    ...(mine === undefined ? [] : ['g = :mine']),
  ].join(' OR ');
  const values = { ...own.values, ...(mine === undefined ? {} : { ':mine': mine }) };
  return io.put(indexItem(target, sub, now), tally, 'version', {
    expression,
    values: Object.keys(values).length > 0 ? values : undefined,
  });
}

/** Deletes the index item of a removed subscription, only while it still belongs to that generation. */
export function deleteIndex(
  io: TableIo,
  target: DeliveryTarget,
  sub: IndexedSubscription,
  tally: WriteTally,
): Promise<boolean> {
  return io.delete(indexItemKey(sub.spec, target), tally, 'cleanup', holdsGeneration(sub.gen));
}
