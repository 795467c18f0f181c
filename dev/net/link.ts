/**
 * One direction of a simulated network link: every unit (a WebSocket frame, or the HTTP upgrade)
 * is held for the one-way delay, after it has been let through a token bucket of the link's rate.
 * Units leave in the order they came, each whole; what each was held for is counted as planned, so
 * the figures do not depend on how fast the machine runs the timers.
 */

export interface LinkOptions {
  /** One-way delay, ms. */
  delayMs: number;
  /** Bytes per second; Infinity for no limit. */
  bytesPerSecond: number;
  /** What the bucket holds when full, bytes: a burst at line rate. */
  burstBytes: number;
}

export interface LinkStats {
  units: number;
  bytes: number;
  /** Sum over units of the planned hold: the delay plus the wait for the bucket. */
  heldMs: number;
  /** Of `heldMs`, the part spent waiting for the bucket (bandwidth). */
  throttledMs: number;
}

interface Queued {
  bytes: Buffer;
  dueAt: number;
  onSent?: () => void;
}

export class Link {
  private tokens: number;
  private refilledAt = performance.now();
  /** When the previous unit finished passing the bucket. */
  private clearAt = 0;
  private readonly queue: Queued[] = [];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  stats: LinkStats = { units: 0, bytes: 0, heldMs: 0, throttledMs: 0 };

  constructor(
    private readonly options: LinkOptions,
    private readonly deliver: (bytes: Buffer) => void,
  ) {
    this.tokens = options.burstBytes;
  }

  /** Queues a unit that arrived now, and returns the planned wait in ms; `onSent` runs as it is delivered. */
  send(bytes: Buffer, onSent?: () => void): number {
    const now = performance.now();
    const start = Math.max(now, this.clearAt);
    const { bytesPerSecond, burstBytes, delayMs } = this.options;
    let cleared = start;
    if (Number.isFinite(bytesPerSecond)) {
      this.tokens = Math.min(burstBytes, this.tokens + ((start - this.refilledAt) * bytesPerSecond) / 1000);
      this.refilledAt = start;
      this.tokens -= bytes.length;
      // In debt: the unit has passed once the bucket has refilled to zero.
      if (this.tokens < 0) cleared = start + (-this.tokens * 1000) / bytesPerSecond;
    }
    this.clearAt = cleared;
    const dueAt = cleared + delayMs;
    const held = dueAt - now;
    this.stats.units++;
    this.stats.bytes += bytes.length;
    this.stats.heldMs += held;
    this.stats.throttledMs += cleared - now;
    this.queue.push({ bytes, dueAt, onSent });
    if (this.queue.length === 1) this.schedule();
    return held;
  }

  private schedule(): void {
    if (this.timer || this.closed || this.queue.length === 0) return;
    const wait = Math.max(0, this.queue[0]!.dueAt - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  private flush(): void {
    const now = performance.now();
    // In arrival order (due times only grow).
    while (this.queue.length > 0 && this.queue[0]!.dueAt <= now + 0.5) {
      const unit = this.queue.shift()!;
      this.deliver(unit.bytes);
      unit.onSent?.();
    }
    this.schedule();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue.length = 0;
  }
}
