import { describe, expect, it } from 'vitest';
import { chartHistory } from '../../../core/opengov/chart-history.js';
import {
  appendTallySample,
  parseTallyHistory,
  TALLY_HISTORY_MAX_SAMPLES,
  type TallySample,
  tallyHistoryData,
} from '../../../core/opengov/tally-history.js';

const s = (block: number, ayes: bigint, nays = 0n, support = ayes): TallySample => ({
  block,
  ayes,
  nays,
  support,
});

describe('appendTallySample', () => {
  it('starts a history, appends a changed tally and keeps the same array for an unchanged one', () => {
    const first = appendTallySample(null, s(100, 5n));
    expect(first).toEqual([s(100, 5n)]);
    const same = appendTallySample(first, s(110, 5n));
    expect(same).toBe(first);
    const next = appendTallySample(same, s(120, 6n, 1n));
    expect(next).toEqual([s(100, 5n), s(120, 6n, 1n)]);
    // Only a change in any of the three counts is a change.
    expect(appendTallySample(next, s(130, 6n, 1n, 7n))).toHaveLength(3);
  });

  it('never runs backwards: a sample at or before the newest replaces what lies after it', () => {
    const history = [s(100, 1n), s(200, 2n), s(300, 3n)];
    expect(appendTallySample(history, s(200, 9n))).toEqual([s(100, 1n), s(200, 9n)]);
    expect(appendTallySample(history, s(150, 1n))).toEqual([s(100, 1n)]);
    expect(appendTallySample(history, s(50, 4n))).toEqual([s(50, 4n)]);
  });

  it('stays bounded: past the cap it thins evenly, keeping the first and the newest sample', () => {
    let history: readonly TallySample[] = null as unknown as readonly TallySample[];
    // A change every 5 minutes (50 relay blocks) for 14 days, the densest a run can record.
    const runs = (14 * 14_400) / 50;
    for (let i = 0; i <= runs; i++)
      history = appendTallySample(i === 0 ? null : history, s(1_000 + 50 * i, BigInt(i)));
    expect(history).toHaveLength(TALLY_HISTORY_MAX_SAMPLES);
    expect(history[0]).toEqual(s(1_000, 0n));
    expect(history.at(-1)).toEqual(s(1_000 + 50 * runs, BigInt(runs)));
    const gaps = history.slice(1).map((x, i) => x.block - history[i]!.block);
    const period = 14 * 14_400;
    // Spread over the whole period: no gap more than a few times the even spacing.
    expect(Math.max(...gaps)).toBeLessThanOrEqual((4 * period) / TALLY_HISTORY_MAX_SAMPLES);
    expect(gaps.every((g) => g > 0)).toBe(true);
  });
});

describe('parseTallyHistory', () => {
  it('reads back what tallyHistoryData stores', () => {
    const samples = [s(100, 5n, 2n, 3n), s(120, 6n, 2n, 4n)];
    expect(parseTallyHistory(tallyHistoryData(samples))).toEqual(samples);
  });

  it('refuses anything else, so a bad item restarts the history instead of breaking the run', () => {
    for (const bad of [
      undefined,
      null,
      'x',
      { samples: 'x' },
      { samples: [[1, 2n, 3n]] },
      { samples: [[1, 2, 3n, 4n]] },
      { samples: [[-1, 2n, 3n, 4n]] },
      { samples: [[1, -2n, 3n, 4n]] },
      {
        samples: [
          [5, 1n, 1n, 1n],
          [5, 2n, 1n, 1n],
        ],
      },
    ])
      expect(parseTallyHistory(bad)).toBeNull();
  });
});

describe('chartHistory', () => {
  const ISSUANCE = 1_000n;
  it('starts at the tally deciding started with, ends at now, in days since deciding started', () => {
    const samples = [
      s(1_000, 1n, 1n, 10n),
      s(5_000, 3n, 1n, 20n),
      s(20_000, 9n, 1n, 50n),
      s(30_000, 1n, 0n, 1n),
    ];
    const h = chartHistory({ samples, activeIssuance: ISSUANCE }, 10_000, {
      block: 24_400,
      tally: { ayes: 9n, nays: 1n, support: 60n },
    });
    expect(h!.approval).toEqual([
      { x: 0, y: 0.75 },
      { x: (20_000 - 10_000) / 14_400, y: 0.9 },
      { x: 1, y: 0.9 },
    ]);
    expect(h!.support.map((p) => p.y)).toEqual([0.02, 0.05, 0.06]);
  });

  it('prefers a sample exactly at the start, and draws nothing before deciding started', () => {
    const samples = [s(1_000, 1n), s(10_000, 2n, 2n)];
    const h = chartHistory({ samples, activeIssuance: ISSUANCE }, 10_000, {
      block: 10_000 + 14_400,
      tally: { ayes: 2n, nays: 2n, support: 2n },
    });
    expect(h!.approval).toEqual([
      { x: 0, y: 0.5 },
      { x: 1, y: 0.5 },
    ]);
    expect(
      chartHistory({ samples, activeIssuance: ISSUANCE }, 10_000, { block: 9_000, tally: samples[0]! }),
    ).toBeNull();
  });
});
