/**
 * Deterministic pseudo-random numbers (sfc32), seeded from a number and a label so every part of the
 * scenario draws from its own stream and adding draws in one part never shifts another.
 */
function hashLabel(seed: number, label: string): [number, number, number, number] {
  let h1 = 0x9e3779b9 ^ seed;
  let h2 = 0x85ebca6b ^ Math.imul(seed, 0x27d4eb2f);
  let h3 = 0xc2b2ae35;
  let h4 = 0x165667b1;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ h1, 0xcc9e2d51);
    h4 = Math.imul(h4 ^ h2, 0x1b873593);
  }
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, label: string) {
    [this.a, this.b, this.c, this.d] = hashLabel(seed, label);
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Uniform bigint in [min, max], both inclusive (fine-grained enough for planck amounts). */
  bigint(min: bigint, max: bigint): bigint {
    const span = max - min + 1n;
    const r = (BigInt(this.nextU32()) << 32n) | BigInt(this.nextU32());
    return min + ((r * span) >> 64n);
  }

  /** Log-uniform amount in [min, max]: many small holders, a few large ones. */
  logBigint(min: bigint, max: bigint): bigint {
    const lo = Math.log(Number(min));
    const hi = Math.log(Number(max));
    const v = BigInt(Math.floor(Math.exp(lo + this.float() * (hi - lo))));
    return v < min ? min : v > max ? max : v;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.float() * items.length)]!;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const v = this.nextU32();
      for (let k = 0; k < 4 && i + k < n; k++) out[i + k] = (v >>> (8 * k)) & 0xff;
    }
    return out;
  }
}
