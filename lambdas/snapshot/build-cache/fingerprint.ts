/**
 * Fingerprints of a section's inputs: a SHA-256 over an unambiguous walk of the decoded values
 * (type tags, lengths, keys in their order), so equal fingerprints mean equal inputs. Key order is
 * kept as found: the readers build their objects in storage-key order, so the same chain state
 * walks the same way; a different order only makes a fingerprint differ (a rebuild), never match.
 *
 * Objects marked immutable (the era archive's kept eras, which never change once kept) stand in
 * the walk by identity: a token of their own, so the tens of megabytes of past exposures are not
 * walked every run. A warm container sees the same kept objects run after run; a cold one sees new
 * ones, new tokens, and builds everything once.
 */
import { createHash, type Hash } from 'node:crypto';

const FLUSH_AT = 1 << 20;

class Unfingerprintable extends Error {}

export class Fingerprinter {
  private readonly tokens = new WeakMap<object, number>();
  private nextToken = 1;

  /** `value` never changes from now on: it is fingerprinted by identity. */
  markImmutable(value: object): void {
    if (!this.tokens.has(value)) this.tokens.set(value, this.nextToken++);
  }

  isImmutable(value: object): boolean {
    return this.tokens.has(value);
  }

  /**
   * The fingerprint of `value`, or undefined when it holds something without a plain-data reading
   * (a function, a class instance, a cycle): then the section is built every run.
   */
  digest(value: unknown): string | undefined {
    const walk = new Walk(createHash('sha256'), this.tokens);
    try {
      walk.value(value);
    } catch (error) {
      if (error instanceof Unfingerprintable || error instanceof RangeError) return undefined;
      throw error;
    }
    return walk.finish();
  }
}

class Walk {
  private text = '';

  constructor(
    private readonly hash: Hash,
    private readonly tokens: WeakMap<object, number>,
  ) {}

  finish(): string {
    this.hash.update(this.text);
    return this.hash.digest('base64');
  }

  private put(part: string): void {
    this.text += part;
    if (this.text.length > FLUSH_AT) {
      this.hash.update(this.text);
      this.text = '';
    }
  }

  value(v: unknown): void {
    switch (typeof v) {
      case 'string':
        this.put(`s${v.length}:${v}`);
        return;
      case 'number':
        this.put(`n${v};`);
        return;
      case 'bigint':
        this.put(`b${v};`);
        return;
      case 'boolean':
        this.put(v ? 'T' : 'F');
        return;
      case 'undefined':
        this.put('U');
        return;
      case 'object':
        if (v === null) this.put('N');
        else this.object(v);
        return;
      default:
        throw new Unfingerprintable(typeof v);
    }
  }

  private object(v: object): void {
    const token = this.tokens.get(v);
    if (token !== undefined) {
      this.put(`r${token};`);
      return;
    }
    if (Array.isArray(v)) {
      this.put(`[${v.length};`);
      for (const item of v) this.value(item);
      return;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      const record = v as Record<string, unknown>;
      this.put('{');
      for (const key in record) {
        this.put(`${key.length}:${key}`);
        this.value(record[key]);
      }
      this.put('}');
      return;
    }
    if (v instanceof Map) {
      this.put(`M${v.size};`);
      for (const [key, item] of v) {
        this.value(key);
        this.value(item);
      }
      return;
    }
    if (v instanceof Set) {
      this.put(`S${v.size};`);
      for (const item of v) this.value(item);
      return;
    }
    if (v instanceof Uint8Array) {
      this.put(`u${v.length};${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}`);
      return;
    }
    throw new Unfingerprintable(proto?.constructor?.name ?? 'object');
  }
}
