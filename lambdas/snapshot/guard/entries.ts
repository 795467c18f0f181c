/** Storage entries as the guard compares them: key prefix, hashers, key and value type ids. */
import type { StorageEntryMetadataLatest } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';
import { xxhashAsU8a } from '@polkadot/util-crypto';
import type { TypeLookup } from './signature.js';

export interface StorageEntryView {
  /** twox128(pallet's storage prefix) ++ twox128(item name), as 0x-hex. */
  keyPrefix: string;
  hashers: string[];
  /** One key type id per hasher (a tuple key split into its items); empty for a plain value. */
  keys: number[];
  value: number;
}

/** The metadata the guard checks against: the pinned block's, or a runtime's in tests. */
export interface LayoutSource {
  readonly lookup: TypeLookup;
  storageEntry(pallet: string, item: string): StorageEntryView | undefined;
}

export function storageEntryView(
  lookup: TypeLookup,
  palletPrefix: string,
  meta: StorageEntryMetadataLatest,
): StorageEntryView {
  const keyPrefix =
    u8aToHex(xxhashAsU8a(palletPrefix, 128)) + u8aToHex(xxhashAsU8a(meta.name.toString(), 128)).slice(2);
  if (meta.type.isPlain) return { keyPrefix, hashers: [], keys: [], value: meta.type.asPlain.toNumber() };
  const map = meta.type.asMap;
  const hashers = map.hashers.map((h) => h.toString());
  const key = map.key.toNumber();
  const def = lookup.getSiType(key).def;
  const split = hashers.length > 1 && def.isTuple && def.asTuple.length === hashers.length;
  return {
    keyPrefix,
    hashers,
    keys: split ? def.asTuple.map((t) => t.toNumber()) : [key],
    value: map.value.toNumber(),
  };
}
