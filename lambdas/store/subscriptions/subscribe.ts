/**
 * Subscribing: the target record holds every subscription of one target in a map, so the
 * per-target limits and idempotency are one conditional UpdateItem each. The index item that lets
 * the alert engine find the subscriber is written first (index-items.ts): a crash between the two
 * writes leaves an index item nothing backs, never a subscription nobody is alerted for. The
 * settings detection looks for (deadline lead times, coretime price levels, para stall times) go
 * into their kind's summary (summary.ts) before the record too.
 */
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { SubscribeResult, TargetSubscriptions } from '../../../core/ports/subscription-store.js';
import {
  type Subscription,
  type SubscriptionSpec,
  sameSettings,
  subscriptionId,
  subscriptionKey,
  type Target,
  targetKey,
} from '../../../core/subscriptions/subscription-model.js';
import { InvalidInputError, type Item, type TableIo, WriteTally } from '../table/index.js';
import { loadRecord, restoreIndex, type StoredRecord, writeIndex } from './index-items.js';
import { checkSpec, checkTarget, decodeTargetRecord, newGeneration, subscriptionValue } from './items.js';
import { targetItemKey } from './keys.js';
import { adoptLegacy } from './read-repair.js';
import { facetsOf, noteChange } from './summary.js';

export interface SubscribeContext {
  io: TableIo;
  now: () => number;
  /** Per-target limits: all subscriptions, and those of the address kind. */
  max: number;
  maxAddresses: number;
}

const RETRIES = 4;

export async function subscribe(
  ctx: SubscribeContext,
  target: Target,
  specInput: SubscriptionSpec,
): Promise<SubscribeResult> {
  checkTarget(target);
  const spec = checkSpec(specInput);
  const createdBy = target.createdBy ?? 'unknown';
  const key = subscriptionKey(spec);
  const tally = new WriteTally();
  const ref: DeliveryTarget = { platform: target.platform, kind: target.kind, id: target.id };
  const isAddress = spec.kind === 'address';
  /** The generation of the index item this call wrote, once it has written one. */
  let mine: string | undefined;
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const now = ctx.now();
    const read = await loadRecord(ctx.io, ref);
    const stored = read && (await adoptLegacy(ctx.io, ref, read, now));
    const existing = stored?.record.subscriptions.find((s) => s.key === key);
    if (stored && existing) {
      const result = await resubscribe(ctx, ref, stored, existing, spec, now, tally, mine);
      if (result) return result;
      continue;
    }
    if (stored) {
      const count = stored.record.subscriptions.length;
      if (count >= ctx.max) return { outcome: 'limit-reached', which: 'total', count, limit: ctx.max };
      const addresses = stored.record.subscriptions.filter((s) => s.spec.kind === 'address').length;
      if (isAddress && addresses >= ctx.maxAddresses)
        return { outcome: 'limit-reached', which: 'address', count: addresses, limit: ctx.maxAddresses };
    }
    const gen = newGeneration();
    await writeIndex(ctx.io, ref, { spec, id: subscriptionId(spec), gen }, now, tally);
    mine = gen;
    await noteSettings(ctx.io, spec, now, tally);
    if (!stored) await createRecord(ctx, ref, createdBy, now, tally);
    const old = await addToRecord(ctx, ref, spec, createdBy, now, gen, tally);
    if (old) return created(decodeTargetRecord(old), spec, createdBy, now);
    // Someone else changed the record meanwhile (the same key, or the last free place): look again.
  }
  throw new InvalidInputError(`subscribe on ${targetKey(ref)} kept racing with other changes; try again`);
}

/** The target's record, empty, unless it exists already. */
async function createRecord(
  ctx: SubscribeContext,
  ref: DeliveryTarget,
  createdBy: string,
  now: number,
  tally: WriteTally,
): Promise<void> {
  await ctx.io.put(
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
}

/** Adds the subscription if it is new and within the limits; the record before, or undefined if not. */
async function addToRecord(
  ctx: SubscribeContext,
  ref: DeliveryTarget,
  spec: SubscriptionSpec,
  createdBy: string,
  now: number,
  gen: string,
  tally: WriteTally,
): Promise<Item | undefined> {
  const isAddress = spec.kind === 'address';
  return ctx.io.update(
    {
      Key: targetItemKey(ref),
      UpdateExpression: `SET subs.#k = :sub, n = n + :one, uat = :now${isAddress ? ', na = na + :one' : ''} REMOVE off`,
      ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(subs.#k) AND n < :max${isAddress ? ' AND na < :maxa' : ''}`,
      ExpressionAttributeNames: { '#k': subscriptionKey(spec) },
      ExpressionAttributeValues: {
        ':sub': subscriptionValue(spec, createdBy, now, gen),
        ':one': 1,
        ':now': now,
        ':max': ctx.max,
        ...(isAddress ? { ':maxa': ctx.maxAddresses } : {}),
      },
      ReturnValues: 'ALL_OLD',
    },
    tally,
    'version',
  );
}

function created(
  before: TargetSubscriptions,
  spec: SubscriptionSpec,
  createdBy: string,
  now: number,
): SubscribeResult {
  const subscription: Subscription = {
    id: subscriptionId(spec),
    key: subscriptionKey(spec),
    spec,
    createdBy,
    createdAtMs: now,
    updatedAtMs: now,
  };
  return {
    outcome: 'created',
    subscription,
    count: before.subscriptions.length + 1,
    reenabled: before.disabled !== null,
  };
}

/**
 * The subscription exists: same settings is a no-op, new lead times update it. Either way its
 * index item is written again first (it repairs one lost before generations were kept). Undefined
 * when the subscription was removed meanwhile: the caller starts over.
 */
async function resubscribe(
  ctx: SubscribeContext,
  ref: DeliveryTarget,
  stored: StoredRecord,
  existing: Subscription,
  spec: SubscriptionSpec,
  now: number,
  tally: WriteTally,
  mine: string | undefined,
): Promise<SubscribeResult | undefined> {
  const changed = !sameSettings(existing.spec, spec);
  const reenabled = stored.record.disabled !== null;
  const gen = stored.gens.get(existing.key);
  await restoreIndex(ctx.io, ref, { spec: existing.spec, id: existing.id, gen }, now, tally, mine);
  let subscription = existing;
  if (changed) await noteSettings(ctx.io, spec, now, tally);
  if (changed || reenabled) {
    const updated = await ctx.io.update(
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
    if (!updated) return undefined;
    subscription = decodeTargetRecord(updated).subscriptions.find((s) => s.key === existing.key)!;
  }
  return {
    outcome: changed ? 'updated' : 'unchanged',
    subscription,
    count: stored.record.subscriptions.length,
    reenabled,
  };
}

/** Before the record: the spec's settings into its kind's summary, for kinds that have one. */
async function noteSettings(io: TableIo, spec: SubscriptionSpec, now: number, tally: WriteTally) {
  const f = facetsOf(spec);
  if (f) await noteChange(io, f.kind, f.facets, now, tally);
}
