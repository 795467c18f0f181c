/**
 * Layouts: how a value's bytes are laid out, written as a short string that ignores field and type
 * names (only variant names and indices count). Declarations build them with `L`; the guard reads
 * them out of the metadata's portable registry (`signature.ts`) in the same notation, so the two
 * compare as strings:
 *
 *   u8 … u256, i8 … i256, bool, str, char   primitives
 *   Compact<T>                             compact-encoded T (a one-field wrapper such as Perbill is T)
 *   Vec<T>, [T;n]                          sequence, fixed-length array
 *   {A,B,C}                                composite of two or more fields, in order
 *   (A,B)                                  tuple of two or more items; () is empty
 *   Option<T>                              an enum of exactly 0:None and 1:Some(T)
 *   enum{0:Staked,3:Account([u8;32])}      any other enum: index, name and fields of every variant
 *
 * A composite or tuple of one item is that item (it encodes the same way), so wrappers such as
 * AccountId32, BoundedVec, BTreeMap or Perbill vanish: AccountId32 is [u8;32], BTreeMap<K,V> is
 * Vec<(K,V)>.
 */
export type Layout = string;

/** Items in order: nothing is (), one item is itself, more are joined inside `open`/`close`. */
export function group(items: readonly Layout[], open: string, close: string): Layout {
  if (items.length === 0) return '()';
  if (items.length === 1) return items[0]!;
  return `${open}${items.join(',')}${close}`;
}

/** A variant: its index, name and fields (one field is shown bare, several as a tuple). */
export function variant(index: number, name: string, fields: readonly Layout[]): string {
  return fields.length === 0 ? `${index}:${name}` : `${index}:${name}(${fields.join(',')})`;
}

export function enumLayout(
  variants: ReadonlyArray<{ index: number; name: string; fields: Layout[] }>,
): Layout {
  const [none, some, ...rest] = variants;
  if (
    rest.length === 0 &&
    none?.index === 0 &&
    none.name === 'None' &&
    none.fields.length === 0 &&
    some?.index === 1 &&
    some.name === 'Some' &&
    some.fields.length === 1
  )
    return `Option<${some.fields[0]}>`;
  return `enum{${variants.map((v) => variant(v.index, v.name, v.fields)).join(',')}}`;
}

/** Variant `[name, ...fields]` or a bare name; its index is its position. */
type VariantSpec = string | readonly [string, ...Layout[]];

/** Builders for declared layouts. */
export const L = {
  u8: 'u8',
  u16: 'u16',
  u32: 'u32',
  u64: 'u64',
  u128: 'u128',
  bool: 'bool',
  /** AccountId32 (and any 32-byte hash). */
  account: '[u8;32]',
  /** Perbill, Percent and the like are their integer. */
  perbill: 'u32',
  compact: (inner: Layout): Layout => `Compact<${inner}>`,
  vec: (inner: Layout): Layout => `Vec<${inner}>`,
  array: (inner: Layout, len: number): Layout => `[${inner};${len}]`,
  option: (inner: Layout): Layout => `Option<${inner}>`,
  struct: (...fields: Layout[]): Layout => group(fields, '{', '}'),
  tuple: (...items: Layout[]): Layout => group(items, '(', ')'),
  /** BTreeMap<K, V> encodes as a vector of pairs. */
  map: (key: Layout, value: Layout): Layout => `Vec<${group([key, value], '(', ')')}>`,
  enum: (...variants: VariantSpec[]): Layout =>
    enumLayout(
      variants.map((v, index) =>
        typeof v === 'string' ? { index, name: v, fields: [] } : { index, name: v[0], fields: v.slice(1) },
      ),
    ),
} as const;
