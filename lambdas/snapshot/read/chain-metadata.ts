/**
 * A side chain's metadata at one block (the relay chain, the Coretime chain), without an `ApiPromise`:
 * the runtime version of that block (one request), and its metadata (one more request, only the
 * first time a runtime is seen in this process: kept per spec name and version, so a warm Lambda
 * pays for it once per runtime upgrade). Values and map keys are decoded through that metadata's
 * own types and hashers, so nothing here is a hand-written layout.
 */
import { Metadata, TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { compactFromU8a } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { DecodeError } from '../scale/errors.js';
import { hexToBytes } from '../scale/reader.js';
import type { MetadataKeeper } from './kept-metadata.js';

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

/** `System.LastRuntimeUpgrade`'s key: the spec version and name of the code that wrote a block's state. */
export const LAST_RUNTIME_UPGRADE_KEY =
  xxhashAsHex('System', 128) + xxhashAsHex('LastRuntimeUpgrade', 128).slice(2);

/** `LastRuntimeUpgradeInfo { spec_version: Compact<u32>, spec_name: String }`, or null when it does not decode. */
export function lastRuntimeUpgradeOf(
  hex: string | null | undefined,
): { specName: string; specVersion: number } | null {
  if (!hex) return null;
  try {
    const bytes = hexToBytes(hex);
    const [versionLength, version] = compactFromU8a(bytes);
    const [nameLength, length] = compactFromU8a(bytes.subarray(versionLength));
    const start = versionLength + nameLength;
    const end = start + length.toNumber();
    if (end !== bytes.length) return null;
    const specName = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, end));
    return { specName, specVersion: version.toNumber() };
  } catch {
    return null;
  }
}

function specOf(
  metadata: Metadata,
  registry: TypeRegistry,
): { specName: string; specVersion: number } | null {
  const system = metadata.asLatest.pallets.find((p) => p.name.eq('System'));
  const constant = system?.constants.find((c) => c.name.eq('Version'));
  if (!constant) return null;
  const v = registry.createType('RuntimeVersion', constant.value).toJSON() as {
    specName: string;
    specVersion: number;
  };
  return { specName: String(v.specName), specVersion: Number(v.specVersion) };
}

function build(bytes: Uint8Array | `0x${string}`) {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, bytes);
  registry.setMetadata(metadata);
  return { registry, metadata, spec: specOf(metadata, registry) };
}

async function fetchMetadata(send: Send, hash: string) {
  const hex = (await send('state_getMetadata', [hash])) as `0x${string}`;
  return { ...build(hex), bytes: hexToBytes(hex) };
}

/**
 * The runtime's metadata from the kept blob, when there is one and it is that runtime's (its
 * `System.Version` constant names the same spec); else undefined.
 */
async function keptMetadata(keeper: MetadataKeeper | undefined, specName: string, specVersion: number) {
  const bytes = await keeper?.get(specName, specVersion);
  if (!bytes) return undefined;
  try {
    const kept = build(bytes);
    return kept.spec?.specName === specName && kept.spec.specVersion === specVersion ? kept : undefined;
  } catch {
    return undefined;
  }
}

function remember(specName: string, specVersion: number, built: ReturnType<typeof build>): ChainMetadata {
  const chain = new ChainMetadata(built.registry, built.metadata, specName, specVersion);
  cache.set(`${specName}/${specVersion}`, chain);
  return chain;
}

/**
 * The metadata of the runtime whose code wrote block `hash`'s state, and how many requests it took.
 * With `System.LastRuntimeUpgrade` of that block (read beside other values by the caller) a runtime
 * already seen costs nothing: in memory in a warm process, or from the `keeper`'s blob after a cold
 * start. A new one costs one request (its metadata; three at the block that sets new code, whose
 * state the old code wrote: then the parent's metadata is read), and is kept. Without it (a chain or
 * dev stub that does not store it), the block's runtime version is asked for (one request), and the
 * metadata when neither memory nor the keeper has it (one more).
 */
export async function chainMetadataAt(
  send: Send,
  hash: string,
  lastUpgradeHex?: string | null,
  keeper?: MetadataKeeper,
): Promise<{ metadata: ChainMetadata; requests: number }> {
  const upgrade = lastRuntimeUpgradeOf(lastUpgradeHex);
  let requests = 0;
  let spec = upgrade;
  if (!spec) {
    spec = (await send('state_getRuntimeVersion', [hash])) as { specName: string; specVersion: number };
    requests++;
  }
  const { specName, specVersion } = spec;
  const known = cache.get(`${specName}/${specVersion}`);
  if (known) return { metadata: known, requests };
  const kept = await keptMetadata(keeper, specName, specVersion);
  if (kept) return { metadata: remember(specName, specVersion, kept), requests };
  requests++;
  let fetched = await fetchMetadata(send, hash);
  if (upgrade && fetched.spec?.specVersion !== specVersion) {
    // The block that sets new code: its state is still the old code's.
    const parent = ((await send('chain_getHeader', [hash])) as { parentHash: string }).parentHash;
    fetched = await fetchMetadata(send, parent);
    requests += 2;
  }
  await keeper?.put(specName, specVersion, fetched.bytes);
  return { metadata: remember(specName, specVersion, fetched), requests };
}
