/**
 * Who gets an event: the index items of a kind (narrowed by track, referendum or address) name
 * the targets; their records, read in one batch, say which subscriptions still exist and whether
 * the target is enabled. A stale index item finds no subscription and is skipped.
 */
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { Subscriber, SubscriberQuery } from '../../../core/ports/subscription-store.js';
import { SUBSCRIPTION_KINDS, type SubscriptionKind } from '../../../core/subscriptions/subscription-model.js';
import { InvalidInputError, type Item, keyString, type TableIo } from '../table/index.js';
import { decodeTargetRecord } from './items.js';
import { indexPk, targetItemKey } from './keys.js';

export async function subscribersOf(io: TableIo, query: SubscriberQuery): Promise<Subscriber[]> {
  const found = await indexedSubscriptions(io, query);
  return found.filter((s) => !s.disabled).map(({ target, subscription }) => ({ target, subscription }));
}

/** Every subscription the index finds for the query whose record holds it, disabled targets' too. */
export async function indexedSubscriptions(
  io: TableIo,
  query: SubscriberQuery,
): Promise<Array<Subscriber & { disabled: boolean }>> {
  const prefixes = queryPrefixes(query);
  const hits: Item[] = [];
  for (const prefix of prefixes) {
    hits.push(
      ...(await io.query(
        prefix === null
          ? {
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': indexPk(query.kind) },
            }
          : {
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
              ExpressionAttributeValues: { ':pk': indexPk(query.kind), ':p': `${prefix}#` },
            },
        undefined,
      )),
    );
  }
  const targets = new Map<string, DeliveryTarget>();
  for (const hit of hits) {
    const ref = { platform: hit.platform, kind: hit.tkind, id: hit.tid } as DeliveryTarget;
    targets.set(keyString(targetItemKey(ref)), ref);
  }
  const records = await io.batchGet(
    [...targets.values()].map((t) => targetItemKey(t)),
    true,
  );
  const out: Array<Subscriber & { disabled: boolean }> = [];
  for (const hit of hits) {
    const ref = { platform: hit.platform, kind: hit.tkind, id: hit.tid } as DeliveryTarget;
    const item = records.get(keyString(targetItemKey(ref)));
    if (!item) continue;
    const record = decodeTargetRecord(item);
    // A stale index item (its subscription was removed) finds no subscription and is skipped.
    const subscription = record.subscriptions.find((s) => s.key === hit.key);
    if (subscription) out.push({ target: ref, subscription, disabled: record.disabled !== null });
  }
  return out;
}

export async function watchedAddresses(io: TableIo): Promise<string[]> {
  const items = await io.query(
    {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': indexPk('address') },
      ProjectionExpression: 'sk',
    },
    undefined,
  );
  return [...new Set(items.map((i) => String(i.sk).split('#')[0]!))].sort();
}

/** Referenda one deadline query may name. */
const MAX_DEADLINES_AT_ONCE = 1_000;

/** Index sort-key prefixes to query; null means the whole partition. */
function queryPrefixes(query: SubscriberQuery): Array<string | null> {
  const q = query as {
    kind?: unknown;
    track?: unknown;
    referendum?: unknown;
    address?: unknown;
    of?: unknown;
  };
  const id = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!SUBSCRIPTION_KINDS.includes(q.kind as SubscriptionKind))
    throw new InvalidInputError(`subscribersOf: unknown kind ${JSON.stringify(q.kind)}`);
  if ('of' in q) {
    const of = q.of as Array<{ track?: unknown; referendum?: unknown }>;
    if (
      q.kind !== 'deadlines' ||
      !Array.isArray(of) ||
      of.length < 1 ||
      of.length > MAX_DEADLINES_AT_ONCE ||
      !of.every((d) => typeof d === 'object' && d !== null && id(d.track) && id(d.referendum))
    )
      throw new InvalidInputError(
        `subscribersOf: deadlines of 1–${MAX_DEADLINES_AT_ONCE} referenda, each a track and a referendum id`,
      );
    return ['all', ...new Set(of.map((d) => `t${d.track}`)), ...new Set(of.map((d) => `r${d.referendum}`))];
  }
  if ('track' in q && !id(q.track)) throw new InvalidInputError('subscribersOf: track must be a track id');
  if ('para' in q && !id((q as { para?: unknown }).para))
    throw new InvalidInputError('subscribersOf: para must be a para id');
  if ('referendum' in q && !id(q.referendum))
    throw new InvalidInputError('subscribersOf: referendum must be a referendum id');
  if ('address' in q && (typeof q.address !== 'string' || !/^[1-9A-HJ-NP-Za-km-z]{46,48}$/.test(q.address)))
    throw new InvalidInputError('subscribersOf: address must be an SS58 address in Kusama form');
  if (query.kind === 'referenda' && 'track' in query) return ['all', `t${query.track}`];
  if (query.kind === 'deadlines' && 'track' in query)
    return ['all', `t${query.track}`, `r${query.referendum}`];
  if (query.kind === 'address' && 'address' in query) return [query.address];
  if (query.kind === 'para' && 'para' in query) return [`p${query.para}`];
  return [null];
}
