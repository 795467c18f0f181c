/**
 * The data behind a referendum chart: both threshold curves over the decision period, sampled
 * with the pallet's own arithmetic, the current tally, today's position and the projected crossing.
 * Rendering lives in bots/chart; this stays pure.
 */
import { RELAY_BLOCKS_PER_DAY } from '../kusama/constants.js';
import type { Curve, TrackInfo } from '../types/governance.js';
import { curveThreshold } from './curve.js';
import { decisionProgress } from './decision.js';
import { formatPerbill } from './duration.js';
import { PERBILL_ONE } from './perbill.js';
import type { BlockTime } from './time.js';
import { trackDisplayName, trackName } from './tracks.js';
import type { OngoingView, PreparingReason, ReferendumView } from './view.js';

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
  /** Top of the support panel's y axis (fraction); the approval panel always spans 0–1. */
  supportMax: number;
  /** The tally now, as fractions; null when there is none to show. */
  current: { approval: number; support: number } | null;
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
  return steps.find((s) => s >= value) ?? 1;
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

const PREPARING_LABELS: Record<PreparingReason, string> = {
  preparePeriod: 'Preparing',
  decisionDeposit: 'Awaiting decision deposit',
  trackQueue: 'Queued for a decision slot',
  decisionSlot: 'Starting decision',
};

function phaseLabel(view: ReferendumView): string {
  switch (view.phase) {
    case 'preparing':
      return PREPARING_LABELS[view.reason];
    case 'deciding':
      return 'Deciding';
    case 'confirming':
      return 'Confirming';
    case 'unavailable':
      return `Unavailable: ${view.message}`;
    case 'timedOut':
      return 'Timed out';
    default:
      return view.phase[0]!.toUpperCase() + view.phase.slice(1);
  }
}

export function chartData(view: ReferendumView, track: TrackInfo | undefined): ChartData {
  const period = track && track.decisionPeriod > 0 ? track.decisionPeriod : 0;
  const blocks = period > 0 ? sampleBlocks(period) : [];
  const approvalCurve = track && period > 0 ? sampleCurve(track.minApproval, period, blocks) : [];
  const supportCurve = track && period > 0 ? sampleCurve(track.minSupport, period, blocks) : [];
  const name = track ? trackDisplayName(trackName(track.name)) : 'Unknown track';
  const ongoing = view.phase === 'preparing' || view.phase === 'deciding' || view.phase === 'confirming';
  const a = ongoing ? view.assessment : null;
  const origin = ongoing ? decisionOrigin(view) : null;
  const status = a ? ` · approval ${formatPerbill(a.approval)}, support ${formatPerbill(a.support, 3)}` : '';
  const verdict = a ? (a.passing ? ' · passing' : ' · not passing') : '';
  const focus =
    a && track ? Math.max(a.support, a.supportThreshold, curveThreshold(track.minSupport, PERBILL_ONE)) : 0;
  return {
    title: `Referendum #${view.id ?? '?'} · ${name}`,
    subtitle: `${phaseLabel(view)}${verdict}${status}`,
    periodDays: period / RELAY_BLOCKS_PER_DAY,
    approvalCurve,
    supportCurve,
    supportMax: niceCeil(Math.min(1, Math.max(0.01, (focus / PERBILL_ONE) * 1.6))),
    current: a ? { approval: a.approval / PERBILL_ONE, support: a.support / PERBILL_ONE } : null,
    now: ongoing && view.keyBlocks.decisionStart ? mark(view.now, origin, 'now') : null,
    crossing: ongoing && view.projection ? mark(view.projection.firstPassing, origin, 'passes') : null,
    approval: ongoing && view.projection ? mark(view.projection.approval, origin, 'approval') : null,
    passing: a ? a.passing : null,
    footer: ongoing ? `Relay block #${view.now.block} · times at 6 s a block` : '',
  };
}
