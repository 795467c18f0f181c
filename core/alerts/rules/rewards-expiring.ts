/** Unclaimed rewards of an era the watched address can claim for only a few more eras. */
import { formatInteger } from '../../format/number.js';
import { unclaimedRewards } from '../../staking/unclaimed.js';
import { accountButtons } from '../alert-links.js';
import { addressScope, figuresLookup } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import { at } from '../spans.js';
import { ksm, plural } from '../wording.js';

export interface RewardsExpiringFacts {
  kind: 'rewards-expiring';
  address: string;
  era: number;
  erasLeft: number;
  estimate: string;
  pages: number;
  /** When the rewards are gone (currentEra passes era + HistoryDepth), estimated; absent on older alerts. */
  expiresAtMs?: number;
  /** The unclaimed pages by validator stash: each is claimed with staking.payoutStakers(stash, era). */
  claims?: Array<{ validator: string; pages: number[] }>;
}

/** At most this many validators are named; the rest are counted. */
const NAMED_VALIDATORS = 4;

function claimLines(f: RewardsExpiringFacts): string[] {
  const claims = f.claims ?? [];
  if (claims.length === 0)
    return [
      "Anyone can claim them with staking.payoutStakers(validator, era) for each of the account's validators.",
    ];
  const era = String(f.era);
  const named = claims
    .slice(0, NAMED_VALIDATORS)
    .map(
      (c) =>
        `staking.payoutStakers(${c.validator}, ${era})${c.pages.length > 1 ? ` × ${c.pages.length} (pages ${c.pages.join(', ')})` : ''}`,
    );
  const rest = claims.length - named.length;
  return [
    'Anyone can claim them, one call per page:',
    ...named,
    ...(rest > 0 ? [`and ${plural(rest, 'more validator')}`] : []),
  ];
}

export const rewardsExpiring: AlertRule<RewardsExpiringFacts, 'account'> = {
  kind: 'rewards-expiring',
  group: 'staking',
  description: 'unclaimed rewards expire soon',
  severity: (f) => (f.erasLeft <= 1 ? 'critical' : 'warning'),
  source: 'account',
  detect({ address, after, ctx, expiringErasLeft }) {
    const unclaimed = unclaimedRewards(after.exposures, ctx, figuresLookup(after));
    const expiring = new Map<
      number,
      { erasLeft: number; estimate: bigint; pages: number; atMs: number; claims: Map<string, number[]> }
    >();
    for (const r of unclaimed.rewards) {
      if (r.erasLeft < 0 || r.erasLeft > expiringErasLeft) continue;
      const e = expiring.get(r.era) ?? {
        erasLeft: r.erasLeft,
        estimate: 0n,
        pages: 0,
        atMs: r.expiresEta.atMs,
        claims: new Map<string, number[]>(),
      };
      e.estimate += r.estimate;
      e.pages += 1;
      e.claims.set(r.validator, [...(e.claims.get(r.validator) ?? []), r.page]);
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
        expiresAtMs: e.atMs,
        claims: [...e.claims].map(([validator, pages]) => ({
          validator,
          pages: [...pages].sort((a, b) => a - b),
        })),
      },
    }));
  },
  message: (f, w) => ({
    title:
      f.expiresAtMs === undefined
        ? `Rewards of era ${formatInteger(f.era)} expire in ${plural(f.erasLeft, 'era')}`
        : [`Rewards of era ${formatInteger(f.era)} expire `, at(f.expiresAtMs)],
    lines: [
      f.expiresAtMs === undefined
        ? `${w.account(f.address)}: ${ksm(f.estimate)} unclaimed on ${plural(f.pages, 'page')}, gone once ${plural(f.erasLeft, 'more era')} ${f.erasLeft === 1 ? 'starts' : 'start'}.`
        : [
            `${w.account(f.address)}: ${ksm(f.estimate)} unclaimed on ${plural(f.pages, 'page')}, gone from `,
            at(f.expiresAtMs),
            ' unless claimed before.',
          ],
      ...claimLines(f),
    ],
    links: [
      ...accountButtons(f.address),
      ...(f.claims ?? []).slice(0, 2).flatMap((c) => accountButtons(c.validator, 'Validator')),
    ],
  }),
};
