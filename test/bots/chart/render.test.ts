import { describe, expect, it } from 'vitest';
import { ChartRenderError } from '../../../bots/chart/errors.js';
import { renderReferendumChart, warmUpChartRenderer } from '../../../bots/chart/render.js';
import { buildChartSvg, CHART_COLOURS, CHART_HEIGHT, CHART_WIDTH } from '../../../bots/chart/svg.js';
import { type ChartData, chartData } from '../../../core/opengov/chart-data.js';
import { evaluateReferendum } from '../../../core/opengov/evaluate.js';
import type { OngoingReferendum } from '../../../core/types/governance.js';
import { kusamaTrack } from '../../fixtures/kusama-tracks.js';
import { countColour, decodePng } from './png.js';

const KSM = 10n ** 12n;
const ISSUANCE = 15_000_000n * KSM;
const NOW = 30_500_000;
const ctx = { relayBlock: NOW, timestampMs: 1_760_000_000_000, activeIssuance: ISSUANCE };
const track = kusamaTrack(32);

function deciding(ayes: bigint, nays: bigint, supportPct: bigint): OngoingReferendum {
  return {
    status: 'ongoing',
    id: 512,
    track: 32,
    origin: 'Origins.SmallSpender',
    proposal: { kind: 'Legacy', hash: '0x00' },
    enactment: { kind: 'After', blocks: 100 },
    submitted: NOW - 50_000,
    submissionDeposit: { who: 'a', amount: KSM },
    decisionDeposit: { who: 'a', amount: KSM },
    deciding: { since: NOW - 40_000, confirming: null },
    tally: { ayes, nays, support: (ISSUANCE * supportPct) / 1000n },
    inQueue: false,
    alarm: null,
  };
}

describe('renderReferendumChart', () => {
  it('warms up on a sample chart without error', async () => {
    await expect(warmUpChartRenderer()).resolves.toBeUndefined();
  });

  it('renders a PNG of the chart size with both curves and the projected crossing', async () => {
    const view = evaluateReferendum(deciding(700_000n * KSM, 200_000n * KSM, 15n), track, ctx);
    const data = chartData(view, track);
    expect(data.crossing).not.toBeNull();
    const png = decodePng(await renderReferendumChart(data));
    expect(png.width).toBe(CHART_WIDTH);
    expect(png.height).toBe(CHART_HEIGHT);
    expect(countColour(png, CHART_COLOURS.approval)).toBeGreaterThan(1_000);
    expect(countColour(png, CHART_COLOURS.support)).toBeGreaterThan(1_000);
    expect(countColour(png, CHART_COLOURS.pass)).toBeGreaterThan(200);
    expect(countColour(png, '#ffffff')).toBeGreaterThan(png.width * png.height * 0.5);
  });

  it('renders the tally history as lines with points in the tally colours, and a zoomed panel with its break', async () => {
    const info = deciding(700_000n * KSM, 200_000n * KSM, 2n);
    const since = info.deciding!.since;
    const samples = Array.from({ length: 12 }, (_, i) => ({
      block: since + i * 3_000,
      ayes: (info.tally.ayes * BigInt(i + 4)) / 16n,
      nays: info.tally.nays,
      support: (info.tally.support * BigInt(i + 4)) / 16n,
    }));
    const base = chartData(evaluateReferendum(info, track, ctx), track);
    const data = chartData(evaluateReferendum(info, track, ctx), track, {
      samples,
      activeIssuance: ISSUANCE,
    });
    expect(data.supportZoom).not.toBeNull();
    const withHistory = decodePng(await renderReferendumChart(data));
    const without = decodePng(await renderReferendumChart(base));
    for (const colour of [CHART_COLOURS.approvalNow, CHART_COLOURS.supportNow])
      expect(countColour(withHistory, colour)).toBeGreaterThan(countColour(without, colour) + 150);
    expect(buildChartSvg(data)).toContain('data-role="axis-break"');
  });

  it('draws no curve without a track, and still renders', async () => {
    const ended = evaluateReferendum(
      { status: 'rejected', id: 9, block: NOW, submissionDeposit: null, decisionDeposit: null },
      undefined,
      ctx,
    );
    const png = decodePng(await renderReferendumChart(chartData(ended, undefined)));
    expect(png.width).toBe(CHART_WIDTH);
    expect(countColour(png, CHART_COLOURS.approval)).toBeLessThan(200);
    expect(countColour(png, CHART_COLOURS.support)).toBeLessThan(200);
  });

  it('escapes text and survives odd numbers in the data', async () => {
    const data: ChartData = {
      ...chartData(evaluateReferendum(deciding(1n, 1n, 1n), track, ctx), track),
      title: 'Referendum <#1> & "friends"',
      supportMax: 0,
      current: { approval: Number.NaN, support: 2 },
    };
    expect(buildChartSvg(data)).toContain('Referendum &lt;#1&gt; &amp; &quot;friends&quot;');
    const png = decodePng(await renderReferendumChart(data));
    expect(png.height).toBe(CHART_HEIGHT);
  });

  it('rejects with a ChartRenderError, not a crash, when the data cannot be drawn', async () => {
    const broken = { approvalCurve: null } as unknown as ChartData;
    await expect(renderReferendumChart(broken)).rejects.toBeInstanceOf(ChartRenderError);
  });
});
