/**
 * The treasury's spend period as `pallet_treasury` (crate 47) runs it on Kusama Asset Hub, in
 * relay blocks: `on_initialize` reads `LastSpendPeriod` (or, when unset, the last multiple of
 * `SpendPeriod` strictly before now), and once `now - last >= SpendPeriod` it runs `spend_funds`
 * and moves `LastSpendPeriod` to `now` less the blocks past the period boundary. `spend_funds` takes
 * the pot (free balance less the existential deposit), pays the approved legacy proposals in
 * `Approvals` order while the budget covers each, then the `SpendFunds` hook (the bounties waiting
 * in `BountyApprovals`, in order), and burns `Burn` of what is left only if nothing waiting was
 * left unfunded.
 */
import type { TreasuryProposal } from '../types/treasury.js';

export const PERMILL = 1_000_000n;

/** The `LastSpendPeriod` the pallet assumes when none is stored (`update_last_spend_period`). */
export function assumedLastSpendPeriod(relayBlock: number, spendPeriod: number): number {
  const period = Math.max(1, spendPeriod);
  const since = relayBlock % period;
  return Math.max(0, since === 0 ? relayBlock - period : relayBlock - since);
}

export interface NextSpendPeriod {
  /** The relay block at which the next period is due. */
  block: number;
  /** Due at or before `relayBlock` already: the next Asset Hub block runs it. */
  overdue: boolean;
}

/** When the next `spend_funds` runs, from the stored `LastSpendPeriod` and the relay block now. */
export function nextSpendPeriod(
  lastSpendPeriod: number | null,
  spendPeriod: number,
  relayBlock: number,
): NextSpendPeriod {
  const period = Math.max(1, spendPeriod);
  const last = lastSpendPeriod ?? assumedLastSpendPeriod(relayBlock, period);
  const block = last + period;
  return { block, overdue: block <= relayBlock };
}

/** `pallet_treasury::pot`: the free balance less the existential deposit, never below zero. */
export function treasuryPot(free: bigint, existentialDeposit: bigint): bigint {
  return free > existentialDeposit ? free - existentialDeposit : 0n;
}

/**
 * `Permill * value` as `spend_funds` computes the burn (`T::Burn::get() * budget_remaining`): the
 * standard `Mul` of a per-thing rounds to the nearest whole number, and down when exactly halfway
 * (`Rounding::NearestPrefDown`), unlike `mul_floor`.
 */
export function permillOf(permill: number, value: bigint): bigint {
  const product = BigInt(permill) * value;
  const floor = product / PERMILL;
  return (product % PERMILL) * 2n > PERMILL ? floor + 1n : floor;
}

export interface FundingRequest {
  kind: 'proposal' | 'bounty';
  id: number;
  value: bigint;
  beneficiary: string | null;
}

export interface FundingOutcome extends FundingRequest {
  funded: boolean;
}

export interface SpendFundsPlan {
  funding: FundingOutcome[];
  fundedTotal: bigint;
  requestedTotal: bigint;
  /** What is left of the pot after funding. */
  remaining: bigint;
  /** Burnt at the period: `Burn` of what is left, or 0 when anything waiting went unfunded. */
  burn: bigint;
}

/** The approved legacy proposals in `Approvals` order (those whose proposal is still stored). */
export function approvedProposals(
  approvals: readonly number[],
  proposals: readonly TreasuryProposal[],
): FundingRequest[] {
  const byIndex = new Map(proposals.map((p) => [p.index, p]));
  return approvals.flatMap((index) => {
    const p = byIndex.get(index);
    return p ? [{ kind: 'proposal' as const, id: index, value: p.value, beneficiary: p.beneficiary }] : [];
  });
}

/** What `spend_funds` would do with `pot` if it ran with the state as it is now. */
export function planSpendFunds(
  pot: bigint,
  requests: readonly FundingRequest[],
  burnPermill: number,
): SpendFundsPlan {
  let remaining = pot;
  let missed = false;
  let fundedTotal = 0n;
  let requestedTotal = 0n;
  const funding = requests.map((r) => {
    requestedTotal += r.value;
    if (r.value <= remaining) {
      remaining -= r.value;
      fundedTotal += r.value;
      return { ...r, funded: true };
    }
    missed = true;
    return { ...r, funded: false };
  });
  const burn = missed ? 0n : permillOf(burnPermill, remaining);
  return { funding, fundedTotal, requestedTotal, remaining, burn };
}
