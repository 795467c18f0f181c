/**
 * The validator self-stake incentive (staking-async from statemine 2,003,000), as `payout_stakers_by_page`
 * pays it: a validator's share of the era's pot is `Perbill::from_rational(weight, Σ weights)` of the
 * budget (rounded down), and each payout page carries `Perbill::from_rational(page stake, total)` of
 * that (rounded down), where the page stake is the page's nominators plus, on page 0, the validator's
 * own stake. Nothing is paid for a page of a validator without era points (the payout stops there),
 * and nothing when the pot, the weight or the weights' sum is zero. It goes to the validator alone.
 */
import type { Address, EraIncentive } from '../types/staking.js';
import { mulPerbillFloor, perbillFromRational } from './perbill.js';
import type { ValidatorEraFigures } from './slice-types.js';

/** The validator's share of the era's pot. */
export function incentiveOf(era: EraIncentive | undefined, validator: Address): bigint {
  const weight = era?.weights[validator] ?? 0n;
  if (!era || era.budget <= 0n || weight <= 0n || era.totalWeight <= 0n) return 0n;
  return mulPerbillFloor(perbillFromRational(weight, era.totalWeight), era.budget);
}

/** What payout page `page` pays the validator from the incentive pot. */
export function incentivePageReward(figures: ValidatorEraFigures, page: number): bigint {
  const incentive = figures.incentive ?? 0n;
  if (incentive <= 0n || figures.points <= 0) return 0n;
  const pageStake = (figures.pageTotals[page] ?? 0n) + (page === 0 ? figures.own : 0n);
  return mulPerbillFloor(perbillFromRational(pageStake, figures.total), incentive);
}
