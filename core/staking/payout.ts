/**
 * Reward estimates, following staking-async's `do_payout_stakers_by_page` with Perbill rounding:
 *   validatorTotal = Perbill(points_v / points_total) × erasValidatorReward
 *   commission     = commission_v × validatorTotal;  leftover = validatorTotal − commission
 *   nominator n    = Perbill(stake_n / total_v) × leftover
 *   validator, page p = Perbill(own_p / total_v) × leftover + Perbill(pageStake_p / total_v) × commission,
 * where own_p is the validator's own stake on page 0 and 0 elsewhere, and pageStake_p includes own_p.
 * A validator's page also pays its self-stake incentive (incentive.ts).
 */
import { incentivePageReward } from './incentive.js';
import { commissionParts, mulPerbill, perbillFromRational } from './perbill.js';
import type { AccountExposure, ValidatorEraFigures } from './slice-types.js';

export interface ValidatorPayoutParts {
  total: bigint;
  commission: bigint;
  leftover: bigint;
}

export function validatorPayoutParts(
  eraReward: bigint,
  totalPoints: number,
  figures: ValidatorEraFigures,
): ValidatorPayoutParts {
  if (figures.points <= 0 || totalPoints <= 0 || eraReward <= 0n) {
    return { total: 0n, commission: 0n, leftover: 0n };
  }
  const total = mulPerbill(perbillFromRational(BigInt(figures.points), BigInt(totalPoints)), eraReward);
  const commission = mulPerbill(commissionParts(figures.commission), total);
  return { total, commission, leftover: total - commission };
}

/** A nominator's reward for the page it sits on. */
export function nominatorReward(
  parts: ValidatorPayoutParts,
  figures: ValidatorEraFigures,
  value: bigint,
): bigint {
  return mulPerbill(perbillFromRational(value, figures.total), parts.leftover);
}

/** Pages a validator can be paid for: at least one, so an own-stake-only validator can claim page 0. */
export function claimablePageCount(figures: ValidatorEraFigures): number {
  return Math.max(1, figures.pageCount);
}

/** What the validator itself receives when page `page` is paid out. */
export function validatorPageReward(
  parts: ValidatorPayoutParts,
  figures: ValidatorEraFigures,
  page: number,
): bigint {
  const own = page === 0 ? figures.own : 0n;
  const pageStake = (figures.pageTotals[page] ?? 0n) + own;
  const ownPart = mulPerbill(perbillFromRational(own, figures.total), parts.leftover);
  const commissionPart = mulPerbill(perbillFromRational(pageStake, figures.total), parts.commission);
  return ownPart + commissionPart;
}

export interface ExposureRewardInput {
  eraReward: bigint;
  totalPoints: number;
  figures: ValidatorEraFigures;
}

/** One exposure's estimated reward, split into what its stake earns and the commission it brings in. */
export interface ExposureRewardSplit {
  /**
   * The reward on the stake itself: a nomination's share, or a validator's share on its own stake
   * plus its self-stake incentive.
   */
  stake: bigint;
  /** A validator's commission over every page of its own exposure; 0 for a nomination. */
  commission: bigint;
}

/**
 * Estimated reward of one exposure, split: a nomination earns its share; a validator's own exposure
 * earns its own share and the self-stake incentive on its stake, and the commission over every page.
 */
export function exposureRewardSplit(
  input: ExposureRewardInput,
  exposure: AccountExposure,
): ExposureRewardSplit {
  const parts = validatorPayoutParts(input.eraReward, input.totalPoints, input.figures);
  if (parts.total === 0n) return { stake: 0n, commission: 0n };
  if (!exposure.own) return { stake: nominatorReward(parts, input.figures, exposure.value), commission: 0n };
  const f = input.figures;
  let stake = mulPerbill(perbillFromRational(f.own, f.total), parts.leftover);
  let commission = 0n;
  for (let page = 0; page < claimablePageCount(f); page += 1) {
    const pageStake = (f.pageTotals[page] ?? 0n) + (page === 0 ? f.own : 0n);
    commission += mulPerbill(perbillFromRational(pageStake, f.total), parts.commission);
    stake += incentivePageReward(f, page);
  }
  return { stake, commission };
}

/**
 * Estimated reward of one exposure: a nomination's share, or, for a validator's own exposure,
 * its own share plus the commission and the self-stake incentive over every page.
 */
export function exposureReward(input: ExposureRewardInput, exposure: AccountExposure): bigint {
  const { stake, commission } = exposureRewardSplit(input, exposure);
  return stake + commission;
}
