/**
 * Unclaimed rewards. With D the runtime's Staking.HistoryDepth (84 on Kusama), era e is claimable while
 * `currentEra − D ≤ e ≤ currentEra` and its validator reward is set; a page is unclaimed when it is
 * not in claimedRewards(e, v). It expires when currentEra reaches e + D + 1, so e + D is the last era
 * it can be claimed in, and eras left = e + D − currentEra.
 */
import type { ViewContext } from './context.js';
import { type EraEta, eraStartEta } from './era-timing.js';
import { incentivePageReward } from './incentive.js';
import { claimablePageCount, nominatorReward, validatorPageReward, validatorPayoutParts } from './payout.js';
import type { AccountExposure, ValidatorEraFigures } from './slice-types.js';

export interface UnclaimedReward {
  era: number;
  validator: string;
  page: number;
  /** The validator's own payout for the page (own stake, commission and self-stake incentive). */
  own: boolean;
  estimate: bigint;
  /** The last era (as currentEra) in which the page can still be paid out: e + HistoryDepth. */
  expiresInEra: number;
  erasLeft: number;
  /** When currentEra reaches e + HistoryDepth + 1 and the reward is gone. */
  expiresEta: EraEta;
}

export interface UnclaimedSummary {
  rewards: UnclaimedReward[];
  total: bigint;
  eraCount: number;
  /** The reward that expires first. */
  soonest: UnclaimedReward | null;
  /** Pages holding the account in claimable eras that were already paid out. */
  claimedPages: number;
}

export function claimableRange(ctx: ViewContext): { from: number; to: number } {
  const current = ctx.currentEra ?? ctx.activeEra.index;
  return { from: Math.max(0, current - ctx.constants.historyDepth), to: current };
}

export function expiryOf(
  ctx: ViewContext,
  era: number,
): Pick<UnclaimedReward, 'expiresInEra' | 'erasLeft' | 'expiresEta'> {
  const active = ctx.activeEra.index;
  const current = ctx.currentEra ?? active;
  const offset = Math.max(0, current - active);
  const depth = ctx.constants.historyDepth;
  return {
    expiresInEra: era + depth,
    erasLeft: era + depth - current,
    expiresEta: eraStartEta(ctx, era + depth + 1 - offset),
  };
}

export function unclaimedRewards(
  exposures: readonly AccountExposure[],
  ctx: ViewContext,
  figuresOf: (era: number, validator: string) => ValidatorEraFigures | undefined,
  /** Claimed pages the caller already counted (exposures left out of the slice once fully paid). */
  claimedElsewhere = 0,
): UnclaimedSummary {
  const { from, to } = claimableRange(ctx);
  const rewards: UnclaimedReward[] = [];
  let claimedPages = claimedElsewhere;
  for (const e of exposures) {
    const era = ctx.eraByIndex.get(e.era);
    const figures = figuresOf(e.era, e.validator);
    if (!era || era.validatorReward === null || !figures || e.era < from || e.era > to) continue;
    const parts = validatorPayoutParts(era.validatorReward, era.totalPoints, figures);
    const pages = e.own ? Array.from({ length: claimablePageCount(figures) }, (_, i) => i) : [e.page];
    for (const page of pages) {
      if (figures.claimed.includes(page)) {
        claimedPages += 1;
        continue;
      }
      const estimate = e.own
        ? validatorPageReward(parts, figures, page) + incentivePageReward(figures, page)
        : nominatorReward(parts, figures, e.value);
      rewards.push({
        era: e.era,
        validator: e.validator,
        page,
        own: e.own,
        estimate,
        ...expiryOf(ctx, e.era),
      });
    }
  }
  rewards.sort((a, b) => a.era - b.era || a.validator.localeCompare(b.validator) || a.page - b.page);
  const total = rewards.reduce((sum, r) => sum + r.estimate, 0n);
  return {
    rewards,
    total,
    eraCount: new Set(rewards.map((r) => r.era)).size,
    soonest: rewards[0] ?? null,
    claimedPages,
  };
}
