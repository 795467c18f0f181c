/**
 * Subscriptions in the Herald table. The target record holds every subscription of one target in
 * a map, so the per-target limits and idempotency are one conditional UpdateItem each; index items
 * (one per subscription) let the alert engine find subscribers by kind, track, referendum or
 * address. The record is the truth: index items are written after it and checked against it.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  MAX_ADDRESS_SUBSCRIPTIONS_PER_TARGET,
  MAX_SUBSCRIPTIONS_PER_TARGET,
} from '../../../core/commands/limits.js';
import {
  type Subscription,
  type SubscriptionSpec,
  sameSettings,
  subscriptionId,
  subscriptionKey,
  type Target,
  type TargetRef,
  targetKey,
} from '../../../core/commands/subscription-model.js';
import type {
  SubscribeResult,
  Subscriber,
  SubscriberQuery,
  SubscriptionStore,
  TargetSubscriptions,
  UnsubscribeResult,
  UnsubscribeSelector,
} from '../../../core/ports/subscription-store.js';
import { InvalidInputError, type Item, keyString, TableIo, WriteTally } from '../table/index.js';
import { checkSpec, checkTarget, decodeTargetRecord, subscriptionValue } from './items.js';
import { indexItemKey, indexPk, targetItemKey } from './keys.js';

export interface SubscriptionStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  now?: () => number;
  /** Per-target limits (defaults from core/commands/limits). */
  maxPerTarget?: number;
  maxAddressesPerTarget?: number;
}

const RETRIES = 4;

export function createSubscriptionStore(options: SubscriptionStoreOptions): SubscriptionStore {
  if (!options?.client || typeof options.tableName !== 'string' || options.tableName.length < 3)
    throw new InvalidInputError('createSubscriptionStore needs a DynamoDBClient and a table name');
  const doc = DynamoDBDocumentClient.from(options.client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  return new DynamoSubscriptionStore(
    new TableIo(doc, options.tableName),
    options.now ?? Date.now,
    options.maxPerTarget ?? MAX_SUBSCRIPTIONS_PER_TARGET,
    options.maxAddressesPerTarget ?? MAX_ADDRESS_SUBSCRIPTIONS_PER_TARGET,
  );
}

class DynamoSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly io: TableIo,
    private readonly now: () => number,
    private readonly max: number,
    private readonly maxAddresses: number,
  ) {}

  private async record(target: TargetRef): Promise<TargetSubscriptions | undefined> {
    const item = await this.io.get(targetItemKey(target), true);
    return item ? decodeTargetRecord(item) : undefined;
  }

  private indexItem(target: TargetRef, sub: Subscription | { spec: SubscriptionSpec; id: string }): Item {
    const spec = sub.spec;
    return {
      ...indexItemKey(spec, target),
      platform: target.platform,
      tkind: target.kind,
      tid: target.id,
      key: subscriptionKey(spec),
      sid: sub.id,
    };
  }

  async subscribe(target: Target, specInput: SubscriptionSpec): Promise<SubscribeResult> {
    checkTarget(target);
    const spec = checkSpec(specInput);
    const createdBy = target.createdBy ?? 'unknown';
    const key = subscriptionKey(spec);
    const tally = new WriteTally();
    const now = this.now();
    const ref: TargetRef = { platform: target.platform, kind: target.kind, id: target.id };
    await this.io.put(
      {
        ...targetItemKey(ref),
        platform: ref.platform,
        tkind: ref.kind,
        tid: ref.id,
        by: createdBy,
        cat: now,
        uat: now,
        n: 0,
        na: 0,
        subs: {},
      },
      tally,
      'version',
      'attribute_not_exists(pk)',
    );
    const isAddress = spec.kind === 'address';
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const old = await this.io.update(
        {
          Key: targetItemKey(ref),
          UpdateExpression: `SET subs.#k = :sub, n = n + :one, uat = :now${isAddress ? ', na = na + :one' : ''} REMOVE off`,
          ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(subs.#k) AND n < :max${isAddress ? ' AND na < :maxa' : ''}`,
          ExpressionAttributeNames: { '#k': key },
          ExpressionAttributeValues: {
            ':sub': subscriptionValue(spec, createdBy, now),
            ':one': 1,
            ':now': now,
            ':max': this.max,
            ...(isAddress ? { ':maxa': this.maxAddresses } : {}),
          },
          ReturnValues: 'ALL_OLD',
        },
        tally,
        'version',
      );
      if (old) {
        const before = decodeTargetRecord(old);
        const subscription: Subscription = {
          id: subscriptionId(spec),
          key,
          spec,
          createdBy,
          createdAtMs: now,
          updatedAtMs: now,
        };
        await this.io.put(this.indexItem(ref, subscription), tally, 'version');
        return {
          outcome: 'created',
          subscription,
          count: before.subscriptions.length + 1,
          reenabled: before.disabled !== null,
        };
      }
      const current = await this.record(ref);
      if (!current) continue;
      const existing = current.subscriptions.find((s) => s.key === key);
      if (existing) return this.resubscribe(ref, current, existing, spec, now, tally);
      const count = current.subscriptions.length;
      if (count >= this.max) return { outcome: 'limit-reached', which: 'total', count, limit: this.max };
      const addresses = current.subscriptions.filter((s) => s.spec.kind === 'address').length;
      if (isAddress && addresses >= this.maxAddresses)
        return { outcome: 'limit-reached', which: 'address', count: addresses, limit: this.maxAddresses };
    }
    throw new InvalidInputError(`subscribe on ${targetKey(ref)} kept racing with other changes; try again`);
  }

  /** The subscription exists: same settings is a no-op (index rewritten), new lead times update it. */
  private async resubscribe(
    ref: TargetRef,
    current: TargetSubscriptions,
    existing: Subscription,
    spec: SubscriptionSpec,
    now: number,
    tally: WriteTally,
  ): Promise<SubscribeResult> {
    const changed = !sameSettings(existing.spec, spec);
    const reenabled = current.disabled !== null;
    let subscription = existing;
    if (changed || reenabled) {
      const updated = await this.io.update(
        {
          Key: targetItemKey(ref),
          UpdateExpression: changed
            ? 'SET subs.#k.spec = :spec, subs.#k.uat = :now, uat = :now REMOVE off'
            : 'SET uat = :now REMOVE off',
          ConditionExpression: 'attribute_exists(subs.#k)',
          ExpressionAttributeNames: { '#k': existing.key },
          ExpressionAttributeValues: changed ? { ':spec': spec, ':now': now } : { ':now': now },
          ReturnValues: 'ALL_NEW',
        },
        tally,
        'version',
      );
      if (updated)
        subscription = decodeTargetRecord(updated).subscriptions.find((s) => s.key === existing.key)!;
    }
    await this.io.put(this.indexItem(ref, subscription), tally, 'version');
    return {
      outcome: changed ? 'updated' : 'unchanged',
      subscription,
      count: current.subscriptions.length,
      reenabled,
    };
  }

  async unsubscribe(target: TargetRef, selector: UnsubscribeSelector): Promise<UnsubscribeResult> {
    checkTarget(target);
    const tally = new WriteTally();
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const current = await this.record(target);
      if (!current) return { removed: [], remaining: 0, warnings: [] };
      const removed = current.subscriptions.filter((s) => selects(selector, s));
      const remaining = current.subscriptions.length - removed.length;
      if (removed.length === 0) return { removed, remaining, warnings: [] };
      const names: Record<string, string> = {};
      const conditions: string[] = [];
      removed.forEach((s, i) => {
        names[`#k${i}`] = s.key;
        conditions.push(`attribute_exists(subs.#k${i})`);
      });
      const addresses = removed.filter((s) => s.spec.kind === 'address').length;
      const done = await this.io.update(
        {
          Key: targetItemKey(target),
          UpdateExpression: `REMOVE ${Object.keys(names)
            .map((n) => `subs.${n}`)
            .join(', ')} SET n = n - :c, na = na - :ca, uat = :now`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':c': removed.length, ':ca': addresses, ':now': this.now() },
        },
        tally,
        'version',
      );
      if (!done) continue;
      const warnings: string[] = [];
      await Promise.all(
        removed.map((s) =>
          this.io.delete(indexItemKey(s.spec, target), tally, 'cleanup').catch((error: Error) => {
            warnings.push(`index item of ${s.key} not deleted: ${error.message}`);
          }),
        ),
      );
      return { removed, remaining, warnings };
    }
    throw new InvalidInputError(
      `unsubscribe on ${targetKey(target)} kept racing with other changes; try again`,
    );
  }

  async listSubscriptions(target: TargetRef): Promise<TargetSubscriptions | undefined> {
    checkTarget(target);
    return this.record(target);
  }

  async subscribersOf(query: SubscriberQuery): Promise<Subscriber[]> {
    const prefixes = queryPrefixes(query);
    const hits: Item[] = [];
    for (const prefix of prefixes) {
      hits.push(
        ...(await this.io.query(
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
    const targets = new Map<string, TargetRef>();
    for (const hit of hits) {
      const ref = { platform: hit.platform, kind: hit.tkind, id: hit.tid } as TargetRef;
      targets.set(keyString(targetItemKey(ref)), ref);
    }
    const records = await this.io.batchGet(
      [...targets.values()].map((t) => targetItemKey(t)),
      true,
    );
    const out: Subscriber[] = [];
    for (const hit of hits) {
      const ref = { platform: hit.platform, kind: hit.tkind, id: hit.tid } as TargetRef;
      const item = records.get(keyString(targetItemKey(ref)));
      if (!item) continue;
      const record = decodeTargetRecord(item);
      if (record.disabled) continue;
      // A stale index item (its subscription was removed) finds no subscription and is skipped.
      const subscription = record.subscriptions.find((s) => s.key === hit.key);
      if (subscription) out.push({ target: ref, subscription });
    }
    return out;
  }

  async watchedAddresses(): Promise<string[]> {
    const items = await this.io.query(
      {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': indexPk('address') },
        ProjectionExpression: 'sk',
      },
      undefined,
    );
    return [...new Set(items.map((i) => String(i.sk).split('#')[0]!))].sort();
  }

  async disableTarget(target: TargetRef, reason: string): Promise<boolean> {
    checkTarget(target);
    if (typeof reason !== 'string' || reason.length === 0 || reason.length > 500)
      throw new InvalidInputError('disableTarget needs a reason of 1–500 characters');
    const done = await this.io.update(
      {
        Key: targetItemKey(target),
        UpdateExpression: 'SET off = :off, uat = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':off': { reason, at: this.now() }, ':now': this.now() },
      },
      new WriteTally(),
      'version',
    );
    return done !== undefined;
  }

  async enableTarget(target: TargetRef): Promise<boolean> {
    checkTarget(target);
    const done = await this.io.update(
      {
        Key: targetItemKey(target),
        UpdateExpression: 'SET uat = :now REMOVE off',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': this.now() },
      },
      new WriteTally(),
      'version',
    );
    return done !== undefined;
  }

  async reconcileTarget(target: TargetRef): Promise<number> {
    checkTarget(target);
    const current = await this.record(target);
    if (!current) return 0;
    await this.io.batchWrite(
      current.subscriptions.map((s) => ({ put: this.indexItem(target, s) })),
      new WriteTally(),
      'version',
    );
    return current.subscriptions.length;
  }
}

function selects(selector: UnsubscribeSelector, s: Subscription): boolean {
  switch (selector.type) {
    case 'all':
      return true;
    case 'id':
      return s.id === selector.id;
    case 'key':
      return s.key === selector.key;
    case 'kind':
      return s.spec.kind === selector.kind;
  }
}

/** Index sort-key prefixes to query; null means the whole partition. */
function queryPrefixes(query: SubscriberQuery): Array<string | null> {
  const q = query as { kind?: unknown; track?: unknown; referendum?: unknown; address?: unknown };
  const id = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (q.kind !== 'referenda' && q.kind !== 'deadlines' && q.kind !== 'address')
    throw new InvalidInputError(`subscribersOf: unknown kind ${JSON.stringify(q.kind)}`);
  if ('track' in q && !id(q.track)) throw new InvalidInputError('subscribersOf: track must be a track id');
  if ('referendum' in q && !id(q.referendum))
    throw new InvalidInputError('subscribersOf: referendum must be a referendum id');
  if ('address' in q && (typeof q.address !== 'string' || !/^[1-9A-HJ-NP-Za-km-z]{46,48}$/.test(q.address)))
    throw new InvalidInputError('subscribersOf: address must be an SS58 address in Kusama form');
  if (query.kind === 'referenda' && 'track' in query) return ['all', `t${query.track}`];
  if (query.kind === 'deadlines' && 'track' in query)
    return ['all', `t${query.track}`, `r${query.referendum}`];
  if (query.kind === 'address' && 'address' in query) return [query.address];
  return [null];
}
