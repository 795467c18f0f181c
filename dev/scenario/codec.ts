/**
 * A SCALE encoder compiled from the metadata's portable type registry: every value is encoded as the
 * type id the metadata gives for it, so the bytes are exactly what the runtime would store.
 *
 * Value shapes: composites are objects keyed by camelCase field names (a single unnamed field passes
 * through, several unnamed fields take an array); enums are `'Variant'` or `{ Variant: inner }`;
 * `Option` is `null | value`; sequences and tuples are arrays (a BTreeMap is an array of [key, value]);
 * byte sequences and byte arrays take a Uint8Array or hex, and 32-byte arrays also an SS58 address.
 */
import type { PortableRegistry } from '@polkadot/types';
import type { Si1Field, Si1Type } from '@polkadot/types/interfaces';
import { hexToU8a, isHex, stringCamelCase } from '@polkadot/util';
import { ByteWriter } from './byte-writer.js';
import { ScenarioEncodeError } from './errors.js';

type EncodeFn = (w: ByteWriter, value: unknown, path: string) => void;

const UINT_WIDTH: Record<string, number> = { U8: 1, U16: 2, U32: 4, U64: 8, U128: 16, U256: 32 };
const INT_WIDTH: Record<string, number> = { I8: 1, I16: 2, I32: 4, I64: 8, I128: 16, I256: 32 };

function fieldKey(field: Si1Field): string {
  return stringCamelCase(field.name.unwrap().toString().replace(/_+$/, ''));
}

export class MetadataCodec {
  private readonly compiled = new Map<number, EncodeFn>();
  private readonly writer = new ByteWriter();

  constructor(
    private readonly lookup: PortableRegistry,
    private readonly resolveAccount: (address: string) => Uint8Array,
  ) {}

  /** Encodes `value` as metadata type `typeId` and returns it as 0x-prefixed hex. */
  encodeHex(typeId: number, value: unknown): string {
    this.writer.reset();
    this.fn(typeId)(this.writer, value, '');
    return this.writer.toHex();
  }

  encode(typeId: number, value: unknown): Uint8Array {
    this.writer.reset();
    this.fn(typeId)(this.writer, value, '');
    return this.writer.toU8a();
  }

  private fn(typeId: number): EncodeFn {
    const known = this.compiled.get(typeId);
    if (known) return known;
    let impl: EncodeFn | undefined;
    // Recursive types (RuntimeCall inside utility.batch) reach themselves before compiling finishes.
    this.compiled.set(typeId, (w, v, p) => impl!(w, v, p));
    impl = this.compile(typeId, this.lookup.getSiType(typeId));
    this.compiled.set(typeId, impl);
    return impl;
  }

  private fail(typeId: number, path: string, detail: string): never {
    throw new ScenarioEncodeError(typeId, path, detail);
  }

  private compile(id: number, si: Si1Type): EncodeFn {
    const def = si.def;
    if (def.isPrimitive) return this.primitive(id, def.asPrimitive.type);
    if (def.isCompact) return this.compact(id, def.asCompact.type.toNumber());
    if (def.isComposite) return this.fields(id, def.asComposite.fields);
    if (def.isVariant) return this.variant(id, si);
    if (def.isSequence) return this.sequence(id, def.asSequence.type.toNumber(), null);
    if (def.isArray) return this.sequence(id, def.asArray.type.toNumber(), def.asArray.len.toNumber());
    if (def.isTuple) {
      const items = def.asTuple.map((t) => this.fn(t.toNumber()));
      return (w, v, p) => {
        if (items.length === 0) return;
        if (!Array.isArray(v) || v.length !== items.length)
          this.fail(id, p, `expected a ${items.length}-tuple`);
        for (let i = 0; i < items.length; i++) items[i]!(w, v[i], `${p}[${i}]`);
      };
    }
    return (_w, _v, p) => this.fail(id, p, `type kind ${def.type} is not supported`);
  }

  private isU8(typeId: number): boolean {
    const def = this.lookup.getSiType(typeId).def;
    return def.isPrimitive && def.asPrimitive.type === 'U8';
  }

  private toBytes(id: number, v: unknown, p: string, len: number | null): Uint8Array {
    let bytes: Uint8Array | undefined;
    if (v instanceof Uint8Array) bytes = v;
    else if (typeof v === 'string' && isHex(v)) bytes = hexToU8a(v);
    else if (typeof v === 'string' && len === 32) bytes = this.resolveAccount(v);
    if (!bytes) return this.fail(id, p, 'expected bytes (Uint8Array or hex)');
    if (len !== null && bytes.length !== len) this.fail(id, p, `expected ${len} bytes, got ${bytes.length}`);
    return bytes;
  }

  private sequence(id: number, inner: number, len: number | null): EncodeFn {
    if (this.isU8(inner)) {
      return (w, v, p) => {
        const bytes = this.toBytes(id, v, p, len);
        if (len === null) w.compact(bytes.length);
        w.bytes(bytes);
      };
    }
    const item = this.fn(inner);
    return (w, v, p) => {
      if (!Array.isArray(v)) return this.fail(id, p, 'expected an array');
      if (len !== null && v.length !== len) this.fail(id, p, `expected ${len} items, got ${v.length}`);
      if (len === null) w.compact(v.length);
      for (let i = 0; i < v.length; i++) item(w, v[i], `${p}[${i}]`);
    };
  }

  private fields(id: number, fields: readonly Si1Field[]): EncodeFn {
    if (fields.length === 0) return () => {};
    if (fields.every((f) => f.name.isNone)) {
      const items = fields.map((f) => this.fn(f.type.toNumber()));
      if (items.length === 1) return items[0]!;
      return (w, v, p) => {
        if (!Array.isArray(v) || v.length !== items.length)
          this.fail(id, p, `expected ${items.length} values`);
        for (let i = 0; i < items.length; i++) items[i]!(w, v[i], `${p}[${i}]`);
      };
    }
    const named = fields.map((f) => ({ key: fieldKey(f), enc: this.fn(f.type.toNumber()) }));
    return (w, v, p) => {
      if (typeof v !== 'object' || v === null) return this.fail(id, p, 'expected an object');
      const obj = v as Record<string, unknown>;
      for (const { key, enc } of named) {
        if (!(key in obj)) this.fail(id, p, `missing field "${key}"`);
        enc(w, obj[key], p ? `${p}.${key}` : key);
      }
    };
  }

  private variant(id: number, si: Si1Type): EncodeFn {
    const variants = si.def.asVariant.variants;
    if (si.path.length === 1 && si.path[0]!.toString() === 'Option') {
      const some = this.fn(variants.find((v) => v.name.toString() === 'Some')!.fields[0]!.type.toNumber());
      return (w, v, p) => {
        if (v === null || v === undefined) return w.u8(0);
        w.u8(1);
        some(w, v, p);
      };
    }
    const byName = new Map(
      variants.map((v) => [v.name.toString(), { index: v.index.toNumber(), enc: this.fields(id, v.fields) }]),
    );
    return (w, v, p) => {
      let name: string;
      let inner: unknown;
      if (typeof v === 'string') name = v;
      else if (typeof v === 'object' && v !== null && Object.keys(v).length === 1) {
        name = Object.keys(v)[0]!;
        inner = (v as Record<string, unknown>)[name];
      } else return this.fail(id, p, 'expected "Variant" or { Variant: value }');
      const variant = byName.get(name);
      if (!variant) return this.fail(id, p, `unknown variant "${name}"`);
      w.u8(variant.index);
      variant.enc(w, inner, `${p}.${name}`);
    };
  }

  private toBigInt(id: number, v: unknown, p: string): bigint {
    if (typeof v === 'bigint') return v;
    if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
    return this.fail(id, p, `expected an integer, got ${typeof v === 'number' ? v : typeof v}`);
  }

  private primitive(id: number, kind: string): EncodeFn {
    const uw = UINT_WIDTH[kind];
    if (uw !== undefined) {
      const max = (1n << BigInt(8 * uw)) - 1n;
      return (w, v, p) => {
        if (uw <= 4 && typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2 ** (8 * uw) - 1) {
          return w.uintLE(v, uw);
        }
        const x = this.toBigInt(id, v, p);
        if (x < 0n || x > max) this.fail(id, p, `${x} is out of range for ${kind}`);
        w.uintLE(x, uw);
      };
    }
    const iw = INT_WIDTH[kind];
    if (iw !== undefined) {
      const bits = BigInt(8 * iw);
      return (w, v, p) => {
        const x = this.toBigInt(id, v, p);
        if (x < -(1n << (bits - 1n)) || x >= 1n << (bits - 1n)) this.fail(id, p, `${x} is out of range`);
        w.uintLE(BigInt.asUintN(8 * iw, x), iw);
      };
    }
    if (kind === 'Bool') {
      return (w, v, p) => {
        if (typeof v !== 'boolean') this.fail(id, p, 'expected a boolean');
        w.u8(v ? 1 : 0);
      };
    }
    if (kind === 'Str') {
      return (w, v, p) => {
        if (typeof v !== 'string') return this.fail(id, p, 'expected a string');
        const bytes = new TextEncoder().encode(v);
        w.compact(bytes.length);
        w.bytes(bytes);
      };
    }
    return (_w, _v, p) => this.fail(id, p, `primitive ${kind} is not supported`);
  }

  private compact(id: number, inner: number): EncodeFn {
    // Compact<Perbill> and friends wrap a one-field composite around the integer.
    let target = this.lookup.getSiType(inner).def;
    while (target.isComposite && target.asComposite.fields.length === 1) {
      target = this.lookup.getSiType(target.asComposite.fields[0]!.type).def;
    }
    if (!target.isPrimitive || !(target.asPrimitive.type in UINT_WIDTH)) {
      return (_w, _v, p) => this.fail(id, p, 'compact of a non-integer type');
    }
    return (w, v, p) => {
      const x = typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : this.toBigInt(id, v, p);
      if (x < 0) this.fail(id, p, 'compact values are unsigned');
      w.compact(x);
    };
  }
}
