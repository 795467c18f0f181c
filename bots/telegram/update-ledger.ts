/**
 * Which updates were handled, so a redelivered update_id is answered once. An update is claimed
 * before it is handled and completed after; a claim whose handler died expires after a lease, so
 * Telegram's redelivery is then handled rather than lost.
 */

export type ClaimResult = 'claimed' | 'done' | 'in-progress';

export interface UpdateLedger {
  claim(updateId: number): Promise<ClaimResult>;
  complete(updateId: number): Promise<void>;
  /** Forget a claim whose handling failed, so the redelivery is handled. */
  release(updateId: number): Promise<void>;
}

export const DEFAULT_LEASE_MS = 120_000;

/** One process's memory: enough locally and within one warm Lambda container. */
export class MemoryUpdateLedger implements UpdateLedger {
  private readonly entries = new Map<number, { done: boolean; untilMs: number }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly leaseMs = DEFAULT_LEASE_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  async claim(updateId: number): Promise<ClaimResult> {
    const entry = this.entries.get(updateId);
    if (entry?.done) return 'done';
    if (entry && entry.untilMs > this.clock()) return 'in-progress';
    this.entries.delete(updateId);
    this.entries.set(updateId, { done: false, untilMs: this.clock() + this.leaseMs });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return 'claimed';
  }

  async complete(updateId: number): Promise<void> {
    this.entries.set(updateId, { done: true, untilMs: Number.POSITIVE_INFINITY });
  }

  async release(updateId: number): Promise<void> {
    if (this.entries.get(updateId)?.done === false) this.entries.delete(updateId);
  }
}
