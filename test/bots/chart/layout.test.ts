/**
 * The chart's geometry over every Kusama track, many days into the decision period and many
 * tallies, with and without a history: the "now" labels lie in free space (their boxes touch no
 * curve, history line or mark), nothing is clamped to an edge, and a zoomed support panel shows
 * its break.
 */
import { describe, expect, it } from 'vitest';
import { boxInside, type Pt, polylineHitsBox } from '../../../bots/chart/geometry.js';
import { layoutChart } from '../../../bots/chart/layout.js';
import { buildChartSvg } from '../../../bots/chart/svg.js';
import { type ChartData, chartData } from '../../../core/opengov/chart-data.js';
import { evaluateReferendum } from '../../../core/opengov/evaluate.js';
import type { TallySample } from '../../../core/opengov/tally-history.js';
import type { OngoingReferendum } from '../../../core/types/governance.js';
import { KUSAMA_TRACKS } from '../../fixtures/kusama-tracks.js';

const KSM = 10n ** 12n;
const ISSUANCE = 15_000_000n * KSM;
const NOW = 31_562_213;
const ctx = { relayBlock: NOW, timestampMs: Date.UTC(2026, 11, 5, 4), activeIssuance: ISSUANCE };
const DAY = 14_400;

function ongoing(track: number, days: number, approval: number, supportFraction: number): OngoingReferendum {
  const ayes = BigInt(Math.round(approval * 1e6)) * KSM;
  const nays = BigInt(Math.round((1 - approval) * 1e6)) * KSM;
  const since = NOW - Math.round(days * DAY);
  return {
    status: 'ongoing',
    id: 24,
    track,
    origin: 'system.Root',
    proposal: { kind: 'Legacy', hash: '0x00' },
    enactment: { kind: 'After', blocks: 100 },
    submitted: since - 1_200,
    submissionDeposit: { who: 'a', amount: KSM },
    decisionDeposit: { who: 'a', amount: KSM },
    deciding: { since, confirming: null },
    tally: { ayes, nays, support: BigInt(Math.round(supportFraction * 1e9)) * (ISSUANCE / 1_000_000_000n) },
    inQueue: false,
    alarm: null,
  };
}

/** A tally that climbed from a third of today's to today's, one sample every few hours. */
function climb(info: OngoingReferendum): TallySample[] {
  const since = info.deciding!.since;
  const out: TallySample[] = [];
  for (let i = 0; i < 30; i++) {
    const block = since - 600 + Math.round(((NOW - since) * i) / 30);
    const k = BigInt(10 + i);
    out.push({
      block,
      ayes: (info.tally.ayes * k) / 40n,
      nays: info.tally.nays,
      support: (info.tally.support * k) / 40n,
    });
  }
  return out;
}

function cases(): Array<{ name: string; data: ChartData }> {
  const out: Array<{ name: string; data: ChartData }> = [];
  for (const track of KUSAMA_TRACKS) {
    const period = track.decisionPeriod / DAY;
    for (const share of [0.02, 0.4, 0.93]) {
      for (const approval of [0.05, 0.6, 0.97]) {
        for (const support of [0.0004, 0.02, 0.3]) {
          const info = ongoing(track.id, share * period, approval, support);
          const view = evaluateReferendum(info, track, ctx);
          for (const withHistory of [false, true]) {
            const history = withHistory ? { samples: climb(info), activeIssuance: ISSUANCE } : null;
            out.push({
              name: `${track.name} day ${(share * period).toFixed(1)} approval ${approval} support ${support}${withHistory ? ' +history' : ''}`,
              data: chartData(view, track, history),
            });
          }
        }
      }
    }
  }
  return out;
}

const ALL = cases();

describe('chart layout', () => {
  it('covers many charts, most of them with a history and a zoomed support panel', () => {
    expect(ALL.length).toBeGreaterThan(800);
    expect(ALL.filter((c) => c.data.history !== null).length).toBe(ALL.length / 2);
    expect(ALL.filter((c) => c.data.supportZoom !== null).length).toBeGreaterThan(ALL.length / 4);
  });

  it('places every "now" label in free space: inside its panel, touching no curve, history or mark line', () => {
    const struck: string[] = [];
    for (const { name, data } of ALL) {
      const layout = layoutChart(data);
      const marks: Pt[][] = layout.marks.map((m) => [
        { x: m.x, y: layout.panels[0].box.y },
        { x: m.x, y: layout.panels[1].box.y + layout.panels[1].box.height },
      ]);
      for (const panel of layout.panels) {
        const label = panel.label;
        if (!label) {
          struck.push(`${name}: ${panel.id} has no label`);
          continue;
        }
        const lines = [panel.curve, panel.history, ...marks];
        if (
          !boxInside(label.box, panel.box) ||
          !label.clear ||
          lines.some((l) => polylineHitsBox(l, label.box))
        )
          struck.push(`${name}: ${panel.id} label "${label.text}"`);
      }
    }
    expect(struck).toEqual([]);
  });

  it('clamps nothing: every curve and history point is drawn at its own value, inside its panel', () => {
    const clamped: string[] = [];
    for (const { name, data } of ALL) {
      const layout = layoutChart(data);
      const values = [
        [data.approvalCurve, data.history?.approval ?? []],
        [data.supportCurve, data.history?.support ?? []],
      ] as const;
      layout.panels.forEach((panel, i) => {
        const { scale, box } = panel;
        for (const p of [...values[i]![0], ...values[i]![1]]) {
          const y = scale.y(p.y);
          const inside = p.y <= scale.max && y >= box.y - 1e-9 && y <= box.y + box.height + 1e-9;
          // Only the top value sits on the top edge; anything lower is drawn below it.
          if (!inside || (y <= box.y && p.y < scale.max - 1e-9))
            clamped.push(`${name}: ${panel.id} ${p.y} at y ${y}`);
        }
      });
    }
    expect(clamped).toEqual([]);
  });

  it('marks a zoomed support panel with a break inside it, and an unzoomed one without', () => {
    for (const { name, data } of ALL) {
      const support = layoutChart(data).panels[1];
      const svg = buildChartSvg(data);
      if (data.supportZoom === null) {
        expect(support.scale.breakY, name).toBeNull();
        expect(svg, name).not.toContain('data-role="axis-break"');
      } else {
        expect(support.scale.breakY!, name).toBeGreaterThan(support.box.y);
        expect(support.scale.breakY!, name).toBeLessThan(support.box.y + support.box.height);
        expect(svg, name).toContain('data-role="axis-break"');
        expect(svg, name).toContain('Support · scale stretched below the break');
        // The whole curve is drawn: its top value reaches the top of the panel, above the break.
        const top = Math.min(...support.curve.map((p) => p.y));
        expect(top, name).toBeLessThan(support.scale.breakY!);
      }
    }
  });

  it('labels each axis with distinct round ticks, the top of the whole curve among them', () => {
    for (const { name, data } of ALL.filter((_, i) => i % 7 === 0)) {
      for (const panel of layoutChart(data).panels) {
        const labels = panel.scale.ticks.map((t) => t.label);
        expect(new Set(labels).size, name).toBe(labels.length);
        const ys = panel.scale.ticks.map((t) => panel.scale.y(t.value));
        expect(Math.min(...ys) - panel.box.y, name).toBeLessThan(1);
      }
    }
  });

  it('draws the history as a line with a point per sample, ending at the now dot', () => {
    const { data } = ALL.find((c) => c.data.history !== null && c.data.supportZoom !== null)!;
    const layout = layoutChart(data);
    const svg = buildChartSvg(data);
    for (const panel of layout.panels) {
      expect(panel.history.length).toBe(data.history!.approval.length);
      expect(panel.history.at(-1)!.x).toBeCloseTo(panel.nowDot!.x, 6);
      expect(panel.history.at(-1)!.y).toBeCloseTo(panel.nowDot!.y, 6);
    }
    const dots = svg.match(/<circle [^>]*r="2.5"/g) ?? [];
    expect(dots.length).toBe(2 * data.history!.approval.length);
  });
});
