/** Unclaimed rewards of an era the watched address can claim for only a few more eras. */
import { formatInteger } from '../../format/number.js';
import { unclaimedRewards } from '../../staking/unclaimed.js';
import { addressScope, figuresLookup } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import { ksm, plural, shortAddress } from '../wording.js';

export interface RewardsExpiringFacts {
  kind: 'rewards-expiring';
  address: string;
  era: number;
  erasLeft: number;
  estimate: string;
  pages: number;
}

export const rewardsExpiring: AlertRule<RewardsExpiringFacts, 'account'> = {
  kind: 'rewards-expiring',
  group: 'staking',
  description: 'unclaimed rewards expire soon',
  severity: (f) => (f.erasLeft <= 1 ? 'critical' : 'warning'),
  source: 'account',
  detect({ address, after, ctx, expiringErasLeft }) {
    const unclaimed = unclaimedRewards(after.exposures, ctx, figuresLookup(after));
    const expiring = new Map<number, { erasLeft: number; estimate: bigint; pages: number }>();
    for (const r of unclaimed.rewards) {
      if (r.erasLeft < 0 || r.erasLeft > expiringErasLeft) continue;
      const e = expiring.get(r.era) ?? { erasLeft: r.erasLeft, estimate: 0n, pages: 0 };
      e.estimate += r.estimate;
      e.pages += 1;
      expiring.set(r.era, e);
    }
    return [...expiring].map(([era, e]) => ({
      id: addressAlertId('expiring', address, era),
      scope: addressScope(address),
      facts: {
        kind: 'rewards-expiring',
        address,
        era,
        erasLeft: e.erasLeft,
        estimate: e.estimate.toString(),
        pages: e.pages,
      },
    }));
  },
  message: (f) => ({
    title: `Rewards of era ${formatInteger(f.era)} expire in ${plural(f.erasLeft, 'era')}`,
    lines: [`${shortAddress(f.address)}: ${ksm(f.estimate)} unclaimed on ${plural(f.pages, 'page')}`],
  }),
};
