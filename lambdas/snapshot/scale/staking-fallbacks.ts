/**
 * The values of `staking-codecs.ts` read from the metadata codec's JSON by field name instead: what
 * the snapshot decodes with when a runtime changed one of those layouts (an appended field, say)
 * but still has every field Herald needs.
 */
import type {
  ExposureOverview,
  IndividualExposure,
  Nominations,
  PoolMember,
  RewardDestination,
  StakingLedger,
  ValidatorPrefs,
} from '../../../core/types/staking.js';
import type { Fallback } from '../guard/item.js';
import { account, big, bool, entries, field, list, num, variantOf } from '../guard/json.js';

export const exposurePageFallback: Fallback<[], { pageTotal: bigint; others: IndividualExposure[] }> = {
  needs: ['page_total', 'others'],
  decode: (j) => ({
    pageTotal: big(field(j, 'page_total')),
    others: list(field(j, 'others')).map((x) => ({
      who: account(field(x, 'who')),
      value: big(field(x, 'value')),
    })),
  }),
};

export const overviewFallback: Fallback<[string], ExposureOverview> = {
  needs: ['total', 'own', 'nominator_count', 'page_count'],
  decode: (j, validator) => ({
    validator,
    total: big(field(j, 'total')),
    own: big(field(j, 'own')),
    nominatorCount: num(field(j, 'nominator_count')),
    pageCount: num(field(j, 'page_count')),
  }),
};

export const ledgerFallback: Fallback<[string], StakingLedger> = {
  needs: ['stash', 'total', 'active', 'unlocking'],
  decode: (j, controller) => ({
    stash: account(field(j, 'stash')),
    controller,
    total: big(field(j, 'total')),
    active: big(field(j, 'active')),
    unlocking: list(field(j, 'unlocking')).map((c) => ({
      value: big(field(c, 'value')),
      era: num(field(c, 'era')),
    })),
  }),
};

export const nominationsFallback: Fallback<[string], Nominations> = {
  needs: ['targets', 'submitted_in', 'suppressed'],
  decode: (j, stash) => ({
    stash,
    targets: list(field(j, 'targets')).map(account),
    submittedIn: num(field(j, 'submitted_in')),
    suppressed: bool(field(j, 'suppressed')),
  }),
};

export const prefsFallback: Fallback<[string], ValidatorPrefs> = {
  needs: ['commission', 'blocked'],
  decode: (j, stash) => ({
    stash,
    commission: num(field(j, 'commission')),
    blocked: bool(field(j, 'blocked')),
  }),
};

const PAYEES = ['Staked', 'Stash', 'Controller', 'Account', 'None'] as const;

export const payeeFallback: Fallback<[string], [string, RewardDestination]> = {
  needs: PAYEES,
  decode: (j, stash) => {
    const [kind, body] = variantOf(j, PAYEES) as [(typeof PAYEES)[number], unknown];
    return [stash, kind === 'Account' ? { kind, account: account(body) } : { kind }];
  },
};

export const rewardPointsFallback: Fallback<[], { total: number; individual: Record<string, number> }> = {
  needs: ['total', 'individual'],
  decode: (j) => ({
    total: num(field(j, 'total')),
    individual: Object.fromEntries(entries(field(j, 'individual')).map(([who, p]) => [account(who), num(p)])),
  }),
};

export const poolMemberFallback: Fallback<[string], PoolMember> = {
  needs: ['pool_id', 'points', 'last_recorded_reward_counter', 'unbonding_eras'],
  decode: (j, who) => ({
    who,
    poolId: num(field(j, 'pool_id')),
    points: big(field(j, 'points')),
    lastRecordedRewardCounter: big(field(j, 'last_recorded_reward_counter')),
    unbondingEras: entries(field(j, 'unbonding_eras')).map(([era, points]) => ({
      era: Number(era),
      points: big(points),
    })),
  }),
};
