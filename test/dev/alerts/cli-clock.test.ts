import { describe, expect, it } from 'vitest';
import { cliClock } from '../../../dev/alerts/cli-clock.js';

/** A dev chain's snapshot: chain time months before the wall clock, committed 90 s before "now". */
const WALL = Date.UTC(2026, 11, 5, 4, 0, 0);
const DATA = {
  relayBlock: 31_562_213,
  chainMs: Date.UTC(2026, 6, 16, 14, 29, 34),
  committedAtMs: WALL - 90_000,
};

describe('the clock npm run alerts judges by', () => {
  it('defaults to the chain time plus the time since the snapshot, and says how old the data is', () => {
    const clock = cliClock(undefined, DATA, WALL);
    if (clock instanceof Error) throw clock;
    expect(clock.startMs).toBe(DATA.chainMs + 90_000);
    expect(clock.describe).toBe(
      "data as of relay block 31,562,213 (chain time 2026-07-16T14:29:34Z), taken 1m 30s ago; alerts judged at 2026-07-16T14:31:04Z by the chain's clock, its time at the snapshot plus the time since (--now data)",
    );
  });

  it('on a live chain, whose time is the wall time, the default is the wall clock', () => {
    const live = { ...DATA, chainMs: DATA.committedAtMs - 12_000 };
    const clock = cliClock('data', live, WALL);
    if (clock instanceof Error) throw clock;
    expect(clock.startMs).toBe(WALL - 12_000);
  });

  it('takes chain, wall and an ISO time on request', () => {
    expect((cliClock('chain', DATA, WALL) as { startMs: number }).startMs).toBe(DATA.chainMs);
    expect((cliClock('wall', DATA, WALL) as { startMs: number }).startMs).toBe(WALL);
    expect((cliClock('2026-07-20T12:00:00Z', null, WALL) as { startMs: number }).startMs).toBe(
      Date.UTC(2026, 6, 20, 12),
    );
  });

  it('refuses anything else, and the chain clocks without a snapshot, with a message', () => {
    expect((cliClock('yesterday', DATA, WALL) as Error).message).toBe(
      '--now must be data, chain, wall or an ISO time such as 2026-07-20T12:00:00Z, not "yesterday"',
    );
    expect((cliClock('12345', DATA, WALL) as Error).message).toMatch(/not "12345"/);
    expect((cliClock(undefined, null, WALL) as Error).message).toMatch(/no snapshot yet: run `npm start`/);
  });
});
