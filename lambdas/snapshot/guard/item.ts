/**
 * The declaration of a storage item Herald reads without the metadata: its key (hashers and key
 * parts, as `decodeMapKey` reads them and the key builders write them) and, when its value is
 * decoded by hand, the value's layout, the hand decoder and how to decode it through the metadata
 * instead. Each declaration sits next to its hand decoder; `declared.ts` lists them all.
 */
import type { KeyParts, KeySpec } from '../rpc/keys.js';
import { L, type Layout } from './layout.js';

export interface Fallback<A extends unknown[], T> {
  /** Field (or variant) names the mapping reads: the changed type must still have them all. */
  readonly needs: readonly string[];
  /** Herald's value from the value decoded through the metadata (its JSON form). */
  readonly decode: (json: unknown, ...args: A) => T;
}

export interface ItemLayout {
  readonly pallet: string;
  readonly item: string;
  /** A required item missing from the metadata fails the run; an optional one is a warning. */
  readonly required: boolean;
  /**
   * For an item only some runtimes have: what its absence means (e.g. "no incentive"), which the
   * reader then assumes without a warning. An older runtime lacking it is not a problem to report.
   */
  readonly absentMeans?: string;
  /** Hashers and key parts; empty for a plain value. */
  readonly keys: KeySpec;
  /** The value as the hand decoder reads it; null when the value is decoded through the metadata. */
  readonly value: Layout | null;
  readonly fallback?: Fallback<never, unknown>;
}

/** A value decoded by hand, with a way through the metadata when its layout changes. */
export interface DecodedItem<A extends unknown[], T> extends ItemLayout {
  readonly value: Layout;
  readonly decode: (hex: string, ...args: A) => T;
  readonly fallback: Fallback<A, T>;
}

/** What a reader decodes a high-volume item with at the pinned block. */
export interface ItemDecoders {
  /** `item`'s hand decoder, or decoding through the metadata when the runtime changed its layout. */
  decoder<A extends unknown[], T>(item: DecodedItem<A, T>): (hex: string, ...args: A) => T;
}

export function itemId(item: Pick<ItemLayout, 'pallet' | 'item'>): string {
  return `${item.pallet}.${item.item}`;
}

const PART_LAYOUT = { u16: L.u16, u32: L.u32, AccountId32: L.account, H256: L.account } as const;

/** The layout of what one hasher hashes. */
export function keyLayout(parts: KeyParts): Layout {
  return typeof parts === 'string' ? PART_LAYOUT[parts] : L.tuple(...parts.map((p) => PART_LAYOUT[p]));
}

/** `Twox64Concat(u32), Twox64Concat([u8;32])`, or `plain`. */
export function describeKeys(keys: ReadonlyArray<readonly [string, Layout]>): string {
  return keys.length === 0 ? 'plain' : keys.map(([h, k]) => `${h}(${k})`).join(', ');
}
