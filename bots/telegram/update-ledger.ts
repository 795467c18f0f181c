/** The in-memory update ledger; the shared one lives in the store (lambdas/store/update-ledger). */
import { type ClaimResult, DEFAULT_LEASE_MS, type UpdateLedger } from '../../core/ports/update-ledger.js';

export { type ClaimResult, DEFAULT_LEASE_MS, type UpdateLedger };

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
