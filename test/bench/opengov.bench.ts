/**
 * OpenGov engine benchmark: evaluating 1,000 referenda (target 10 ms or less) and rendering a
 * chart PNG (target 300 ms or less). Each figure is printed next to a baseline measured in the
 * same run: for evaluation, the same referenda with the first passing block found by plain
 * bisection instead of from the pallet's delay estimate; for the chart, building the SVG alone.
 * Nothing here fails on a slow machine; it reports.
 */
import '../../dev/node-support.js';
import { performance } from 'node:perf_hooks';
import { chartFonts } from '../../bots/chart/assets.js';
import { renderReferendumChart, warmUpChartRenderer } from '../../bots/chart/render.js';
import { buildChartSvg } from '../../bots/chart/svg.js';
import { chartData } from '../../core/opengov/chart-data.js';
import { curvePassing } from '../../core/opengov/curve.js';
import { decisionProgress } from '../../core/opengov/decision.js';
import { evaluateReferendum } from '../../core/opengov/evaluate.js';
import { approvalOf, supportOf } from '../../core/opengov/tally.js';
import type { Curve, OngoingReferendum, TrackInfo } from '../../core/types/governance.js';
import { KUSAMA_TRACKS } from '../fixtures/kusama-tracks.js';

const KSM = 10n ** 12n;
const ISSUANCE = 15_000_000n * KSM;
const NOW = 30_500_000;
const CTX = { relayBlock: NOW, timestampMs: 1_760_000_000_000, activeIssuance: ISSUANCE, decidingCount: 3 };

/** A deterministic pseudo-random sequence, so every run measures the same referenda. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeReferenda(n: number): Array<{ ref: OngoingReferendum; track: TrackInfo }> {
  const rand = rng(42);
  const out: Array<{ ref: OngoingReferendum; track: TrackInfo }> = [];
  for (let i = 0; i < n; i++) {
    const track = KUSAMA_TRACKS[i % KUSAMA_TRACKS.length]!;
    const since = NOW - Math.floor(rand() * track.decisionPeriod);
    const phase = rand();
    const deposit = { who: 'x', amount: KSM };
    const ayes = BigInt(Math.floor(rand() * 1e6)) * KSM;
    const ref: OngoingReferendum = {
      status: 'ongoing',
      id: i,
      track: track.id,
      origin: 'Origins.SmallSpender',
      proposal: { kind: 'Legacy', hash: '0x00' },
      enactment: { kind: 'After', blocks: 100 },
      submitted: since - track.preparePeriod,
      submissionDeposit: deposit,
      decisionDeposit: phase < 0.05 ? null : deposit,
      deciding: phase < 0.1 ? null : { since, confirming: phase > 0.9 ? NOW + 100 : null },
      tally: {
        ayes,
        nays: BigInt(Math.floor(rand() * 1e6)) * KSM,
        support: (ayes * BigInt(Math.floor(rand() * 100))) / 100n,
      },
      inQueue: false,
      alarm: null,
    };
    out.push({ ref, track });
  }
  return out;
}

function bisectFirst(curve: Curve, y: number, period: number): number | null {
  const passes = (e: number) => curvePassing(curve, decisionProgress(e, period), y);
  if (!passes(period)) return null;
  let lo = -1;
  let hi = period;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (passes(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(runs: number, fn: () => void): number {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const referenda = makeReferenda(1_000);
  let sink = 0;
  const engine = time(30, () => {
    for (const { ref, track } of referenda) sink += evaluateReferendum(ref, track, CTX).phase.length;
  });
  const baseline = time(30, () => {
    for (const { ref, track } of referenda) {
      const a = approvalOf(ref.tally);
      const s = supportOf(ref.tally, ISSUANCE);
      sink +=
        (bisectFirst(track.minApproval, a, track.decisionPeriod) ?? 0) +
        (bisectFirst(track.minSupport, s, track.decisionPeriod) ?? 0);
    }
  });
  console.log(`evaluate 1,000 referenda: ${engine.toFixed(2)} ms median of 30 (target <= 10 ms)`);
  console.log(
    `  baseline, first passing blocks alone by bisection: ${baseline.toFixed(2)} ms (${(baseline / engine).toFixed(2)}x the full evaluation)`,
  );

  const { ref, track } = referenda.find((r) => r.ref.deciding && r.ref.deciding.confirming === null)!;
  const data = chartData(evaluateReferendum(ref, track, CTX), track);
  const t0 = performance.now();
  await chartFonts();
  const t1 = performance.now();
  await warmUpChartRenderer();
  const t2 = performance.now();
  await renderReferendumChart(data);
  const t3 = performance.now();
  const svgOnly = time(10, () => {
    sink += buildChartSvg(data).length;
  });
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    sink += (await renderReferendumChart(data)).length;
    samples.push(performance.now() - t);
  }
  console.log(`render chart PNG: ${median(samples).toFixed(1)} ms median of 10 (target <= 300 ms)`);
  console.log(
    `  cold start: wasm and fonts ${(t1 - t0).toFixed(1)} ms, warm-up render ${(t2 - t1).toFixed(1)} ms, then the first chart ${(t3 - t2).toFixed(1)} ms`,
  );
  console.log(`  baseline, building the SVG alone: ${svgOnly.toFixed(2)} ms`);
  if (sink === -1) console.log('unreachable');
}

await main();
