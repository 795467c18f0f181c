/**
 * The subscription index sweep under `npm start`, where no schedule runs the detector: at the
 * runner's start (a crash may just have left something) and then after a snapshot once the last
 * sweep is 15 minutes old, like the detector's schedule on AWS. The time of the last sweep is part
 * of the runner's saved state.
 */
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';

export const SWEEP_EVERY_MS = 15 * 60_000;

export class IndexSweeper {
  private running: Promise<void> | null = null;

  constructor(
    private readonly index: Pick<SubscriptionStore, 'repairIndex'>,
    /** The wall clock the subscription store stamps index items with. */
    private readonly wall: () => number,
    public sweptAtMs: number | null,
    private readonly swept: () => void,
    private readonly log: (line: string) => void,
  ) {}

  /** Sweeps if one is due; one sweep at a time. Never rejects: a failure is logged and tried next time. */
  whenDue(): Promise<void> {
    if (this.running) return this.running;
    if (this.sweptAtMs !== null && this.wall() - this.sweptAtMs < SWEEP_EVERY_MS) return Promise.resolve();
    this.running = this.index
      .repairIndex()
      .then(
        (r) => {
          this.sweptAtMs = this.wall();
          this.swept();
          if (r.restored + r.removed + r.regenerated > 0)
            this.log(
              `alerts: subscription index repaired (${r.restored} restored, ${r.removed} leftovers removed, ${r.regenerated} generations set)`,
            );
        },
        (error: Error) =>
          this.log(`alerts: subscription index sweep failed, tried again later: ${error.message}`),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Resolves when no sweep runs. */
  async idle(): Promise<void> {
    await this.running;
  }
}
