/**
 * Nomination pool arithmetic exactly as pallet-nomination-pools does it, in bigint: balances are
 * u128 (saturating where the pallet saturates), the reward counter is a FixedU128 (10^18 is one
 * planck per point) and every division rounds down, as `checked_from_rational` and
 * `checked_mul_int` do. Null stands for the pallet's `OverflowRisk` error.
 */
import { PERBILL } from '../kusama/constants.js';
import type { RewardPoolRecord, SubPoolsRecord, UnbondPoolRecord } from '../types/staking.js';
import { mulPerbill } from './perbill.js';

export const U128_MAX = (1n << 128n) - 1n;
/** FixedU128's accuracy: a reward counter of 10^18 is one planck per point. */
export const REWARD_COUNTER_ONE = 10n ** 18n;

const satAdd = (a: bigint, b: bigint): bigint => (a + b > U128_MAX ? U128_MAX : a + b);
const satSub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);
/** `U256ToBalance`: a U256 result that does not fit a u128 saturates. */
const toBalance = (n: bigint): bigint => (n > U128_MAX ? U128_MAX : n);

/** `Pallet::point_to_balance`: points worth of a pool with `balance` over `poolPoints`, rounded down. */
export function pointsToBalance(balance: bigint, poolPoints: bigint, points: bigint): bigint {
  if (balance <= 0n || poolPoints <= 0n || points <= 0n) return 0n;
  return toBalance((balance * points) / poolPoints);
}

/** `Pallet::balance_to_point`: points issued for `funds` (1:1 in an empty pool). */
export function balanceToPoints(balance: bigint, poolPoints: bigint, funds: bigint): bigint {
  if (poolPoints <= 0n) return funds;
  if (balance <= 0n) return toBalance(funds * poolPoints);
  return toBalance((poolPoints * funds) / balance);
}

/** `Commission::current`: the pool's rate, capped at GlobalMaxCommission (none is 0). */
export function effectiveCommission(rate: number | null, globalMax: number | null): bigint {
  const parts = rate === null || rate <= 0 ? 0n : BigInt(Math.min(rate, 1e9));
  const cap = globalMax === null ? PERBILL : BigInt(Math.max(0, Math.min(globalMax, 1e9)));
  return parts < cap ? parts : cap;
}

export interface RewardCounterNow {
  /** The pool's reward counter now, FixedU128 inner value. */
  counter: bigint;
  /** Rewards the reward account received since the counter was last recorded. */
  newPayouts: bigint;
  /** The commission's part of `newPayouts` (not yet in `totalCommissionPending`). */
  newCommission: bigint;
}

/**
 * `RewardPool::current_reward_counter`: the payouts the reward account received since the last
 * record (its balance plus everything paid out, less the recorded total), less commission
 * (`Perbill * balance`, rounded to nearest), shared per bonded point. Null when the pool has no
 * points or the counter would overflow.
 */
export function currentRewardCounter(
  reward: RewardPoolRecord,
  rewardBalance: bigint,
  bondedPoints: bigint,
  commission: bigint,
): RewardCounterNow | null {
  const newPayouts = satSub(
    satAdd(satAdd(rewardBalance, reward.totalRewardsClaimed), reward.totalCommissionClaimed),
    reward.lastRecordedTotalPayouts,
  );
  const newCommission = mulPerbill(commission, newPayouts);
  const newRewards = newPayouts - newCommission;
  if (bondedPoints <= 0n) return null;
  const added = (newRewards * REWARD_COUNTER_ONE) / bondedPoints;
  if (added > U128_MAX) return null;
  const counter = reward.lastRecordedRewardCounter + added;
  if (counter > U128_MAX) return null;
  return { counter, newPayouts, newCommission };
}

/** `PoolMember::pending_rewards`: (counter − the member's last recorded counter) × active points. */
export function pendingRewards(counter: bigint, memberCounter: bigint, activePoints: bigint): bigint | null {
  const diff = satSub(counter, memberCounter);
  const out = (diff * activePoints) / REWARD_COUNTER_ONE;
  return out > U128_MAX ? null : out;
}

/**
 * The unbond pool a member's points of `era` are in, as `PoolMember::total_balance` finds it:
 * the era's own pool, or `noEra` once the era was merged into it; null without sub-pools.
 */
export function unbondPoolOf(
  sub: SubPoolsRecord | null,
  era: number,
): { pool: UnbondPoolRecord; merged: boolean } | null {
  if (!sub) return null;
  const own = sub.withEra.find((p) => p.era === era);
  return own ? { pool: own, merged: false } : { pool: sub.noEra, merged: true };
}

export interface AccountBalances {
  free: bigint;
  reserved: bigint;
  frozen: bigint;
  consumers: number;
  providers: number;
}

/**
 * pallet-balances' `reducible_balance(who, Expendable, Polite)`, which the pool reads for its reward
 * account: free less what is frozen beyond the reserve, and less the existential deposit when the
 * account's provider reference cannot go (`can_dec_provider`: no consumers, or another provider).
 */
export function reducibleBalance(a: AccountBalances, existentialDeposit: bigint): bigint {
  let untouchable = satSub(a.frozen, a.reserved);
  const canDecProvider = a.consumers === 0 || a.providers > 1;
  if (a.free > 0n && !canDecProvider && existentialDeposit > untouchable) untouchable = existentialDeposit;
  return satSub(a.free, untouchable);
}
