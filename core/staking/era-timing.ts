/** When eras start and end, from the active era's start and the measured (or nominal) era length. */
import type { ViewContext } from './context.js';

export interface EraEta {
  era: number;
  /** Estimated start of the era, ms since the epoch. */
  atMs: number;
  /** Time from now until then; 0 when the estimate is already past. */
  inMs: number;
  /** The estimate lies in the past: the era is late (eras stretch when the relay is slow to report). */
  overdue: boolean;
  source: 'measured' | 'nominal';
}

export interface EraProgress {
  era: number;
  startMs: number | null;
  elapsedMs: number | null;
  /** Elapsed / era length; may pass 1 when the era runs long. Null before the era has a start. */
  fraction: number | null;
  next: EraEta;
}

function activeStart(ctx: ViewContext): number {
  return ctx.activeEra.startMs ?? ctx.nowMs;
}

/** Estimated start of a future era (for a past or the active era, its known or estimated start). */
export function eraStartEta(ctx: ViewContext, era: number): EraEta {
  const atMs = activeStart(ctx) + (era - ctx.activeEra.index) * ctx.timing.eraLengthMs;
  const diff = atMs - ctx.nowMs;
  return {
    era,
    atMs,
    inMs: Math.max(0, diff),
    overdue: era > ctx.activeEra.index && diff < 0,
    source: ctx.timing.source,
  };
}

export function eraProgress(ctx: ViewContext): EraProgress {
  const startMs = ctx.activeEra.startMs;
  const elapsedMs = startMs === null ? null : Math.max(0, ctx.nowMs - startMs);
  return {
    era: ctx.activeEra.index,
    startMs,
    elapsedMs,
    fraction: elapsedMs === null ? null : elapsedMs / ctx.timing.eraLengthMs,
    next: eraStartEta(ctx, ctx.activeEra.index + 1),
  };
}

/** Year length used to annualise: 365.25 days. With 6 h eras this gives 1,461 eras a year. */
export const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

export function erasPerYear(ctx: ViewContext): number {
  return YEAR_MS / ctx.timing.eraLengthMs;
}
