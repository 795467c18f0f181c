/**
 * The validator self-stake incentive per era (statemine 2,003,000 on): each era's pot
 * (`ErasValidatorIncentiveBudget`, set when the era ends), the sum of the validators' weights
 * (`ErasSumValidatorIncentiveWeight`) and each validator's weight (`ErasValidatorIncentiveWeight`,
 * read only for eras whose pot is not empty). Runtimes without them have no incentive.
 */
import type { EraIncentive } from '../../../core/types/staking.js';
import { decodeMapKey, storagePrefix, twox64ConcatU32 } from '../rpc/keys.js';
import { decodeU128 } from '../scale/staking-codecs.js';
import { ERAS_VALIDATOR_INCENTIVE_BUDGET, ERAS_VALIDATOR_INCENTIVE_WEIGHT } from '../scale/staking-values.js';
import { decodeAll, type ReadContext } from './context.js';

const S = (item: string) => storagePrefix('Staking', item);

export interface IncentiveTotals {
  budgets: Map<number, bigint>;
  sums: Map<number, bigint>;
}

async function perEra(ctx: ReadContext, item: string): Promise<Map<number, bigint>> {
  if (!ctx.has('Staking', item)) return new Map();
  const entries = await ctx.storage.entries(S(item));
  const decoded = decodeAll(ctx, `Staking.${item}`, entries, (k, v) => {
    return [decodeMapKey(k, ERAS_VALIDATOR_INCENTIVE_BUDGET.keys)[0] as number, decodeU128(v, item)] as const;
  });
  return new Map(decoded);
}

export async function readIncentiveTotals(ctx: ReadContext): Promise<IncentiveTotals> {
  const [budgets, sums] = await Promise.all([
    perEra(ctx, 'ErasValidatorIncentiveBudget'),
    perEra(ctx, 'ErasSumValidatorIncentiveWeight'),
  ]);
  return { budgets, sums };
}

/** `{ incentive }` for an era whose pot is not empty, `{}` otherwise: spread into its history. */
export async function readEraIncentive(
  ctx: ReadContext,
  era: number,
  totals: IncentiveTotals,
): Promise<{ incentive?: EraIncentive }> {
  const budget = totals.budgets.get(era) ?? 0n;
  if (budget === 0n || !ctx.has('Staking', 'ErasValidatorIncentiveWeight')) return {};
  const entries = await ctx.storage.entries(S('ErasValidatorIncentiveWeight') + twox64ConcatU32(era));
  const weights = decodeAll(ctx, `Staking.ErasValidatorIncentiveWeight(${era})`, entries, (k, v) => {
    const [, validator] = decodeMapKey(k, ERAS_VALIDATOR_INCENTIVE_WEIGHT.keys);
    return [validator as string, decodeU128(v, 'staking.erasValidatorIncentiveWeight')] as const;
  });
  const incentive: EraIncentive = {
    budget,
    totalWeight: totals.sums.get(era) ?? 0n,
    weights: Object.fromEntries(weights.filter(([, w]) => w > 0n)),
  };
  return { incentive };
}
