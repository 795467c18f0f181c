/**
 * A side chain's metadata at one block (the relay chain, the Coretime chain), without an `ApiPromise`:
 * the runtime version of that block (one request), and its metadata (one more request, only the
 * first time a runtime is seen in this process: kept per spec name and version, so a warm Lambda
 * pays for it once per runtime upgrade). Values and map keys are decoded through that metadata's
 * own types and hashers, so nothing here is a hand-written layout.
 */
import { Metadata, TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { DecodeError } from '../scale/errors.js';
import { hexToBytes } from '../scale/reader.js';

type Send = (method: string, params: unknown[]) => Promise<unknown>;

interface ItemInfo {
  prefix: string;
  value: string;
  /** Per hasher: its name and the key part type it hashes; empty for a plain item. */
  keys: Array<{ hasher: string; type: string }>;
}

const HASH_BYTES: Record<string, number> = {
  Twox64Concat: 8,
  Blake2_128Concat: 16,
  Identity: 0,
};

export class ChainMetadata {
  private readonly items = new Map<string, ItemInfo>();

  constructor(
    readonly registry: TypeRegistry,
    private readonly metadata: Metadata,
    readonly specName: string,
    readonly specVersion: number,
  ) {
    for (const pallet of metadata.asLatest.pallets) {
      if (pallet.storage.isNone) continue;
      const storage = pallet.storage.unwrap();
      const palletPrefix = xxhashAsHex(storage.prefix.toString(), 128);
      for (const item of storage.items) {
        const id = `${pallet.name.toString()}.${item.name.toString()}`;
        const prefix = palletPrefix + xxhashAsHex(item.name.toString(), 128).slice(2);
        if (item.type.isPlain) {
          this.items.set(id, { prefix, value: registry.createLookupType(item.type.asPlain), keys: [] });
          continue;
        }
        const map = item.type.asMap;
        const hashers = map.hashers.map((h) => h.type.toString());
        const keyDef = registry.lookup.getSiType(map.key);
        const parts = hashers.length > 1 && keyDef.def.isTuple ? keyDef.def.asTuple.map((t) => t) : [map.key];
        this.items.set(id, {
          prefix,
          value: registry.createLookupType(map.value),
          keys: hashers.map((hasher, i) => ({ hasher, type: registry.createLookupType(parts[i]!) })),
        });
      }
    }
  }

  has(pallet: string, item: string): boolean {
    return this.items.has(`${pallet}.${item}`);
  }

  private item(pallet: string, item: string): ItemInfo {
    const info = this.items.get(`${pallet}.${item}`);
    if (!info) throw new DecodeError(`${pallet}.${item} is not in this runtime's metadata`);
    return info;
  }

  /** The storage prefix of `Pallet.Item` (the whole key of a plain item). */
  prefix(pallet: string, item: string): string {
    return this.item(pallet, item).prefix;
  }

  /** The key of one map entry: its prefix, then each part hashed as the metadata says. */
  key(pallet: string, item: string, parts: unknown[]): string {
    const info = this.item(pallet, item);
    let key = info.prefix;
    info.keys.forEach(({ hasher, type }, i) => {
      const bytes = this.registry.createType(type, parts[i]).toU8a();
      if (hasher === 'Twox64Concat') key += xxhashAsHex(bytes, 64).slice(2);
      else if (hasher !== 'Identity')
        throw new DecodeError(`${pallet}.${item}: cannot build a ${hasher} key`);
      key += Buffer.from(bytes).toString('hex');
    });
    return key;
  }

  /** A stored value of `Pallet.Item`; throws DecodeError on bytes its type does not consume. */
  decode<T extends Codec = Codec>(pallet: string, item: string, hex: string): T {
    const info = this.item(pallet, item);
    const bytes = hexToBytes(hex);
    const value = this.registry.createType(info.value, bytes) as unknown as T;
    if (value.encodedLength !== bytes.length)
      throw new DecodeError(`${pallet}.${item}: ${info.value} did not consume all ${bytes.length} bytes`);
    return value;
  }

  /** The key parts of one map entry (each after its hash), decoded by their types. */
  decodeKey(pallet: string, item: string, key: string): Codec[] {
    const info = this.item(pallet, item);
    const bytes = hexToBytes(key);
    let offset = (info.prefix.length - 2) / 2;
    const out: Codec[] = [];
    for (const { hasher, type } of info.keys) {
      const skip = HASH_BYTES[hasher];
      if (skip === undefined) throw new DecodeError(`${pallet}.${item}: a ${hasher} key cannot be read back`);
      offset += skip;
      const part = this.registry.createType(type, bytes.subarray(offset));
      offset += part.encodedLength;
      out.push(part);
    }
    if (offset !== bytes.length)
      throw new DecodeError(
        `${pallet}.${item}: key ${key.slice(0, 80)}… has ${bytes.length - offset} bytes left`,
      );
    return out;
  }

  /** A pallet constant, decoded; undefined when the runtime does not have it. */
  constant(pallet: string, name: string): Codec | undefined {
    const p = this.metadata.asLatest.pallets.find((x) => x.name.eq(pallet));
    const c = p?.constants.find((x) => x.name.eq(name));
    return c
      ? this.registry.createType(this.registry.createLookupType(c.type), c.value.toU8a(true))
      : undefined;
  }
}

const cache = new Map<string, ChainMetadata>();

/**
 * The metadata of the runtime at block `hash`, and how many requests it took (1 with the runtime
 * already known, 2 when its metadata had to be fetched).
 */
export async function chainMetadataAt(
  send: Send,
  hash: string,
): Promise<{ metadata: ChainMetadata; requests: number }> {
  const version = (await send('state_getRuntimeVersion', [hash])) as {
    specName: string;
    specVersion: number;
  };
  const id = `${version.specName}/${version.specVersion}`;
  const known = cache.get(id);
  if (known) return { metadata: known, requests: 1 };
  const hex = (await send('state_getMetadata', [hash])) as string;
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, hex as `0x${string}`);
  registry.setMetadata(metadata);
  const chain = new ChainMetadata(registry, metadata, version.specName, version.specVersion);
  cache.set(id, chain);
  return { metadata: chain, requests: 2 };
}
