/** The view context: the era slice plus the clock, with era lengths measured where the data allows. */
import { KUSAMA_STAKING, RELAY_BLOCK_MS, RELAY_SESSION_BLOCKS } from '../kusama/constants.js';
import type { StakingConstants } from '../types/chain-constants.js';
import type { ActiveEra } from '../types/staking.js';
import type { EraFigures, EraSlice, EraStart } from './slice-types.js';

/** Recent paid eras the APY figures average over (7 days of 6 h eras). */
export const DEFAULT_APY_ERAS = 28;
/** Era-length samples kept and used for the median. */
export const MAX_ERA_LENGTH_SAMPLES = 28;

export interface EraTiming {
  eraLengthMs: number;
  /** 'measured': median of known era starts; 'nominal': the design length (SessionsPerEra sessions). */
  source: 'measured' | 'nominal';
  samples: number;
}

export interface ViewContext {
  nowMs: number;
  /** The runtime's staking rules the snapshot was read with. */
  constants: StakingConstants;
  relayBlock: number;
  activeEra: ActiveEra;
  currentEra: number | null;
  offenceQueueEarliestEra: number | null;
  /** The era whose unapplied slashes make the chain refuse every withdrawal now, or null. */
  withdrawalsRefusedBySlashEra: number | null;
  minNominatorBond: bigint;
  minimumActiveStake: bigint;
  timing: EraTiming;
  eras: EraFigures[];
  eraByIndex: Map<number, EraFigures>;
  apyEras: number;
}

export interface ContextOptions {
  /** Overrides the snapshot timestamp as "now". */
  nowMs?: number;
  apyEras?: number;
}

/** An era's design length: SessionsPerEra relay sessions of an hour (6 h on Kusama). */
export function nominalEraMs(constants: Pick<StakingConstants, 'sessionsPerEra'>): number {
  return constants.sessionsPerEra * RELAY_SESSION_BLOCKS * RELAY_BLOCK_MS;
}

/** Median length per era over consecutive known era starts; the nominal length when there is no sample. */
export function measureEraLength(
  starts: readonly EraStart[],
  nominalMs = nominalEraMs(KUSAMA_STAKING),
): EraTiming {
  const sorted = [...starts]
    .filter((s) => Number.isFinite(s.startMs) && Number.isInteger(s.era))
    .sort((a, b) => a.era - b.era);
  const lengths: number[] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    const eras = next.era - prev.era;
    const span = next.startMs - prev.startMs;
    if (eras > 0 && span > 0) lengths.push(span / eras);
  }
  const recent = lengths.slice(-MAX_ERA_LENGTH_SAMPLES).sort((a, b) => a - b);
  if (recent.length === 0) return { eraLengthMs: nominalMs, source: 'nominal', samples: 0 };
  const mid = Math.floor(recent.length / 2);
  const median = recent.length % 2 === 1 ? recent[mid]! : (recent[mid - 1]! + recent[mid]!) / 2;
  return { eraLengthMs: Math.round(median), source: 'measured', samples: recent.length };
}

export function buildViewContext(slice: EraSlice, options: ContextOptions = {}): ViewContext {
  const apyEras = Math.max(1, Math.floor(options.apyEras ?? DEFAULT_APY_ERAS));
  const eras = [...slice.eras].sort((a, b) => a.era - b.era);
  // Era slices stored before the chain's constants were read fall back to Kusama's.
  const constants = slice.constants ?? KUSAMA_STAKING;
  return {
    nowMs: options.nowMs ?? slice.anchor.timestampMs,
    constants,
    relayBlock: slice.anchor.relayBlock,
    activeEra: slice.activeEra,
    currentEra: slice.currentEra,
    offenceQueueEarliestEra: slice.offenceQueueEarliestEra,
    withdrawalsRefusedBySlashEra: slice.withdrawalsRefusedBySlashEra ?? null,
    minNominatorBond: slice.minNominatorBond,
    minimumActiveStake: slice.minimumActiveStake,
    timing: measureEraLength(slice.eraStarts, nominalEraMs(constants)),
    eras,
    eraByIndex: new Map(eras.map((e) => [e.era, e])),
    apyEras: Number.isFinite(apyEras) ? apyEras : DEFAULT_APY_ERAS,
  };
}

/** Keeps the newest known era starts of two lists (the store merges the previous era item in). */
export function mergeEraStarts(
  previous: readonly EraStart[],
  next: readonly EraStart[],
  keep = MAX_ERA_LENGTH_SAMPLES + 1,
): EraStart[] {
  const byEra = new Map<number, EraStart>();
  for (const s of [...previous, ...next]) byEra.set(s.era, s);
  return [...byEra.values()].sort((a, b) => a.era - b.era).slice(-Math.max(1, keep));
}
