/**
 * A referendum's tally history as chart points: approval and support (fractions of one) against
 * days since deciding started, from the samples the snapshot kept. The tally at the start of
 * deciding is the newest sample before it; the line ends at now with the tally now.
 */
import { RELAY_BLOCKS_PER_DAY } from '../kusama/constants.js';
import type { Tally } from '../types/governance.js';
import { PERBILL_ONE } from './perbill.js';
import { approvalOf, supportOf } from './tally.js';
import type { TallySample } from './tally-history.js';

export interface HistoryPoint {
  /** Days since deciding started. */
  x: number;
  /** Approval or support, as a fraction of one. */
  y: number;
}

export interface ChartHistory {
  approval: HistoryPoint[];
  support: HistoryPoint[];
}

/** What the chart needs to draw a history: the samples and the issuance support is a share of. */
export interface TallyHistoryInput {
  samples: readonly TallySample[];
  activeIssuance: bigint;
}

/**
 * The points between `origin` (the relay block deciding started at) and `now`; null when there is
 * nothing to draw (no deciding start, or now before it).
 */
export function chartHistory(
  input: TallyHistoryInput,
  origin: number,
  now: { block: number; tally: Tally },
): ChartHistory | null {
  if (now.block < origin) return null;
  const inside = input.samples.filter((s) => s.block >= origin && s.block < now.block);
  const before = input.samples.filter((s) => s.block < origin).at(-1);
  const start = !before || inside[0]?.block === origin ? [] : [{ ...before, block: origin }];
  const samples: TallySample[] = [...start, ...inside, { block: now.block, ...now.tally }];
  const x = (block: number) => (block - origin) / RELAY_BLOCKS_PER_DAY;
  return {
    approval: samples.map((s) => ({ x: x(s.block), y: approvalOf(s) / PERBILL_ONE })),
    support: samples.map((s) => ({ x: x(s.block), y: supportOf(s, input.activeIssuance) / PERBILL_ONE })),
  };
}
