/**
 * The validator self-stake incentive the scenario seeds where the runtime has it (statemine
 * 2,003,000): a curve, and for every paid era a pot of 5% of the era's validator reward shared by
 * every other elected validator (in address order) by the weight of its own stake on that curve
 * (reward.rs `incentive_weight`: √s up to the optimum, √(T + k²(s − T)) up to the cap, flat above).
 */
import { PERBILL } from '../../core/kusama/constants.js';
import type { SelfStakeIncentive } from '../../core/types/chain-constants.js';
import type { EraHistory, EraIncentive } from '../../core/types/index.js';
import { ksm } from './amounts.js';
import type { StorageContext } from './storage-context.js';
import type { StoragePair } from './types.js';

export const SCENARIO_INCENTIVE: SelfStakeIncentive = {
  optimum: ksm(2_000),
  hardCap: ksm(5_000),
  slopeParts: 500_000_000,
};

export function hasIncentive(ctx: StorageContext): boolean {
  return ctx.has('Staking', 'ErasValidatorIncentiveBudget');
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

export function incentiveWeight(own: bigint, curve: SelfStakeIncentive): bigint {
  if (own <= 0n || (curve.optimum === 0n && curve.hardCap === 0n)) return 0n;
  if (own <= curve.optimum) return isqrt(own);
  const k2 = (BigInt(curve.slopeParts) * BigInt(curve.slopeParts)) / PERBILL;
  const excess = (own <= curve.hardCap ? own : curve.hardCap) - curve.optimum;
  return isqrt(curve.optimum + (excess * k2) / PERBILL);
}

/** The era's incentive, for a paid era. */
export function eraIncentive(h: EraHistory, curve = SCENARIO_INCENTIVE): EraIncentive | undefined {
  if (h.validatorReward === null) return undefined;
  const weights: Record<string, bigint> = {};
  Object.keys(h.overviews)
    .sort()
    .forEach((v, i) => {
      const weight = i % 2 === 0 ? incentiveWeight(h.overviews[v]!.own, curve) : 0n;
      if (weight > 0n) weights[v] = weight;
    });
  const totalWeight = Object.values(weights).reduce((s, w) => s + w, 0n);
  return { budget: h.validatorReward / 20n, totalWeight, weights };
}

export function incentiveConfigPairs(ctx: StorageContext, curve: SelfStakeIncentive): StoragePair[] {
  return [
    ctx.pair('Staking', 'OptimumSelfStake', [], curve.optimum),
    ctx.pair('Staking', 'HardCapSelfStake', [], curve.hardCap),
    ctx.pair('Staking', 'SelfStakeSlopeFactor', [], curve.slopeParts),
  ];
}

/** The pot, the weights' sum and each weight of a history era with an incentive. */
export function eraIncentivePairs(ctx: StorageContext, h: EraHistory, out: StoragePair[]): void {
  if (!h.incentive) return;
  out.push(ctx.pair('Staking', 'ErasValidatorIncentiveBudget', [h.era], h.incentive.budget));
  out.push(ctx.pair('Staking', 'ErasSumValidatorIncentiveWeight', [h.era], h.incentive.totalWeight));
  for (const [v, w] of Object.entries(h.incentive.weights))
    out.push(ctx.pair('Staking', 'ErasValidatorIncentiveWeight', [h.era, v], w));
}

export function eraIncentiveKeys(ctx: StorageContext, h: EraHistory): string[] {
  if (!h.incentive) return [];
  return [
    ctx.key('Staking', 'ErasValidatorIncentiveBudget', h.era),
    ctx.key('Staking', 'ErasSumValidatorIncentiveWeight', h.era),
    ...Object.keys(h.incentive.weights).map((v) =>
      ctx.key('Staking', 'ErasValidatorIncentiveWeight', h.era, v),
    ),
  ];
}
