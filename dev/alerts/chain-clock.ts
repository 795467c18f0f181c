/**
 * The local runner's clock on a dev chain, whose time is not today's: the newest snapshot's chain
 * time, plus the wall time since it was seen. Its anchor (that pair) is all a restarted runner
 * needs to carry on with the same clock, downtime included, so the leases, retry times and queue
 * delays written on it keep their meaning.
 */

export interface ChainAnchor {
  /** A chain time... */
  chainMs: number;
  /** ...and the wall time it was seen at. */
  wallMs: number;
}

export class ChainClock {
  private anchor: ChainAnchor;

  /** Without an anchor it starts at the wall time, until the first snapshot says otherwise. */
  constructor(
    private readonly wall: () => number,
    restored?: ChainAnchor,
  ) {
    const at = wall();
    this.anchor = restored ? { ...restored } : { chainMs: at, wallMs: at };
  }

  readonly now = (): number => this.anchor.chainMs + (this.wall() - this.anchor.wallMs);

  /** The newest snapshot's chain time, seen now. */
  follow(chainMs: number): void {
    this.anchor = { chainMs, wallMs: this.wall() };
  }

  state(): ChainAnchor {
    return { ...this.anchor };
  }
}
