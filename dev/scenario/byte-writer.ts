/** A growable byte buffer for SCALE encoding; one instance is reused for every value. */
export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private pos = 0;

  get length(): number {
    return this.pos;
  }

  reset(): void {
    this.pos = 0;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.pos++] = v & 0xff;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Little-endian unsigned integer of `width` bytes; the caller checks the range. */
  uintLE(v: bigint | number, width: number): void {
    this.ensure(width);
    if (typeof v === 'number' && width <= 4) {
      for (let i = 0; i < width; i++) this.buf[this.pos++] = (v >>> (8 * i)) & 0xff;
      return;
    }
    let x = BigInt(v);
    for (let i = 0; i < width; i++) {
      this.buf[this.pos++] = Number(x & 0xffn);
      x >>= 8n;
    }
  }

  /** SCALE compact integer. */
  compact(v: bigint | number): void {
    const n = typeof v === 'bigint' && v <= 0xffffffffn ? Number(v) : v;
    if (typeof n !== 'number') this.compactBig(n);
    else if (n < 1 << 6) this.u8(n << 2);
    else if (n < 1 << 14) this.uintLE((n << 2) | 1, 2);
    else if (n < 2 ** 30) this.uintLE(((n << 2) | 2) >>> 0, 4);
    else this.compactBig(BigInt(n));
  }

  private compactBig(v: bigint): void {
    let width = 0;
    for (let x = v; x > 0n; x >>= 8n) width++;
    width = Math.max(width, 4);
    this.u8(((width - 4) << 2) | 3);
    this.uintLE(v, width);
  }

  toHex(): string {
    return `0x${Buffer.from(this.buf.buffer, this.buf.byteOffset, this.pos).toString('hex')}`;
  }

  toU8a(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
