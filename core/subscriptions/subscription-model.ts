/**
 * One subscription model for both platforms. A target is where alerts go (a Discord channel, a
 * Telegram chat, or someone's DMs); a subscription says which events. The natural key of a
 * subscription makes subscribing idempotent; its short id is what users type to remove it.
 */
import type { DeliveryTarget, Platform, TargetKind } from '../ports/notifier.js';
import type { Address } from '../types/staking.js';

/** A target plus the platform user who set it up. */
export interface Target extends DeliveryTarget {
  createdBy: string;
}

export type DeadlineScope =
  | { type: 'all' }
  | { type: 'track'; track: number }
  | { type: 'referendum'; referendum: number };

export type SubscriptionSpec =
  /** New referenda and every phase change, on one track or all. */
  | { kind: 'referenda'; track: number | null }
  /** Decision and confirm ends, this many minutes ahead (largest first). */
  | { kind: 'deadlines'; scope: DeadlineScope; leadMinutes: number[] }
  /** That address's staking and governance events. */
  | { kind: 'address'; address: Address }
  /**
   * One live card per ongoing referendum (on one track or all): a message edited in place as the
   * referendum moves, and closed with its outcome (core/cards).
   */
  | { kind: 'cards'; track: number | null }
  /**
   * Treasury spends and bounties: of one asset (its symbol, upper case) or all, from a minimum in
   * whole units of that asset (a decimal string), or, without an asset, from a minimum KSM value.
   * The minimum is a setting: subscribing again with another one updates the subscription.
   */
  | { kind: 'treasury'; asset: string | null; minAmount: string | null }
  /**
   * The bulk coretime sale: each new sale, and, with a level (KSM as a plain decimal string), the
   * sale price falling to or below it. The level is a setting: subscribing again updates it.
   */
  | { kind: 'coretime'; below: string | null }
  /**
   * One para: its renewal reminders, lifecycle changes, and its head not advancing for
   * `stallMinutes` (a setting: subscribing again with another one updates it).
   */
  | { kind: 'para'; para: number; stallMinutes: number };

export type SubscriptionKind = SubscriptionSpec['kind'];
export const SUBSCRIPTION_KINDS: readonly SubscriptionKind[] = [
  'referenda',
  'deadlines',
  'address',
  'cards',
  'treasury',
  'coretime',
  'para',
];

export interface Subscription {
  /** Short id users type in `/unsubscribe`, e.g. "r1x9kq". */
  id: string;
  /** Natural key within the target, e.g. "referenda:t32"; equal keys are the same subscription. */
  key: string;
  spec: SubscriptionSpec;
  createdBy: string;
  createdAtMs: number;
  updatedAtMs: number;
}

const PLATFORM_KINDS: Record<Platform, readonly TargetKind[]> = {
  discord: ['channel', 'dm'],
  telegram: ['chat', 'dm'],
};

/** Null when the target is well formed, else why not. */
export function targetProblem(target: unknown): string | null {
  if (typeof target !== 'object' || target === null) return 'a target needs platform, kind and id';
  const t = target as Partial<Target>;
  if (t.platform !== 'discord' && t.platform !== 'telegram')
    return `platform must be discord or telegram, not ${String(t.platform)}`;
  if (!PLATFORM_KINDS[t.platform].includes(t.kind as TargetKind))
    return `a ${t.platform} target is a ${PLATFORM_KINDS[t.platform].join(' or ')}, not ${String(t.kind)}`;
  if (typeof t.id !== 'string' || !/^-?[0-9]{1,20}$/.test(t.id))
    return `a ${t.platform} id is a number of up to 20 digits, not ${JSON.stringify(t.id)}`;
  return null;
}

/** "telegram:chat:-1001234" */
export function targetKey(target: DeliveryTarget): string {
  return `${target.platform}:${target.kind}:${target.id}`;
}

/** The inverse of targetKey; null for anything targetKey does not produce. */
export function parseTargetKey(text: string): DeliveryTarget | null {
  const [platform, kind, id, ...rest] = text.split(':');
  if (rest.length > 0) return null;
  const ref = { platform, kind, id } as DeliveryTarget;
  return targetProblem(ref) === null ? ref : null;
}

export function subscriptionKey(spec: SubscriptionSpec): string {
  switch (spec.kind) {
    case 'referenda':
      return spec.track === null ? 'referenda:all' : `referenda:t${spec.track}`;
    case 'deadlines':
      return `deadlines:${scopeKey(spec.scope)}`;
    case 'address':
      return `address:${spec.address}`;
    case 'cards':
      return spec.track === null ? 'cards:all' : `cards:t${spec.track}`;
    case 'treasury':
      return spec.asset === null ? 'treasury:all' : `treasury:${spec.asset.toLowerCase()}`;
    case 'coretime':
      return 'coretime';
    case 'para':
      return `para:${spec.para}`;
  }
}

export function scopeKey(scope: DeadlineScope): string {
  if (scope.type === 'all') return 'all';
  return scope.type === 'track' ? `t${scope.track}` : `r${scope.referendum}`;
}

const ID_LETTER: Record<SubscriptionKind, string> = {
  referenda: 'r',
  deadlines: 'd',
  address: 'a',
  cards: 'c',
  treasury: 't',
  coretime: 'k',
  para: 'p',
};

/** FNV-1a (32 bit) of the key, as 5 base-36 digits after the kind's letter. */
export function subscriptionId(spec: SubscriptionSpec): string {
  const key = subscriptionKey(spec);
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const digits = (hash % 36 ** 5).toString(36).padStart(5, '0');
  return `${ID_LETTER[spec.kind]}${digits}`;
}

export const SUBSCRIPTION_ID_PATTERN = /^[rdactkp][0-9a-z]{5}$/;

/**
 * Two specs that differ only in settings (a deadline's lead times, a treasury minimum, a coretime
 * price level, a para's stall time) share a key.
 */
export function sameSettings(a: SubscriptionSpec, b: SubscriptionSpec): boolean {
  if (a.kind === 'coretime' && b.kind === 'coretime') return a.below === b.below;
  if (a.kind === 'para' && b.kind === 'para') return a.para === b.para && a.stallMinutes === b.stallMinutes;
  if (a.kind === 'treasury' && b.kind === 'treasury')
    return subscriptionKey(a) === subscriptionKey(b) && a.minAmount === b.minAmount;
  if (a.kind === 'deadlines' && b.kind === 'deadlines') {
    return (
      a.leadMinutes.length === b.leadMinutes.length && a.leadMinutes.every((m, i) => m === b.leadMinutes[i])
    );
  }
  return subscriptionKey(a) === subscriptionKey(b);
}
