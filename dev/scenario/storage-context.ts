/**
 * Storage keys and values for the Kusama Asset Hub metadata: every key is
 * twox128(pallet) ++ twox128(item) ++ the entry's hashers over the SCALE-encoded key parts,
 * and every value is encoded as the entry's value type.
 */
import type { Metadata, TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto';
import { createAssetHubRegistry } from '../chain/metadata.js';
import { accountIdOf } from './accounts.js';
import { MetadataCodec } from './codec.js';
import { ScenarioError } from './errors.js';
import type { StorageChange, StoragePair } from './types.js';

interface EntryInfo {
  prefix: string;
  hashers: string[];
  keyTypes: number[];
  valueType: number;
  partCache: Array<Map<unknown, string>>;
}

function hashPart(hasher: string, data: Uint8Array): string {
  const hex = u8aToHex(data).slice(2);
  switch (hasher) {
    case 'Blake2_128Concat':
      return u8aToHex(blake2AsU8a(data, 128)).slice(2) + hex;
    case 'Twox64Concat':
      return u8aToHex(xxhashAsU8a(data, 64)).slice(2) + hex;
    case 'Identity':
      return hex;
    case 'Blake2_128':
      return u8aToHex(blake2AsU8a(data, 128)).slice(2);
    case 'Blake2_256':
      return u8aToHex(blake2AsU8a(data, 256)).slice(2);
    case 'Twox128':
      return u8aToHex(xxhashAsU8a(data, 128)).slice(2);
    case 'Twox256':
      return u8aToHex(xxhashAsU8a(data, 256)).slice(2);
    default:
      throw new ScenarioError(`unknown storage hasher ${hasher}`);
  }
}

export class StorageContext {
  readonly codec: MetadataCodec;
  private readonly entries = new Map<string, EntryInfo>();

  constructor(
    readonly registry: TypeRegistry,
    readonly metadata: Metadata,
  ) {
    this.codec = new MetadataCodec(registry.lookup, accountIdOf);
  }

  entry(pallet: string, item: string): EntryInfo {
    const name = `${pallet}.${item}`;
    const hit = this.entries.get(name);
    if (hit) return hit;
    const p = this.metadata.asLatest.pallets.find((x) => x.name.toString() === pallet);
    if (!p || p.storage.isNone) throw new ScenarioError(`the metadata has no storage for pallet ${pallet}`);
    const storage = p.storage.unwrap();
    const e = storage.items.find((x) => x.name.toString() === item);
    if (!e) throw new ScenarioError(`the metadata has no storage item ${name}`);
    const prefix =
      u8aToHex(xxhashAsU8a(storage.prefix.toString(), 128)) + u8aToHex(xxhashAsU8a(item, 128)).slice(2);
    let info: EntryInfo;
    if (e.type.isPlain) {
      info = { prefix, hashers: [], keyTypes: [], valueType: e.type.asPlain.toNumber(), partCache: [] };
    } else {
      const map = e.type.asMap;
      const hashers = map.hashers.map((h) => h.type.toString());
      const keyId = map.key.toNumber();
      const keyDef = this.registry.lookup.getSiType(keyId).def;
      const keyTypes = hashers.length === 1 ? [keyId] : keyDef.asTuple.map((t) => t.toNumber());
      info = {
        prefix,
        hashers,
        keyTypes,
        valueType: map.value.toNumber(),
        partCache: hashers.map(() => new Map()),
      };
    }
    this.entries.set(name, info);
    return info;
  }

  /** Whether the runtime's metadata has the storage item. */
  has(pallet: string, item: string): boolean {
    const p = this.metadata.asLatest.pallets.find((x) => x.name.toString() === pallet);
    return !!p && p.storage.isSome && p.storage.unwrap().items.some((x) => x.name.toString() === item);
  }

  /** The full storage key; `parts` are the map's key values (none for a plain item). */
  key(pallet: string, item: string, ...parts: unknown[]): string {
    const e = this.entry(pallet, item);
    if (parts.length !== e.hashers.length) {
      throw new ScenarioError(`${pallet}.${item} takes ${e.hashers.length} key parts, got ${parts.length}`);
    }
    let key = e.prefix;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const cache = e.partCache[i]!;
      const cacheable = typeof part === 'string' || typeof part === 'number';
      let hashed = cacheable ? cache.get(part) : undefined;
      if (hashed === undefined) {
        hashed = hashPart(e.hashers[i]!, this.codec.encode(e.keyTypes[i]!, part));
        if (cacheable) cache.set(part, hashed);
      }
      key += hashed;
    }
    return key;
  }

  value(pallet: string, item: string, value: unknown): string {
    return this.codec.encodeHex(this.entry(pallet, item).valueType, value);
  }

  pair(pallet: string, item: string, parts: unknown[], value: unknown): StoragePair {
    return [this.key(pallet, item, ...parts), this.value(pallet, item, value)];
  }

  /** A removal (`null` value) for `dev_setStorage`. */
  removal(pallet: string, item: string, parts: unknown[]): StorageChange {
    return [this.key(pallet, item, ...parts), null];
  }

  /** A pallet constant decoded with the registry. */
  constant(pallet: string, name: string): Codec {
    const p = this.metadata.asLatest.pallets.find((x) => x.name.toString() === pallet);
    const c = p?.constants.find((x) => x.name.toString() === name);
    if (!c) throw new ScenarioError(`the metadata has no constant ${pallet}.${name}`);
    return this.registry.createType(
      this.registry.lookup.getTypeDef(c.type).lookupName ?? `Lookup${c.type.toNumber()}`,
      c.value,
    );
  }

  /** The type id of the runtime's outer call enum. */
  get callType(): number {
    return this.metadata.asLatest.extrinsic.callType.toNumber();
  }
}

const shared = new Map<number | undefined, StorageContext>();

/**
 * One context per runtime and process: building the registry from the metadata takes a moment.
 * Without a spec version, the dev Asset Hub's default runtime.
 */
export function storageContext(specVersion?: number): StorageContext {
  let ctx = shared.get(specVersion);
  if (!ctx) {
    const { registry, metadata } = createAssetHubRegistry(specVersion);
    ctx = new StorageContext(registry, metadata);
    shared.set(specVersion, ctx);
  }
  return ctx;
}
