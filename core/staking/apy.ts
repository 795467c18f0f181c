/**
 * Return estimates over the recent paid eras of the window: a mean per-era return times eras per
 * year, i.e. an APR (simple, not compounded; the type keeps its older name). Floats only here;
 * money stays in bigint.
 */
import { PERBILL } from '../kusama/constants.js';
import type { ViewContext } from './context.js';
import { erasPerYear } from './era-timing.js';
import { ratio } from './perbill.js';
import type { AccountEraReward, EraFigures, PoolMembershipSlice } from './slice-types.js';

export const APY_FORMULAS = {
  network:
    'Network APR = mean over the last N paid eras of erasValidatorReward / erasTotalStake × (1 − points-weighted ' +
    'average commission) × eras per year (365.25 days / era length), not compounded.',
  account:
    'Your APR = your estimated rewards on your stake in the last N paid eras (erasValidatorReward × points_v / ' +
    'points_total × (1 − commission_v) × stake / total_v, plus the self-stake incentive on your own validator) / ' +
    "(N × your active bond) × eras per year. A validator's commission is not a return on its bond: it is shown " +
    'apart as commission income.',
  pool:
    "Pool APR = the pool's estimated rewards in the last N paid eras × (1 − pool commission) / (N × pool bonded " +
    'balance) × eras per year.',
} as const;

export interface ApyEstimate {
  /** Annual yield as a fraction (0.15 = 15%), null when it cannot be estimated. */
  value: number | null;
  erasUsed: number;
  firstEra: number | null;
  lastEra: number | null;
  eraLengthSource: 'measured' | 'nominal';
  formula: keyof typeof APY_FORMULAS;
}

/** The last `ctx.apyEras` eras up to the active one with a reward set and stake behind them. */
export function recentPaidEras(ctx: ViewContext): EraFigures[] {
  const paid = ctx.eras.filter(
    (e) => e.validatorReward !== null && e.totalStake > 0n && e.era <= ctx.activeEra.index,
  );
  return paid.slice(-ctx.apyEras);
}

function estimate(
  ctx: ViewContext,
  eras: EraFigures[],
  formula: ApyEstimate['formula'],
  value: number | null,
): ApyEstimate {
  return {
    value: eras.length === 0 || value === null || !Number.isFinite(value) ? null : value,
    erasUsed: eras.length,
    firstEra: eras[0]?.era ?? null,
    lastEra: eras.at(-1)?.era ?? null,
    eraLengthSource: ctx.timing.source,
    formula,
  };
}

export function networkApy(ctx: ViewContext): ApyEstimate {
  const eras = recentPaidEras(ctx);
  let sum = 0;
  for (const e of eras) {
    const r = ratio(e.validatorReward ?? 0n, e.totalStake) ?? 0;
    sum += r * (1 - e.weightedCommission / Number(PERBILL));
  }
  return estimate(ctx, eras, 'network', eras.length ? (sum / eras.length) * erasPerYear(ctx) : null);
}

/**
 * The return on the account's active bond: its rewards without the commission it earned as a
 * validator. `split` false (rewards stored whole, with commission in them): no figure.
 */
export function accountApy(
  eraRewards: readonly AccountEraReward[],
  activeBond: bigint,
  ctx: ViewContext,
  split = true,
): ApyEstimate {
  const eras = recentPaidEras(ctx);
  const wanted = new Set(eras.map((e) => e.era));
  let rewards = 0n;
  for (const r of eraRewards) if (wanted.has(r.era)) rewards += r.reward - (r.commission ?? 0n);
  const perEra = split ? ratio(rewards, activeBond * BigInt(Math.max(1, eras.length))) : null;
  return estimate(ctx, eras, 'account', perEra === null ? null : perEra * erasPerYear(ctx));
}

export interface CommissionIncome {
  /** Estimated commission over the recent paid eras. */
  total: bigint;
  /** The recent paid eras it is counted over (those of the return figures). */
  erasUsed: number;
}

/** A validator's commission income over the recent paid eras of the return figures. */
export function commissionIncome(
  eraRewards: readonly AccountEraReward[],
  ctx: ViewContext,
): CommissionIncome {
  const eras = recentPaidEras(ctx);
  const wanted = new Set(eras.map((e) => e.era));
  let total = 0n;
  for (const r of eraRewards) if (wanted.has(r.era)) total += r.commission ?? 0n;
  return { total, erasUsed: eras.length };
}

export function poolApy(pool: PoolMembershipSlice, ctx: ViewContext): ApyEstimate {
  const eras = recentPaidEras(ctx);
  const wanted = new Set(eras.map((e) => e.era));
  let rewards = 0n;
  for (const r of pool.eraRewards) if (wanted.has(r.era)) rewards += r.reward;
  const commission = pool.pool?.commission.current?.rate ?? 0;
  const perEra = ratio(rewards, pool.bondedActive * BigInt(Math.max(1, eras.length)));
  const value = perEra === null ? null : perEra * (1 - commission / Number(PERBILL)) * erasPerYear(ctx);
  return estimate(ctx, eras, 'pool', value);
}
