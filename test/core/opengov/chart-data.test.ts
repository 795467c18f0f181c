import { describe, expect, it } from 'vitest';
import { chartData, formatUtc } from '../../../core/opengov/chart-data.js';
import { evaluateReferendum } from '../../../core/opengov/evaluate.js';
import type { TallySample } from '../../../core/opengov/tally-history.js';
import type { OngoingReferendum } from '../../../core/types/governance.js';
import { kusamaTrack } from '../../fixtures/kusama-tracks.js';

const KSM = 10n ** 12n;
const ISSUANCE = 15_000_000n * KSM;
const NOW = 30_500_000;
const TS = Date.UTC(2026, 2, 12, 14, 0);
const ctx = { relayBlock: NOW, timestampMs: TS, activeIssuance: ISSUANCE };
const root = kusamaTrack(0);

function ref(overrides: Partial<OngoingReferendum>): OngoingReferendum {
  return {
    status: 'ongoing',
    id: 77,
    track: 0,
    origin: 'system.Root',
    proposal: { kind: 'Legacy', hash: '0x00' },
    enactment: { kind: 'After', blocks: 0 },
    submitted: NOW - 30_000,
    submissionDeposit: { who: 'a', amount: KSM },
    decisionDeposit: { who: 'a', amount: KSM },
    deciding: { since: NOW - 28_800, confirming: null },
    tally: { ayes: 3n * KSM, nays: KSM, support: ISSUANCE / 5n },
    inQueue: false,
    alarm: null,
    ...overrides,
  };
}

describe('chartData', () => {
  it('samples both curves over the decision period with the pallet arithmetic', () => {
    const data = chartData(evaluateReferendum(ref({}), root, ctx), root);
    expect(data.title).toBe('Referendum #77 · Root');
    expect(data.periodDays).toBe(14);
    expect(data.approvalCurve[0]).toEqual({ x: 0, y: 1 });
    expect(data.approvalCurve.at(-1)).toEqual({ x: 14, y: 0.499999999 });
    expect(data.supportCurve[0]).toEqual({ x: 0, y: 0.5 });
    expect(data.supportCurve.at(-1)).toEqual({ x: 14, y: 0 });
    const xs = data.approvalCurve.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // Dense near the start, where reciprocal curves fall fastest.
    expect(data.approvalCurve.filter((p) => p.x < 1).length).toBeGreaterThan(20);
  });

  it('marks now, the crossing and the approval in days since deciding started, with UTC times', () => {
    const view = evaluateReferendum(ref({}), root, ctx);
    const data = chartData(view, root);
    expect(data.current).toEqual({ approval: 0.75, support: 0.2 });
    expect(data.now).toEqual({ days: 2, label: 'now 2026-03-12 14:00 UTC' });
    if (view.phase !== 'deciding') throw new Error(view.phase);
    const crossing = view.projection!.firstPassing!;
    expect(data.crossing!.days).toBeCloseTo((crossing.block - (NOW - 28_800)) / 14_400, 10);
    expect(data.crossing!.label).toBe(`passes ${formatUtc(crossing.atMs)}`);
    const { approval } = view.projection!;
    expect(data.approval!.days - data.crossing!.days).toBeCloseTo(
      (approval!.block - crossing.block) / 14_400,
      10,
    );
    expect(approval!.block - view.projection!.confirmStart!.block).toBe(root.confirmPeriod);
    expect(data.passing).toBe(false);
    expect(data.supportMax).toBeGreaterThanOrEqual(0.2);
  });

  it('has curves but no marks for ended referenda, and nothing for unknown tracks', () => {
    const ended = evaluateReferendum(
      { status: 'approved', id: 5, block: NOW, submissionDeposit: null, decisionDeposit: null },
      root,
      ctx,
    );
    const data = chartData(ended, root);
    expect(data.subtitle).toBe('Approved');
    expect(data.approvalCurve.length).toBeGreaterThan(100);
    expect(data.now).toBeNull();
    expect(data.current).toBeNull();
    const unknown = chartData(evaluateReferendum(ref({}), undefined, ctx), undefined);
    expect(unknown.approvalCurve).toEqual([]);
    expect(unknown.subtitle).toMatch(/^Unavailable/);
  });

  it('formats times in UTC and tolerates bad ones', () => {
    expect(formatUtc(TS)).toBe('2026-03-12 14:00 UTC');
    expect(formatUtc(Number.NaN)).toBe('unknown time');
  });
});

describe('chartData for a referendum still preparing', () => {
  it('counts days from the start of deciding it is waiting for, and shows no now mark', () => {
    const preparing = ref({
      deciding: null,
      submitted: NOW - 100,
      tally: { ayes: KSM, nays: 0n, support: ISSUANCE },
    });
    const view = evaluateReferendum(preparing, root, ctx);
    const data = chartData(view, root);
    expect(data.now).toBeNull();
    // Passing at x = 0: confirmation starts as deciding starts, approval a confirm period later.
    expect(data.crossing!.days).toBe(0);
    expect(data.approval!.days).toBe(1);
    const noDeposit = chartData(evaluateReferendum({ ...preparing, decisionDeposit: null }, root, ctx), root);
    expect(noDeposit.crossing).toBeNull();
    expect(noDeposit.subtitle).toMatch(/^Waiting for the decision deposit/);
  });
});

describe('chartData: words, numbers and the support scale', () => {
  /** Day 13 of the decision period. */
  const late = { ...ctx, relayBlock: NOW + 11 * 14_400 };

  it('says passing or failing as the text replies do, and groups the relay block by thousands', () => {
    const failing = chartData(evaluateReferendum(ref({}), root, ctx), root);
    expect(failing.subtitle).toBe('Deciding · failing · approval 75%, support 20%');
    expect(failing.footer).toBe('Relay block #30,500,000 · times at 6 s a block');
    const passing = chartData(
      evaluateReferendum(ref({ tally: { ayes: 9n * KSM, nays: KSM, support: ISSUANCE / 2n } }), root, ctx),
      root,
    );
    expect(passing.subtitle).toMatch(/^Deciding · passing · /);
    const preparing = chartData(
      evaluateReferendum(ref({ deciding: null, submitted: NOW - 100 }), root, ctx),
      root,
    );
    expect(preparing.subtitle).toMatch(/^Preparing · not deciding yet · /);
  });

  it('shows the whole support curve, zoomed with a break when the tally is far below its top', () => {
    // Root's support curve starts at 50%; a 0.5% tally on day 13 would be a flat line at the bottom.
    const small = ref({ tally: { ayes: 3n * KSM, nays: KSM, support: ISSUANCE / 200n } });
    const data = chartData(evaluateReferendum(small, root, late), root);
    const curveTop = Math.max(...data.supportCurve.map((p) => p.y));
    expect(curveTop).toBe(0.5);
    expect(data.supportMax).toBeGreaterThanOrEqual(curveTop);
    expect(data.supportZoom).not.toBeNull();
    expect(data.supportZoom!).toBeLessThan(data.supportMax);
    const threshold = data.supportCurve.find((p) => p.x >= 13)!.y;
    expect(data.supportZoom!).toBeGreaterThanOrEqual(Math.max(0.005, threshold));
    // A tally near the top of the curve needs no zoom: one linear scale.
    const big = chartData(evaluateReferendum(ref({}), root, { ...ctx, relayBlock: NOW - 28_000 }), root);
    expect(big.supportZoom).toBeNull();
    expect(big.supportMax).toBeGreaterThanOrEqual(0.5);
  });

  it('draws the history from deciding start to now, and the zoom keeps every history point below the break', () => {
    const since = NOW - 28_800;
    const samples: TallySample[] = [
      { block: since - 500, ayes: KSM, nays: KSM, support: ISSUANCE / 100n },
      { block: since + 7_200, ayes: 2n * KSM, nays: KSM, support: ISSUANCE / 25n },
      { block: since + 14_400, ayes: 3n * KSM, nays: KSM, support: ISSUANCE / 200n },
    ];
    const info = ref({ tally: { ayes: 3n * KSM, nays: KSM, support: ISSUANCE / 200n } });
    const data = chartData(evaluateReferendum(info, root, late), root, { samples, activeIssuance: ISSUANCE });
    expect(data.history!.approval.map((p) => p.x)).toEqual([0, 0.5, 1, 13]);
    expect(data.history!.approval.map((p) => p.y)).toEqual([0.5, 0.666666666, 0.75, 0.75]);
    expect(data.history!.support.map((p) => p.y)).toEqual([0.01, 0.04, 0.005, 0.005]);
    expect(data.supportZoom).not.toBeNull();
    expect(data.supportZoom!).toBeGreaterThanOrEqual(0.04);
    // A referendum still preparing has no history to draw.
    const preparing = evaluateReferendum(ref({ deciding: null, submitted: NOW - 100 }), root, ctx);
    expect(chartData(preparing, root, { samples, activeIssuance: ISSUANCE }).history).toBeNull();
  });
});
