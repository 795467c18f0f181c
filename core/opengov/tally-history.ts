/**
 * A referendum's tally over time, kept by the snapshot: one sample whenever the tally changed,
 * oldest first, at most `TALLY_HISTORY_MAX_SAMPLES`. Store versions expire within days while a
 * decision period lasts up to 14, so the history cannot be read back from old versions; each run
 * appends to the one the previous run kept. When the list is full the interior sample whose
 * neighbours lie closest together in time goes, so the samples thin out evenly and the first and
 * the newest always stay.
 */
import type { Tally } from '../types/governance.js';

/** The tally as the snapshot at `block` (a relay block) read it. */
export interface TallySample extends Tally {
  block: number;
}

/** Enough for a sample every 90 minutes over a 14-day decision period; about 12 KB of JSON when full. */
export const TALLY_HISTORY_MAX_SAMPLES = 240;

function sameTally(a: Tally, b: Tally): boolean {
  return a.ayes === b.ayes && a.nays === b.nays && a.support === b.support;
}

/** Drop interior samples, the one with the closest neighbours first, until `max` are left. */
function thin(samples: TallySample[], max: number): TallySample[] {
  const out = [...samples];
  while (out.length > Math.max(max, 2)) {
    let drop = 1;
    let span = Number.POSITIVE_INFINITY;
    for (let i = 1; i < out.length - 1; i++) {
      const gap = out[i + 1]!.block - out[i - 1]!.block;
      if (gap < span) {
        span = gap;
        drop = i;
      }
    }
    out.splice(drop, 1);
  }
  return out;
}

/**
 * The history after a snapshot read `sample`: unchanged (the same array) when the tally is the
 * same as the newest sample's; samples at or after `sample.block` are replaced (a run that read an
 * older block, or another chain, never leaves a history running backwards).
 */
export function appendTallySample(
  history: readonly TallySample[] | null,
  sample: TallySample,
  max = TALLY_HISTORY_MAX_SAMPLES,
): readonly TallySample[] {
  const earlier = (history ?? []).filter((s) => s.block < sample.block);
  const last = earlier.at(-1);
  if (history && last && earlier.length === history.length && sameTally(last, sample)) return history;
  if (last && sameTally(last, sample)) return earlier;
  return thin([...earlier, sample], max);
}

function isCount(value: unknown): value is bigint {
  return typeof value === 'bigint' && value >= 0n;
}

/** A stored history read back, or null when it is not one (then the history starts again). */
export function parseTallyHistory(data: unknown): TallySample[] | null {
  const samples = (data as { samples?: unknown } | null)?.samples;
  if (!Array.isArray(samples)) return null;
  const out: TallySample[] = [];
  for (const row of samples) {
    if (!Array.isArray(row) || row.length !== 4) return null;
    const [block, ayes, nays, support] = row as unknown[];
    if (!Number.isSafeInteger(block) || (block as number) < 0) return null;
    if (!isCount(ayes) || !isCount(nays) || !isCount(support)) return null;
    if (out.length > 0 && out.at(-1)!.block >= (block as number)) return null;
    out.push({ block: block as number, ayes, nays, support });
  }
  return out;
}

/** The stored form: `[block, ayes, nays, support]` rows, oldest first. */
export interface TallyHistoryData {
  samples: Array<[number, bigint, bigint, bigint]>;
}

export function tallyHistoryData(samples: readonly TallySample[]): TallyHistoryData {
  return { samples: samples.map((s) => [s.block, s.ayes, s.nays, s.support]) };
}
