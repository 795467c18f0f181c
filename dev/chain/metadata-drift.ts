/**
 * Real metadata with a storage layout changed on purpose, for testing how the snapshot reader meets
 * a runtime upgrade it was not written for: a field appended to a stored type, a storage item
 * renamed, a key hasher swapped. The bytes are decoded with `@polkadot/types`, the latest metadata
 * is edited as JSON (its portable registry and its pallets' storage entries) and encoded again.
 */
import { Metadata, TypeRegistry } from '@polkadot/types';

interface TypeJson {
  id: number;
  type: { path: string[]; params: unknown[]; def: Record<string, unknown>; docs: string[] };
}

interface FieldJson {
  name: string | null;
  type: number;
  typeName: string | null;
  docs: string[];
}

interface StorageItemJson {
  name: string;
  type: { plain?: number; map?: { hashers: string[]; key: number; value: number } };
}

interface LatestJson {
  lookup: { types: TypeJson[] };
  pallets: Array<{ name: string; storage: { prefix: string; items: StorageItemJson[] } | null }>;
}

/** One change to the latest metadata, applied in place. */
export type MetadataDrift = (latest: LatestJson) => void;

const PRIMITIVES: Record<string, string> = {
  u8: 'U8',
  u16: 'U16',
  u32: 'U32',
  u64: 'U64',
  u128: 'U128',
  bool: 'Bool',
};

/** The id of a type written as `u8` … `u128`, `bool` or `Vec<…>` of those, added when not there. */
function typeId(latest: LatestJson, spec: string): number {
  const vec = /^Vec<(.+)>$/.exec(spec);
  let def: Record<string, unknown>;
  if (vec) def = { sequence: { type: typeId(latest, vec[1]!) } };
  else if (PRIMITIVES[spec]) def = { primitive: PRIMITIVES[spec] };
  else throw new Error(`metadata drift: type ${spec} is not supported`);
  const wanted = JSON.stringify(def);
  const types = latest.lookup.types;
  const found = types.find((t) => t.type.path.length === 0 && JSON.stringify(t.type.def) === wanted);
  if (found) return found.id;
  const id = Math.max(...types.map((t) => t.id)) + 1;
  types.push({ id, type: { path: [], params: [], def, docs: [] } });
  return id;
}

function storageItem(latest: LatestJson, pallet: string, item: string): StorageItemJson {
  const p = latest.pallets.find((x) => x.name === pallet);
  const found = p?.storage?.items.find((x) => x.name === item);
  if (!found) throw new Error(`metadata drift: no storage item ${pallet}.${item}`);
  return found;
}

function compositeOf(latest: LatestJson, pallet: string, item: string): { fields: FieldJson[] } {
  const entry = storageItem(latest, pallet, item);
  const valueId = entry.type.map?.value ?? entry.type.plain;
  const composite = latest.lookup.types.find((t) => t.id === valueId)?.type.def.composite;
  if (!composite) throw new Error(`metadata drift: ${pallet}.${item} does not store a composite`);
  return composite as { fields: FieldJson[] };
}

/**
 * Appends a named field of type `type` to the composite stored in `Pallet.Item` (every other use of
 * that type changes with it, as it would in the runtime).
 */
export function appendField(pallet: string, item: string, name: string, type: string): MetadataDrift {
  return (latest) => {
    compositeOf(latest, pallet, item).fields.push({
      name,
      type: typeId(latest, type),
      typeName: type,
      docs: [],
    });
  };
}

/** Renames a field of the composite stored in `Pallet.Item` (its encoding stays the same). */
export function renameField(pallet: string, item: string, from: string, to: string): MetadataDrift {
  return (latest) => {
    const field = compositeOf(latest, pallet, item).fields.find((f) => f.name === from);
    if (!field) throw new Error(`metadata drift: ${pallet}.${item} has no field ${from}`);
    field.name = to;
  };
}

/** Renames a storage item: its storage moves to the prefix of the new name. */
export function renameItem(pallet: string, item: string, to: string): MetadataDrift {
  return (latest) => {
    storageItem(latest, pallet, item).name = to;
  };
}

/** Replaces a storage map's key hashers. */
export function setHashers(pallet: string, item: string, hashers: string[]): MetadataDrift {
  return (latest) => {
    const map = storageItem(latest, pallet, item).type.map;
    if (!map) throw new Error(`metadata drift: ${pallet}.${item} is not a map`);
    if (hashers.length !== map.hashers.length)
      throw new Error(`metadata drift: ${pallet}.${item} has ${map.hashers.length} hashers`);
    map.hashers = hashers;
  };
}

/** The metadata `bytes` with `drifts` applied to its latest version, encoded again. */
export function driftMetadata(bytes: Uint8Array, ...drifts: MetadataDrift[]): Uint8Array {
  const json = new Metadata(new TypeRegistry(), bytes).toJSON() as unknown as {
    magicNumber: number;
    metadata: Record<string, LatestJson>;
  };
  const [version] = Object.keys(json.metadata);
  const latest = json.metadata[version!]!;
  for (const drift of drifts) drift(latest);
  return new Metadata(new TypeRegistry(), json as unknown as Record<string, unknown>).toU8a();
}
