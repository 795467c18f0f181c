/**
 * The layout of a metadata type, read from the portable registry by resolving type ids
 * recursively, in the notation of `layout.ts`. Names of fields and types are left out; variant
 * names and indices stay.
 */
import type { SiType } from '@polkadot/types/interfaces';
import { enumLayout, group, type Layout } from './layout.js';

/** A metadata's portable registry, as far as layouts need it. */
export interface TypeLookup {
  getSiType(id: number): SiType;
}

const cache = new WeakMap<TypeLookup, Map<number, Layout>>();

function render(lookup: TypeLookup, id: number, visiting: Set<number>, done: Map<number, Layout>): Layout {
  const known = done.get(id);
  if (known !== undefined) return known;
  // A type that contains itself (a call enum, say) is named by its id where it recurs. No declared
  // item holds one: such a layout only ever compares equal to itself in the same registry.
  if (visiting.has(id)) return `#${id}`;
  visiting.add(id);
  const of = (t: { toNumber(): number }) => render(lookup, t.toNumber(), visiting, done);
  const def = lookup.getSiType(id).def;
  let out: Layout;
  if (def.isPrimitive) out = def.asPrimitive.type.toLowerCase();
  else if (def.isCompact) out = `Compact<${of(def.asCompact.type)}>`;
  else if (def.isSequence) out = `Vec<${of(def.asSequence.type)}>`;
  else if (def.isArray) out = `[${of(def.asArray.type)};${def.asArray.len.toNumber()}]`;
  else if (def.isTuple) out = group(def.asTuple.map(of), '(', ')');
  else if (def.isComposite)
    out = group(
      def.asComposite.fields.map((f) => of(f.type)),
      '{',
      '}',
    );
  else if (def.isVariant) {
    const variants = def.asVariant.variants
      .map((v) => ({
        index: v.index.toNumber(),
        name: v.name.toString(),
        fields: v.fields.map((f) => of(f.type)),
      }))
      .sort((a, b) => a.index - b.index);
    out = enumLayout(variants);
  } else if (def.isBitSequence) {
    out = `BitVec<${of(def.asBitSequence.bitStoreType)},${of(def.asBitSequence.bitOrderType)}>`;
  } else out = def.type;
  visiting.delete(id);
  done.set(id, out);
  return out;
}

/** The layout of type `id` in `lookup` (memoised per registry). */
export function layoutOf(lookup: TypeLookup, id: number): Layout {
  let done = cache.get(lookup);
  if (!done) {
    done = new Map();
    cache.set(lookup, done);
  }
  return render(lookup, id, new Set(), done);
}

/**
 * The names a value of type `id` is read by: its field names (as the metadata spells them) when it
 * is a composite of named fields, its variant names when it is an enum, looking through one-field
 * wrappers (BoundedVec, BoundedExposurePage …); empty otherwise.
 */
export function namesOf(lookup: TypeLookup, id: number): string[] {
  let def = lookup.getSiType(id).def;
  for (;;) {
    if (def.isVariant) return def.asVariant.variants.map((v) => v.name.toString());
    if (!def.isComposite) return [];
    const fields = def.asComposite.fields;
    if (fields.length === 1 && fields[0]!.name.isNone) def = lookup.getSiType(fields[0]!.type.toNumber()).def;
    else return fields.flatMap((f) => (f.name.isSome ? [f.name.unwrap().toString()] : []));
  }
}
