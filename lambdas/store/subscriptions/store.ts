/**
 * Subscriptions in the Herald table. The target record holds every subscription of one target in
 * a map; index items (one per subscription) let the alert engine find subscribers by kind, track,
 * referendum or address. The record is the truth: index items are written before it and deleted
 * after it, and readers check them against it. Subscribing is in subscribe.ts, finding
 * subscribers in routing.ts, the index sweep in repair.ts; here the rest: unsubscribing, listing,
 * and disabling or enabling a target.
 */

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type {
  IndexRepair,
  SubscribeResult,
  Subscriber,
  SubscriberQuery,
  SubscriptionStore,
  TargetSubscriptions,
  UnsubscribeResult,
  UnsubscribeSelector,
} from '../../../core/ports/subscription-store.js';
import {
  MAX_ADDRESS_SUBSCRIPTIONS_PER_TARGET,
  MAX_SUBSCRIPTIONS_PER_TARGET,
} from '../../../core/subscriptions/limits.js';
import {
  type Subscription,
  type SubscriptionSpec,
  type Target,
  targetKey,
} from '../../../core/subscriptions/subscription-model.js';
import { InvalidInputError, TableIo, WriteTally } from '../table/index.js';
import { deleteIndex, loadRecord } from './index-items.js';
import { checkTarget } from './items.js';
import { targetItemKey } from './keys.js';
import { adoptLegacy } from './read-repair.js';
import { repairIndex } from './repair.js';
import { subscribersOf, watchedAddresses } from './routing.js';
import { subscribe } from './subscribe.js';

export interface SubscriptionStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  now?: () => number;
  /** Per-target limits (defaults from core/subscriptions/limits). */
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
    // Sixteen batches at once: the subscribers of one alert may be 100,000 records (1,000 BatchGetItem).
    new TableIo(doc, options.tableName, { concurrency: 16 }),
    options.now ?? Date.now,
    options.maxPerTarget ?? MAX_SUBSCRIPTIONS_PER_TARGET,
    options.maxAddressesPerTarget ?? MAX_ADDRESS_SUBSCRIPTIONS_PER_TARGET,
  );
}

class DynamoSubscriptionStore implements SubscriptionStore {
  constructor(
    readonly io: TableIo,
    readonly now: () => number,
    readonly max: number,
    readonly maxAddresses: number,
  ) {}

  subscribe(target: Target, spec: SubscriptionSpec): Promise<SubscribeResult> {
    return subscribe(this, target, spec);
  }

  /**
   * Takes the subscriptions out of the record (on the condition that each still has the
   * generation read), then deletes their index items, each only while it still belongs to that
   * generation: a subscribe of the same key that began meanwhile keeps its own.
   */
  async unsubscribe(target: DeliveryTarget, selector: UnsubscribeSelector): Promise<UnsubscribeResult> {
    checkTarget(target);
    const tally = new WriteTally();
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const stored = await loadRecord(this.io, target);
      if (!stored) return { removed: [], remaining: 0, warnings: [] };
      const current = stored.record;
      const removed = current.subscriptions.filter((s) => selects(selector, s));
      const remaining = current.subscriptions.length - removed.length;
      if (removed.length === 0) return { removed, remaining, warnings: [] };
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const conditions: string[] = [];
      removed.forEach((s, i) => {
        names[`#k${i}`] = s.key;
        const gen = stored.gens.get(s.key);
        if (gen === undefined)
          conditions.push(`attribute_exists(subs.#k${i}) AND attribute_not_exists(subs.#k${i}.g)`);
        else {
          conditions.push(`subs.#k${i}.g = :g${i}`);
          values[`:g${i}`] = gen;
        }
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
          ExpressionAttributeValues: {
            ...values,
            ':c': removed.length,
            ':ca': addresses,
            ':now': this.now(),
          },
        },
        tally,
        'version',
      );
      if (!done) continue;
      const warnings: string[] = [];
      await Promise.all(
        removed.map((s) =>
          deleteIndex(this.io, target, { spec: s.spec, id: s.id, gen: stored.gens.get(s.key) }, tally).catch(
            (error: Error) => {
              warnings.push(`index item of ${s.key} not deleted: ${error.message}`);
            },
          ),
        ),
      );
      return { removed, remaining, warnings };
    }
    throw new InvalidInputError(
      `unsubscribe on ${targetKey(target)} kept racing with other changes; try again`,
    );
  }

  /** The target's record; subscriptions written before generations get their index items checked (read-repair.ts). */
  async listSubscriptions(target: DeliveryTarget): Promise<TargetSubscriptions | undefined> {
    checkTarget(target);
    const stored = await loadRecord(this.io, target);
    if (!stored) return undefined;
    return (await adoptLegacy(this.io, target, stored, this.now())).record;
  }

  subscribersOf(query: SubscriberQuery): Promise<Subscriber[]> {
    return subscribersOf(this.io, query);
  }

  watchedAddresses(): Promise<string[]> {
    return watchedAddresses(this.io);
  }

  async disableTarget(target: DeliveryTarget, reason: string): Promise<boolean> {
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

  async enableTarget(target: DeliveryTarget): Promise<boolean> {
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

  repairIndex(): Promise<IndexRepair> {
    return repairIndex(this.io, this.now());
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
