/** `/validator`: prefs, stake, nominators, points and unclaimed eras of one validator. */
import type { SelfStakeIncentive } from '../types/chain-constants.js';
import type { Address } from '../types/staking.js';
import { type CommissionIncome, recentPaidEras } from './apy.js';
import type { ViewContext } from './context.js';
import { incentivePageReward } from './incentive.js';
import {
  claimablePageCount,
  exposureRewardSplit,
  validatorPageReward,
  validatorPayoutParts,
} from './payout.js';
import { perbillFromRational } from './perbill.js';
import type { ValidatorSlice } from './slice-types.js';
import { claimableRange, expiryOf, type UnclaimedReward } from './unclaimed.js';
import { UNCLAIMED_WARNING_ERAS, type ValidatorWarning } from './warnings.js';

/** Eras of points history shown besides the active one. */
export const RECENT_POINTS_ERAS = 8;

export interface ValidatorEraPoints {
  era: number;
  points: number;
  /** Share of the era's points, Perbill parts (null when the era total is unknown or zero). */
  shareParts: number | null;
}

export interface ValidatorUnclaimedEra
  extends Pick<UnclaimedReward, 'expiresInEra' | 'erasLeft' | 'expiresEta'> {
  era: number;
  pages: number[];
  pageCount: number;
  /** What the validator itself receives for those pages (own stake, commission, self-stake incentive). */
  estimate: bigint;
}

/** The self-stake incentive the validator's pages pay it in one paid era. */
export interface ValidatorIncentiveEra {
  era: number;
  amount: bigint;
}

export interface ValidatorView {
  address: Address;
  known: boolean;
  candidate: boolean;
  status: 'active' | 'waiting' | 'inactive';
  commission: number | null;
  blocked: boolean | null;
  bond: { total: bigint; active: bigint } | null;
  thisEra: {
    total: bigint;
    own: bigint;
    nominatorCount: number;
    pageCount: number;
    points: number;
    commission: number;
  } | null;
  nominatedBy: number;
  points: { thisEra: number; recent: ValidatorEraPoints[]; recentAverage: number | null };
  /**
   * Its self-stake incentive in the recent paid eras, with the curve governance set; null when it
   * earned none there.
   */
  incentive: {
    recent: ValidatorIncentiveEra[];
    total: bigint;
    curve: SelfStakeIncentive | null;
  } | null;
  unclaimed: { eras: ValidatorUnclaimedEra[]; total: bigint };
  /** Its estimated commission over the recent paid eras of the return figures; null when it had none. */
  commissionIncome: CommissionIncome | null;
  warnings: ValidatorWarning[];
}

/** The incentive paid (or payable) over the recent paid eras of the window. */
function recentIncentive(slice: ValidatorSlice, ctx: ViewContext): ValidatorView['incentive'] {
  const active = ctx.activeEra.index;
  const recent: ValidatorIncentiveEra[] = [];
  for (const f of slice.eras.filter((e) => e.era < active).slice(-RECENT_POINTS_ERAS)) {
    if (ctx.eraByIndex.get(f.era)?.validatorReward == null) continue;
    let amount = 0n;
    for (let p = 0; p < claimablePageCount(f); p += 1) amount += incentivePageReward(f, p);
    if (amount > 0n) recent.push({ era: f.era, amount });
  }
  if (recent.length === 0) return null;
  const total = recent.reduce((sum, e) => sum + e.amount, 0n);
  return { recent, total, curve: ctx.constants.selfStakeIncentive };
}

/** The commission its elected eras brought in over the recent paid eras (those of /stake's APR). */
function recentCommission(slice: ValidatorSlice, ctx: ViewContext): CommissionIncome | null {
  const eras = recentPaidEras(ctx);
  const byEra = new Map(eras.map((e) => [e.era, e]));
  let total = 0n;
  for (const f of slice.eras) {
    const era = byEra.get(f.era);
    if (!era || era.validatorReward === null) continue;
    const own = { era: f.era, validator: f.validator, page: 0, value: f.own, own: true };
    total += exposureRewardSplit(
      { eraReward: era.validatorReward, totalPoints: era.totalPoints, figures: f },
      own,
    ).commission;
  }
  return total > 0n ? { total, erasUsed: eras.length } : null;
}

export function validatorView(slice: ValidatorSlice, ctx: ViewContext): ValidatorView {
  const active = ctx.activeEra.index;
  const current = slice.eras.find((e) => e.era === active) ?? null;
  const candidate = slice.prefs !== null;
  const status: ValidatorView['status'] = current ? 'active' : candidate ? 'waiting' : 'inactive';

  const recent: ValidatorEraPoints[] = slice.eras
    .filter((e) => e.era < active)
    .slice(-RECENT_POINTS_ERAS)
    .map((e) => {
      const total = ctx.eraByIndex.get(e.era)?.totalPoints ?? 0;
      return {
        era: e.era,
        points: e.points,
        shareParts: total > 0 ? Number(perbillFromRational(BigInt(e.points), BigInt(total))) : null,
      };
    });
  const recentAverage = recent.length ? recent.reduce((s, r) => s + r.points, 0) / recent.length : null;

  const { from, to } = claimableRange(ctx);
  const eras: ValidatorUnclaimedEra[] = [];
  for (const f of slice.eras) {
    const era = ctx.eraByIndex.get(f.era);
    if (!era || era.validatorReward === null || f.era < from || f.era > to) continue;
    const pageCount = claimablePageCount(f);
    const pages = Array.from({ length: pageCount }, (_, i) => i).filter((p) => !f.claimed.includes(p));
    if (pages.length === 0) continue;
    const parts = validatorPayoutParts(era.validatorReward, era.totalPoints, f);
    const estimate = pages.reduce(
      (sum, p) => sum + validatorPageReward(parts, f, p) + incentivePageReward(f, p),
      0n,
    );
    eras.push({ era: f.era, pages, pageCount, estimate, ...expiryOf(ctx, f.era) });
  }

  const warnings: ValidatorWarning[] = [];
  const known = candidate || slice.eras.length > 0 || slice.ledger !== null;
  if (!known) warnings.push({ code: 'unknown-validator', historyDepth: ctx.constants.historyDepth });
  else if (!candidate) warnings.push(current ? { code: 'chilled-but-elected' } : { code: 'not-a-candidate' });
  if (slice.prefs?.blocked) warnings.push({ code: 'blocked' });
  const soonest = eras[0];
  if (soonest && soonest.erasLeft <= UNCLAIMED_WARNING_ERAS) {
    warnings.push({ code: 'unclaimed-expiring', era: soonest.era, erasLeft: soonest.erasLeft });
  }

  return {
    address: slice.address,
    known,
    candidate,
    status,
    commission: slice.prefs?.commission ?? null,
    blocked: slice.prefs?.blocked ?? null,
    bond: slice.ledger ? { total: slice.ledger.total, active: slice.ledger.active } : null,
    thisEra: current
      ? {
          total: current.total,
          own: current.own,
          nominatorCount: current.nominatorCount,
          pageCount: current.pageCount,
          points: current.points,
          commission: current.commission,
        }
      : null,
    nominatedBy: slice.nominatedBy,
    points: { thisEra: current?.points ?? 0, recent, recentAverage },
    incentive: recentIncentive(slice, ctx),
    unclaimed: { eras, total: eras.reduce((sum, e) => sum + e.estimate, 0n) },
    commissionIncome: recentCommission(slice, ctx),
    warnings,
  };
}
