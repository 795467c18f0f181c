/** Subscription specs checked on the way in, and target records decoded (and checked) on the way out. */

import { randomBytes } from 'node:crypto';
import { MAX_REFERENDUM_ID } from '../../../core/commands/limits.js';
import type { TargetSubscriptions } from '../../../core/ports/subscription-store.js';
import {
  MAX_LEAD_MINUTES,
  MAX_LEAD_TIMES,
  MAX_PARA_ID,
  MAX_STALL_MINUTES,
  MIN_LEAD_MINUTES,
  MIN_STALL_MINUTES,
} from '../../../core/subscriptions/limits.js';
import {
  type Subscription,
  type SubscriptionSpec,
  subscriptionId,
  subscriptionKey,
  type Target,
  targetProblem,
} from '../../../core/subscriptions/subscription-model.js';
import { ASSET_SYMBOL, normaliseAmount } from '../../../core/subscriptions/treasury-filter.js';
import { CorruptDataError, InvalidInputError, type Item } from '../table/index.js';

const ADDRESS = /^[1-9A-HJ-NP-Za-km-z]{46,48}$/;

function isId(n: unknown, max = MAX_REFERENDUM_ID): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;
}

/** Null when the spec is one the store accepts, else why not. */
export function specProblem(spec: unknown): string | null {
  if (typeof spec !== 'object' || spec === null) return 'a subscription spec is an object with a kind';
  const s = spec as SubscriptionSpec;
  switch (s.kind) {
    case 'referenda':
      return s.track === null || isId(s.track, 65_535) ? null : 'referenda.track must be a track id or null';
    case 'cards':
      return s.track === null || isId(s.track, 65_535) ? null : 'cards.track must be a track id or null';
    case 'address':
      return typeof s.address === 'string' && ADDRESS.test(s.address)
        ? null
        : 'address must be an SS58 address in Kusama form';
    case 'deadlines': {
      const scope = s.scope;
      const scopeOk =
        typeof scope === 'object' &&
        scope !== null &&
        (scope.type === 'all' ||
          (scope.type === 'track' && isId(scope.track, 65_535)) ||
          (scope.type === 'referendum' && isId(scope.referendum)));
      if (!scopeOk) return 'deadlines.scope must be all, a track id or a referendum id';
      const leads = s.leadMinutes;
      if (
        !Array.isArray(leads) ||
        leads.length < 1 ||
        leads.length > MAX_LEAD_TIMES ||
        !leads.every((m) => Number.isInteger(m) && m >= MIN_LEAD_MINUTES && m <= MAX_LEAD_MINUTES) ||
        !leads.every((m, i) => i === 0 || m < leads[i - 1]!)
      )
        return `deadlines.leadMinutes must be 1–${MAX_LEAD_TIMES} distinct minute counts in ${MIN_LEAD_MINUTES}..${MAX_LEAD_MINUTES}, largest first`;
      return null;
    }
    case 'treasury':
      if (s.asset !== null && (typeof s.asset !== 'string' || !ASSET_SYMBOL.test(s.asset)))
        return 'treasury.asset must be an asset symbol or null';
      if (
        s.minAmount !== null &&
        (typeof s.minAmount !== 'string' || normaliseAmount(s.minAmount) !== s.minAmount)
      )
        return 'treasury.minAmount must be a plain decimal amount or null';
      return null;
    case 'coretime':
      if (
        s.below !== null &&
        (typeof s.below !== 'string' || normaliseAmount(s.below) !== s.below || /^0(\.0*)?$/.test(s.below))
      )
        return 'coretime.below must be a plain decimal KSM amount above 0, or null';
      return null;
    case 'para':
      if (!isId(s.para, MAX_PARA_ID)) return 'para.para must be a para id';
      if (
        !Number.isInteger(s.stallMinutes) ||
        s.stallMinutes < MIN_STALL_MINUTES ||
        s.stallMinutes > MAX_STALL_MINUTES
      )
        return `para.stallMinutes must be a minute count in ${MIN_STALL_MINUTES}..${MAX_STALL_MINUTES}`;
      return null;
    default:
      return `unknown subscription kind ${JSON.stringify((s as { kind?: unknown }).kind)}`;
  }
}

export function checkTarget(target: unknown): void {
  const problem = targetProblem(target);
  if (problem) throw new InvalidInputError(`bad target: ${problem}`);
  const by = (target as Target).createdBy;
  if (by !== undefined && (typeof by !== 'string' || by.length === 0 || by.length > 64))
    throw new InvalidInputError('bad target: createdBy must be a platform user id of 1–64 characters');
}

export function checkSpec(spec: unknown): SubscriptionSpec {
  const problem = specProblem(spec);
  if (problem) throw new InvalidInputError(`bad subscription: ${problem}`);
  return spec as SubscriptionSpec;
}

/**
 * The map value stored under subs.<key> in the target record. `g` is the subscription's
 * generation: a token new with every subscribe that creates it, carried by its index item too, so
 * an unsubscribe deletes only the index item of the subscription it removed (design.md).
 */
export function subscriptionValue(spec: SubscriptionSpec, createdBy: string, now: number, gen: string): Item {
  return { id: subscriptionId(spec), spec, by: createdBy, cat: now, uat: now, g: gen };
}

/** A fresh generation token for a subscription about to be created. */
export function newGeneration(): string {
  return randomBytes(6).toString('hex');
}

/** The generation of each subscription of a record, by key (undefined for one written before generations). */
export function generationsOf(item: Item): Map<string, string | undefined> {
  const subs = (item.subs ?? {}) as Record<string, { g?: unknown }>;
  return new Map(
    Object.entries(subs).map(([key, v]) => [key, typeof v?.g === 'string' ? v.g : undefined] as const),
  );
}

function decodeSubscription(key: string, raw: unknown, where: string): Subscription {
  const v = raw as Item;
  const problem = specProblem(v?.spec);
  if (problem || typeof v.id !== 'string' || subscriptionKey(v.spec as SubscriptionSpec) !== key)
    throw new CorruptDataError(
      `${where}: subscription ${key} does not decode (${problem ?? 'id or key mismatch'})`,
    );
  return {
    id: v.id,
    key,
    spec: v.spec as SubscriptionSpec,
    createdBy: String(v.by),
    createdAtMs: Number(v.cat),
    updatedAtMs: Number(v.uat),
  };
}

export function decodeTargetRecord(item: Item): TargetSubscriptions {
  const where = `target record ${String(item.pk)}`;
  const target = {
    platform: item.platform,
    kind: item.tkind,
    id: item.tid,
    createdBy: String(item.by),
  } as Target;
  if (targetProblem(target) !== null) throw new CorruptDataError(`${where} has a malformed target`);
  const subs = (item.subs ?? {}) as Record<string, unknown>;
  if (typeof subs !== 'object') throw new CorruptDataError(`${where}: subs is not a map`);
  const subscriptions = Object.entries(subs)
    .map(([key, raw]) => decodeSubscription(key, raw, where))
    .sort((a, b) => a.createdAtMs - b.createdAtMs || a.key.localeCompare(b.key));
  const off = item.off as { reason?: unknown; at?: unknown } | undefined;
  return {
    target,
    createdAtMs: Number(item.cat),
    disabled: off ? { reason: String(off.reason), atMs: Number(off.at) } : null,
    subscriptions,
  };
}
