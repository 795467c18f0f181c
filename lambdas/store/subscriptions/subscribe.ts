/**
 * Subscribing: the target record holds every subscription of one target in a map, so the
 * per-target limits and idempotency are one conditional UpdateItem each; the index item that lets
 * the alert engine find the subscriber is written after the record.
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
import { checkSpec, checkTarget, decodeTargetRecord, subscriptionValue } from './items.js';
import { indexItemKey, targetItemKey } from './keys.js';

export interface SubscribeContext {
  io: TableIo;
  now: () => number;
  /** Per-target limits: all subscriptions, and those of the address kind. */
  max: number;
  maxAddresses: number;
}

const RETRIES = 4;

export async function readRecord(
  io: TableIo,
  target: DeliveryTarget,
): Promise<TargetSubscriptions | undefined> {
  const item = await io.get(targetItemKey(target), true);
  return item ? decodeTargetRecord(item) : undefined;
}

export function indexItem(
  target: DeliveryTarget,
  sub: Subscription | { spec: SubscriptionSpec; id: string },
): Item {
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
  const now = ctx.now();
  const ref: DeliveryTarget = { platform: target.platform, kind: target.kind, id: target.id };
  await createRecord(ctx, ref, createdBy, now, tally);
  const isAddress = spec.kind === 'address';
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const old = await addToRecord(ctx, ref, spec, createdBy, now, tally);
    if (old) return created(ctx, ref, decodeTargetRecord(old), spec, createdBy, now, tally);
    const current = await readRecord(ctx.io, ref);
    if (!current) continue;
    const existing = current.subscriptions.find((s) => s.key === key);
    if (existing) return resubscribe(ctx, ref, current, existing, spec, now, tally);
    const count = current.subscriptions.length;
    if (count >= ctx.max) return { outcome: 'limit-reached', which: 'total', count, limit: ctx.max };
    const addresses = current.subscriptions.filter((s) => s.spec.kind === 'address').length;
    if (isAddress && addresses >= ctx.maxAddresses)
      return { outcome: 'limit-reached', which: 'address', count: addresses, limit: ctx.maxAddresses };
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
        ':sub': subscriptionValue(spec, createdBy, now),
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

async function created(
  ctx: SubscribeContext,
  ref: DeliveryTarget,
  before: TargetSubscriptions,
  spec: SubscriptionSpec,
  createdBy: string,
  now: number,
  tally: WriteTally,
): Promise<SubscribeResult> {
  const key = subscriptionKey(spec);
  const subscription: Subscription = {
    id: subscriptionId(spec),
    key,
    spec,
    createdBy,
    createdAtMs: now,
    updatedAtMs: now,
  };
  await ctx.io.put(indexItem(ref, subscription), tally, 'version');
  return {
    outcome: 'created',
    subscription,
    count: before.subscriptions.length + 1,
    reenabled: before.disabled !== null,
  };
}

/** The subscription exists: same settings is a no-op (index rewritten), new lead times update it. */
async function resubscribe(
  ctx: SubscribeContext,
  ref: DeliveryTarget,
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
    if (updated)
      subscription = decodeTargetRecord(updated).subscriptions.find((s) => s.key === existing.key)!;
  }
  await ctx.io.put(indexItem(ref, subscription), tally, 'version');
  return {
    outcome: changed ? 'updated' : 'unchanged',
    subscription,
    count: current.subscriptions.length,
    reenabled,
  };
}
