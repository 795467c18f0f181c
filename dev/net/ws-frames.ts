/**
 * Just enough of the WebSocket framing (RFC 6455) to cut a TCP byte stream into whole frames and
 * read a JSON-RPC id or method out of them, without re-encoding anything: the latency proxy forwards
 * the bytes it received, frame by frame.
 */

/** Bytes arriving in chunks; whole units are taken off the front. */
export class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The first `n` bytes (n <= length) without taking them. */
  peek(n: number): Buffer {
    if (this.chunks[0]!.length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!.subarray(0, n);
  }

  take(n: number): Buffer {
    const out = this.peek(n);
    const first = this.chunks[0]!;
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    this.length -= n;
    return out;
  }

  /** Where `needle` first occurs, or -1. */
  indexOf(needle: string): number {
    if (this.length === 0) return -1;
    return this.peek(this.length).indexOf(needle);
  }
}

export interface FrameHead {
  fin: boolean;
  opcode: number;
  /** Header bytes, including the mask key. */
  headerBytes: number;
  payloadBytes: number;
  mask: Buffer | null;
}

/** The frame header at the front of `q`, or null while it has not fully arrived. */
export function frameHead(q: ByteQueue): FrameHead | null {
  if (q.length < 2) return null;
  const two = q.peek(2);
  const masked = (two[1]! & 0x80) !== 0;
  const len7 = two[1]! & 0x7f;
  const extBytes = len7 === 126 ? 2 : len7 === 127 ? 8 : 0;
  const headerBytes = 2 + extBytes + (masked ? 4 : 0);
  if (q.length < headerBytes) return null;
  const head = q.peek(headerBytes);
  const payloadBytes =
    len7 === 126 ? head.readUInt16BE(2) : len7 === 127 ? Number(head.readBigUInt64BE(2)) : len7;
  return {
    fin: (two[0]! & 0x80) !== 0,
    opcode: two[0]! & 0x0f,
    headerBytes,
    payloadBytes,
    mask: masked ? Buffer.from(head.subarray(2 + extBytes, headerBytes)) : null,
  };
}

/** The payload of a whole frame, unmasked into a copy when the client masked it. */
export function framePayload(frame: Buffer, head: FrameHead, from = 0, to = head.payloadBytes): Buffer {
  const raw = frame.subarray(head.headerBytes + from, head.headerBytes + to);
  if (!head.mask) return raw;
  const out = Buffer.allocUnsafe(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw[i]! ^ head.mask[(from + i) & 3]!;
  return out;
}

const ID = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)/;

/**
 * The JSON-RPC id of a response frame, looked for near its start and its end only (a response can
 * be megabytes; servers put the id first or last), or null for a notification.
 */
export function responseId(frame: Buffer, head: FrameHead): string | null {
  const edge = Math.min(96, head.payloadBytes);
  const start = framePayload(frame, head, 0, edge).toString('latin1');
  const found =
    ID.exec(start) ??
    ID.exec(framePayload(frame, head, head.payloadBytes - edge, head.payloadBytes).toString('latin1'));
  return found ? found[1]! : null;
}

/** The ids and methods of a request frame (one call, or a batch). */
export function requestCalls(
  frame: Buffer,
  head: FrameHead,
): Array<{ id: string | null; method: string; params: unknown }> {
  try {
    const parsed = JSON.parse(framePayload(frame, head).toString('utf8')) as unknown;
    const calls = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{
      id?: unknown;
      method?: unknown;
      params?: unknown;
    }>;
    return calls.map((c) => ({
      id: c.id === undefined || c.id === null ? null : JSON.stringify(c.id),
      method: String(c.method ?? ''),
      params: c.params,
    }));
  } catch {
    return [];
  }
}
