/** Generic decoding through the chain's own metadata, for the low-volume, richly typed values. */
import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import { hexToU8a } from '@polkadot/util';
import { type LayoutSource, type StorageEntryView, storageEntryView } from '../guard/entries.js';
import { DecodeError } from '../scale/errors.js';

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export class MetadataCodec implements LayoutSource {
  private readonly valueTypes = new Map<string, string>();

  /** `api` is the chain decorated at the pinned block: that block's own metadata and runtime. */
  constructor(private readonly api: ApiDecoration<'promise'>) {}

  has(pallet: string, item: string): boolean {
    return Boolean(this.api.query[lower(pallet)]?.[lower(item)]);
  }

  private valueType(pallet: string, item: string): string {
    const id = `${pallet}.${item}`;
    let type = this.valueTypes.get(id);
    if (type === undefined) {
      const entry = this.api.query[lower(pallet)]?.[lower(item)];
      if (!entry) throw new DecodeError(`${id} is not in this runtime's metadata`);
      const meta = entry.creator.meta.type;
      const typeId = meta.isPlain ? meta.asPlain : meta.asMap.value;
      type = this.api.registry.createLookupType(typeId);
      this.valueTypes.set(id, type);
    }
    return type;
  }

  /** Decodes a stored value of `Pallet.Item`; throws DecodeError on bytes the type does not consume. */
  decode<T extends Codec = Codec>(pallet: string, item: string, hex: string): T {
    const type = this.valueType(pallet, item);
    // Bytes, not hex: a hex string would be read as a number (primitives) or as raw content (Bytes).
    const value = this.api.registry.createType(type, hexToU8a(hex)) as unknown as T;
    if (value.encodedLength !== (hex.length - 2) / 2) {
      throw new DecodeError(`${pallet}.${item}: ${type} did not consume all ${(hex.length - 2) / 2} bytes`);
    }
    return value;
  }

  /**
   * Decodes the one key of a single-hasher map (the bytes after its hash), e.g. the location of a
   * `ForeignAssets.Asset` key or the asset kind of an `AssetRate` key.
   */
  decodeKey<T extends Codec = Codec>(pallet: string, item: string, hex: string): T {
    const entry = this.api.query[lower(pallet)]?.[lower(item)];
    if (!entry || entry.creator.meta.type.isPlain)
      throw new DecodeError(`${pallet}.${item} is not a map in this runtime's metadata`);
    const type = this.api.registry.createLookupType(entry.creator.meta.type.asMap.key);
    const value = this.api.registry.createType(type, hexToU8a(hex)) as unknown as T;
    if (value.encodedLength !== (hex.length - 2) / 2)
      throw new DecodeError(
        `${pallet}.${item}: key ${type} did not consume all ${(hex.length - 2) / 2} bytes`,
      );
    return value;
  }

  /** `Pallet.Item` as this block's metadata declares it: key prefix, hashers, key and value types. */
  storageEntry(pallet: string, item: string): StorageEntryView | undefined {
    const entry = this.api.query[lower(pallet)]?.[lower(item)];
    if (!entry) return undefined;
    return storageEntryView(this.lookup, entry.creator.prefix, entry.creator.meta);
  }

  get lookup() {
    return this.api.registry.lookup;
  }

  get registry() {
    return this.api.registry;
  }

  get consts() {
    return this.api.consts;
  }

  /** The pallets of this block's metadata: names, indices, calls and constants. */
  metadataPallets() {
    return this.api.registry.metadata.pallets;
  }

  get specName(): string {
    return this.api.runtimeVersion.specName.toString();
  }

  /** The spec version of the runtime whose metadata this codec decodes with. */
  get specVersion(): number {
    return this.api.runtimeVersion.specVersion.toNumber();
  }
}
