/** Real (or drifted) runtime metadata as the guard sees it, without a chain. */
import { Metadata, TypeRegistry } from '@polkadot/types';
import { driftMetadata, type MetadataDrift } from '../../../../dev/chain/metadata-drift.js';
import { assetHubRuntime } from '../../../../dev/chain/runtimes.js';
import { type LayoutSource, storageEntryView } from '../../../../lambdas/snapshot/guard/entries.js';
import type { PinnedMetadata } from '../../../../lambdas/snapshot/guard/guard.js';

export interface RuntimeMetadata extends PinnedMetadata {
  registry: TypeRegistry;
  /** Encodes a value of `Pallet.Item` as this metadata types it. */
  encode(pallet: string, item: string, value: unknown): string;
}

/** A runtime's metadata as a layout source (the reader uses the pinned block's, through its codec). */
export function metadataSource(metadata: Metadata, lookup: LayoutSource['lookup']): LayoutSource {
  const pallets = metadata.asLatest.pallets;
  return {
    lookup,
    storageEntry(pallet, item) {
      const storage = pallets.find((p) => p.name.toString() === pallet)?.storage;
      if (!storage || storage.isNone) return undefined;
      const entry = storage.unwrap().items.find((i) => i.name.toString() === item);
      return entry && storageEntryView(lookup, storage.unwrap().prefix.toString(), entry);
    },
  };
}

/** Statemine `spec`'s metadata with `drifts` applied, presented as spec version `as`. */
export function runtimeMetadata(spec: number, drifts: MetadataDrift[] = [], as = spec): RuntimeMetadata {
  const bytes = assetHubRuntime(spec).metadataBytes();
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, drifts.length > 0 ? driftMetadata(bytes, ...drifts) : bytes);
  registry.setMetadata(metadata);
  const source = metadataSource(metadata, registry.lookup);
  const typeOf = (pallet: string, item: string) => {
    const entry = source.storageEntry(pallet, item);
    if (!entry) throw new Error(`${pallet}.${item} is not in this metadata`);
    return registry.createLookupType(entry.value);
  };
  return {
    ...source,
    registry,
    specName: 'statemine',
    specVersion: as,
    decode: (pallet, item, hex) => registry.createType(typeOf(pallet, item), hex),
    encode: (pallet, item, value) => registry.createType(typeOf(pallet, item), value).toHex(),
  };
}
