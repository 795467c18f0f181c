/**
 * Approval and support as conviction-voting's `Tally` reports them to the pallet, and how far a
 * tally is from a threshold in votes.
 */
import type { Tally } from '../types/governance.js';
import { PERBILL_ONE, perbillFromRational } from './perbill.js';

const ONE = BigInt(PERBILL_ONE);

/** `Tally::approval`: ayes / (ayes + nays), rounded down; one with no votes at all, as on chain. */
export function approvalOf(tally: Tally): number {
  return perbillFromRational(tally.ayes, tally.ayes + tally.nays);
}

/** `Tally::support`: aye capital / active issuance, rounded down; one when issuance is zero, as on chain. */
export function supportOf(tally: Tally, activeIssuance: bigint): number {
  return perbillFromRational(tally.support, activeIssuance);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/**
 * Extra conviction-weighted aye votes that lift approval to `threshold`, the nays unchanged:
 * the least `a` with floor(1e9 (ayes + a) / (ayes + a + nays)) >= threshold. Null when no amount of
 * ayes can (a 100% threshold with nays present).
 */
export function ayesShortfall(tally: Tally, threshold: number): bigint | null {
  const t = BigInt(threshold);
  if (t <= 0n || tally.nays === 0n) return 0n;
  if (t >= ONE) return null;
  const needed = ceilDiv(t * tally.nays, ONE - t);
  return needed > tally.ayes ? needed - tally.ayes : 0n;
}

/** Extra aye capital (planck) that lifts support to `threshold`: the least s with floor(1e9 s / issuance) >= threshold. */
export function supportShortfall(tally: Tally, activeIssuance: bigint, threshold: number): bigint {
  if (activeIssuance <= 0n) return 0n;
  const needed = ceilDiv(BigInt(threshold) * activeIssuance, ONE);
  return needed > tally.support ? needed - tally.support : 0n;
}
