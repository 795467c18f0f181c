/** An era's rewards became known: the watched account's estimated share of them. */

import { formatInteger } from '../../format/number.js';
import { PERBILL } from '../../kusama/constants.js';
import type { ViewContext } from '../../staking/context.js';
import { exposureReward } from '../../staking/payout.js';
import { mulPerbill, perbillFromRational } from '../../staking/perbill.js';
import type { AccountStakingSlice, EraSlice } from '../../staking/slice-types.js';
import { accountButtons } from '../alert-links.js';
import { addressScope, figuresLookup } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule, Found } from '../rule-types.js';
import { ksm } from '../wording.js';

export interface EraPaidFacts {
  kind: 'era-paid';
  address: string;
  era: number;
  estimate: string;
}

/** Eras whose validator reward became known between the two era slices. */
function newlyPaidEras(before: EraSlice | undefined, after: EraSlice): number[] {
  if (!before) return [];
  const paidBefore = new Set(before.eras.filter((e) => e.validatorReward !== null).map((e) => e.era));
  return after.eras.filter((e) => e.validatorReward !== null && !paidBefore.has(e.era)).map((e) => e.era);
}

function eraPaidEstimate(slice: AccountStakingSlice, era: number, ctx: ViewContext): bigint | null {
  const figures = ctx.eraByIndex.get(era);
  if (!figures || figures.validatorReward === null) return null;
  const lookup = figuresLookup(slice);
  let sum: bigint | null = null;
  for (const e of slice.exposures) {
    const f = e.era === era ? lookup(era, e.validator) : undefined;
    if (!f) continue;
    sum =
      (sum ?? 0n) +
      exposureReward({ eraReward: figures.validatorReward, totalPoints: figures.totalPoints, figures: f }, e);
  }
  const pool = slice.pool;
  const poolReward = pool?.eraRewards.find((r) => r.era === era);
  if (pool?.pool && poolReward && pool.pool.points > 0n) {
    const rate = BigInt(pool.pool.commission.current?.rate ?? 0);
    const afterCommission =
      poolReward.reward - mulPerbill(rate > PERBILL ? PERBILL : rate, poolReward.reward);
    sum =
      (sum ?? 0n) + mulPerbill(perbillFromRational(pool.member.points, pool.pool.points), afterCommission);
  }
  return sum;
}

export const eraPaid: AlertRule<EraPaidFacts, 'era'> = {
  kind: 'era-paid',
  group: 'staking',
  description: 'an era was paid',
  severity: 'info',
  source: 'era',
  detect({ address, after, ctx, eraBefore, eraAfter }) {
    const found: Array<Found<EraPaidFacts>> = [];
    for (const paid of newlyPaidEras(eraBefore, eraAfter)) {
      const estimate = eraPaidEstimate(after, paid, ctx);
      if (estimate !== null)
        found.push({
          id: addressAlertId('era-paid', address, paid),
          scope: addressScope(address),
          facts: { kind: 'era-paid', address, era: paid, estimate: estimate.toString() },
        });
    }
    return found;
  },
  message: (f, w) => ({
    title: `Era ${formatInteger(f.era)} paid`,
    lines: [
      `${w.account(f.address)} earned about ${ksm(f.estimate)} in era ${formatInteger(f.era)}.`,
      "It arrives when the era's payout is claimed: anyone can call staking.payoutStakers for your validators, and pool members claim from their pool.",
    ],
    links: accountButtons(f.address),
  }),
};
