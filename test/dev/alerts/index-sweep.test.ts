import { describe, expect, it } from 'vitest';
import type { IndexRepair } from '../../../core/ports/subscription-store.js';
import { IndexSweeper, SWEEP_EVERY_MS } from '../../../dev/alerts/index-sweep.js';

const NOTHING: IndexRepair = {
  targets: 0,
  restored: 0,
  removed: 0,
  young: 0,
  regenerated: 0,
  summaries: {
    deadlines: { step: 'checked', added: 0, dropped: 0 },
    coretime: { step: 'checked', added: 0, dropped: 0 },
    para: { step: 'checked', added: 0, dropped: 0 },
  },
};

describe('the index sweep of the local runner', () => {
  it('runs at start, then once the last sweep is 15 minutes old; a failure is logged and tried again', async () => {
    const wall = { now: 1_000 };
    const answers: Array<IndexRepair | Error> = [
      NOTHING,
      new Error('table gone'),
      { ...NOTHING, restored: 2 },
    ];
    let sweeps = 0;
    let saved = 0;
    const lines: string[] = [];
    const sweeper = new IndexSweeper(
      {
        repairIndex: async () => {
          const answer = answers[sweeps++]!;
          if (answer instanceof Error) throw answer;
          return answer;
        },
      },
      () => wall.now,
      null,
      () => {
        saved += 1;
      },
      (line) => lines.push(line),
    );
    await sweeper.whenDue();
    expect([sweeps, saved, sweeper.sweptAtMs]).toEqual([1, 1, 1_000]);
    wall.now += SWEEP_EVERY_MS - 1;
    await sweeper.whenDue();
    expect(sweeps).toBe(1);
    wall.now += 1;
    await sweeper.whenDue();
    expect([sweeps, saved, sweeper.sweptAtMs]).toEqual([2, 1, 1_000]);
    expect(lines).toEqual(['alerts: subscription index sweep failed, tried again later: table gone']);
    await Promise.all([sweeper.whenDue(), sweeper.whenDue()]);
    expect([sweeps, saved, sweeper.sweptAtMs]).toEqual([3, 2, 1_000 + SWEEP_EVERY_MS]);
    expect(lines[1]).toMatch(/repaired \(2 restored/);
  });

  it('a restarted runner keeps the time of the last sweep', async () => {
    let sweeps = 0;
    const sweeper = new IndexSweeper(
      {
        repairIndex: async () => {
          sweeps += 1;
          return NOTHING;
        },
      },
      () => 5_000,
      4_000,
      () => {},
      () => {},
    );
    await sweeper.whenDue();
    expect(sweeps).toBe(0);
  });
});
