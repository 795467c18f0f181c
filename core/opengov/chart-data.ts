/**
 * The data behind a referendum chart: both threshold curves over the decision period, sampled
 * with the pallet's own arithmetic, the current tally, today's position and the projected crossing.
 * Rendering lives in bots/chart; this stays pure.
 */

import { formatInteger } from '../format/number.js';
import { RELAY_BLOCKS_PER_DAY } from '../kusama/constants.js';
import type { Curve, TrackInfo } from '../types/governance.js';
import { type ChartHistory, chartHistory, type TallyHistoryInput } from './chart-history.js';
import { curveThreshold } from './curve.js';
import { decisionProgress } from './decision.js';
import { formatPerbill } from './duration.js';
import { PERBILL_ONE } from './perbill.js';
import { capitalised, phaseWord, verdictWord } from './status-words.js';
import type { BlockTime } from './time.js';
import { trackDisplayName, trackName } from './tracks.js';
import type { OngoingView, ReferendumView } from './view.js';

/** x in days into the decision period, y as a fraction of one. */
export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartMark {
  days: number;
  label: string;
}

export interface ChartData {
  title: string;
  subtitle: string;
  periodDays: number;
  approvalCurve: ChartPoint[];
  supportCurve: ChartPoint[];
  /** Top of the support panel's y axis (fraction): at or above the whole curve and every value drawn. */
  supportMax: number;
  /**
   * Where the support panel's scale breaks, or null for one linear scale: below it the scale is
   * stretched (small supports readable), above it compressed up to `supportMax`, with a marker.
   */
  supportZoom: number | null;
  /** The tally now, as fractions; null when there is none to show. */
  current: { approval: number; support: number } | null;
  /** The tally since deciding started (one point a change, the last at now); null when there is none. */
  history: ChartHistory | null;
  now: ChartMark | null;
  /** First block at which the current tally passes both curves. */
  crossing: ChartMark | null;
  /** Earliest approval (confirmation end) if the tally holds; may lie past the period's end. */
  approval: ChartMark | null;
  passing: boolean | null;
  footer: string;
}

const SAMPLES = 120;

/** Elapsed-block sample points: an even grid plus a quadratic one that is dense near the start. */
function sampleBlocks(period: number): number[] {
  const set = new Set<number>();
  for (let i = 0; i <= SAMPLES; i++) {
    set.add(Math.round((period * i) / SAMPLES));
    set.add(Math.round((period * i * i) / (SAMPLES * SAMPLES)));
  }
  return [...set].sort((a, b) => a - b);
}

function sampleCurve(curve: Curve, period: number, blocks: number[]): ChartPoint[] {
  return blocks.map((e) => ({
    x: e / RELAY_BLOCKS_PER_DAY,
    y: curveThreshold(curve, decisionProgress(e, period)) / PERBILL_ONE,
  }));
}

function niceCeil(value: number): number {
  const steps = [0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1];
  // A reciprocal curve ends a few Perbill parts above its round start (0.500000026): that is 50%.
  return steps.find((s) => s >= value * (1 - 1e-6)) ?? 1;
}

export function formatUtc(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown time';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Where day 0 of the chart falls: deciding's start, or the start a preparing referendum is waiting for. */
function decisionOrigin(view: OngoingView): number | null {
  if (view.keyBlocks.decisionStart) return view.keyBlocks.decisionStart.block;
  return view.phase === 'preparing' && view.next?.event === 'decisionStart' ? view.next.at.block : null;
}

function mark(time: BlockTime | null, since: number | null, label: string): ChartMark | null {
  if (!time || since === null) return null;
  return { days: (time.block - since) / RELAY_BLOCKS_PER_DAY, label: `${label} ${formatUtc(time.atMs)}` };
}

/** The phase and verdict in the words of the text reply ("Deciding · failing"). */
function statusLine(view: ReferendumView): string {
  const phase = capitalised(phaseWord(view));
  if (view.phase !== 'preparing' && view.phase !== 'deciding' && view.phase !== 'confirming') return phase;
  return `${phase} · ${verdictWord(view.phase === 'preparing' ? null : view.assessment.passing)}`;
}

/** Zoom the support panel when everything but the curve's early part fits in under 60% of it. */
const ZOOM_GAIN = 0.6;

/**
 * The support panel's scale: the top covers the whole curve and every value drawn; below a break
 * the scale is stretched to the current tally, its threshold, the curve's end and the history.
 */
function supportScale(curve: ChartPoint[], focusValues: number[]): { max: number; zoom: number | null } {
  const finite = (v: number) => Number.isFinite(v) && v >= 0;
  const focus = Math.max(0, ...focusValues.filter(finite));
  const top = niceCeil(Math.max(0.01, focus, ...curve.map((p) => p.y).filter(finite)));
  const zoom = niceCeil(Math.max(0.01, focus * 1.6));
  return zoom < top * ZOOM_GAIN ? { max: top, zoom } : { max: top, zoom: null };
}

export function chartData(
  view: ReferendumView,
  track: TrackInfo | undefined,
  tallyHistory: TallyHistoryInput | null = null,
): ChartData {
  const period = track && track.decisionPeriod > 0 ? track.decisionPeriod : 0;
  const blocks = period > 0 ? sampleBlocks(period) : [];
  const approvalCurve = track && period > 0 ? sampleCurve(track.minApproval, period, blocks) : [];
  const supportCurve = track && period > 0 ? sampleCurve(track.minSupport, period, blocks) : [];
  const name = track ? trackDisplayName(trackName(track.name)) : 'Unknown track';
  const ongoing = view.phase === 'preparing' || view.phase === 'deciding' || view.phase === 'confirming';
  const a = ongoing ? view.assessment : null;
  const origin = ongoing ? decisionOrigin(view) : null;
  const deciding = ongoing && view.keyBlocks.decisionStart !== null;
  const history =
    deciding && a && tallyHistory && origin !== null
      ? chartHistory(tallyHistory, origin, { block: view.now.block, tally: a.tally })
      : null;
  const status = a ? ` · approval ${formatPerbill(a.approval)}, support ${formatPerbill(a.support, 3)}` : '';
  const focus = a ? [a.support, a.supportThreshold].map((p) => p / PERBILL_ONE) : [];
  const scale = supportScale(supportCurve, [
    ...focus,
    supportCurve.at(-1)?.y ?? 0,
    ...(history?.support.map((p) => p.y) ?? []),
  ]);
  return {
    title: `Referendum #${view.id ?? '?'} · ${name}`,
    subtitle: `${statusLine(view)}${status}`,
    periodDays: period / RELAY_BLOCKS_PER_DAY,
    approvalCurve,
    supportCurve,
    supportMax: scale.max,
    supportZoom: scale.zoom,
    current: a ? { approval: a.approval / PERBILL_ONE, support: a.support / PERBILL_ONE } : null,
    history,
    now: deciding ? mark(view.now, origin, 'now') : null,
    crossing: ongoing && view.projection ? mark(view.projection.firstPassing, origin, 'passes') : null,
    approval: ongoing && view.projection ? mark(view.projection.approval, origin, 'approval') : null,
    passing: a ? a.passing : null,
    footer: ongoing ? `Relay block #${formatInteger(view.now.block)} · times at 6 s a block` : '',
  };
}
