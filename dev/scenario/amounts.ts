/** Planck helpers and stake-splitting shared by the model builders. */
import { KSM_PLANCK_PER_UNIT } from '../../core/kusama/constants.js';
import type { IndividualExposure } from '../../core/types/index.js';
import { MAX_EXPOSURE_PAGE_SIZE } from './chain-constants.js';
import type { Rng } from './rng.js';

export const KSM = KSM_PLANCK_PER_UNIT;

/** Whole KSM plus a sub-unit remainder, so amounts look like real balances. */
export function ksm(units: number): bigint {
  return BigInt(Math.round(units * 1e6)) * (KSM / 1_000_000n);
}

/** Splits `total` into `parts` positive amounts that sum exactly to `total`. */
export function splitAmount(rng: Rng, total: bigint, parts: number): bigint[] {
  if (parts <= 1) return [total];
  const weights = Array.from({ length: parts }, () => 1 + rng.int(0, 999));
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  const out = weights.map((w) => (total * BigInt(w)) / sum);
  const rest = total - out.reduce((a, b) => a + b, 0n);
  out[0] = out[0]! + rest;
  return out;
}

/** Exposure order: larger stake first, then address, so pages are stable. */
export function compareExposures(a: IndividualExposure, b: IndividualExposure): number {
  if (a.value !== b.value) return a.value > b.value ? -1 : 1;
  return a.who < b.who ? -1 : a.who > b.who ? 1 : 0;
}

export function pageCountFor(nominators: number): number {
  return Math.ceil(nominators / MAX_EXPOSURE_PAGE_SIZE);
}

export function sumValues(items: readonly { value: bigint }[]): bigint {
  let s = 0n;
  for (const i of items) s += i.value;
  return s;
}

export function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
