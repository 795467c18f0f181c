/**
 * Staking alerts for watched addresses, from the account's previous and new slices and the era
 * slices. Changes (a target chilled, blocked, out of the active set, a commission raise, a pool
 * state) need both sides; states (an era paid, a chunk withdrawable, rewards near expiry, no active
 * nomination) are alerted once per era or chunk, and their ids make repeats harmless.
 */

import { PERBILL } from '../kusama/constants.js';
import { buildViewContext, type ViewContext } from '../staking/context.js';
import { exposureReward } from '../staking/payout.js';
import { mulPerbill, perbillFromRational } from '../staking/perbill.js';
import type { AccountStakingSlice, EraSlice, ValidatorEraFigures } from '../staking/slice-types.js';
import { earliestWithdrawalEra } from '../staking/unbonding.js';
import { unclaimedRewards } from '../staking/unclaimed.js';
import type { Alert } from './alert-types.js';
import { type DetectionClock, makeAlert } from './detect-context.js';
import { addressAlertId } from './identity.js';

export interface AccountChange {
  address: string;
  /** Undefined on the first run, or when the account had no staking state before. */
  before: AccountStakingSlice | undefined;
  after: AccountStakingSlice | undefined;
}

export interface StakingInput {
  accounts: readonly AccountChange[];
  eraBefore: EraSlice | undefined;
  eraAfter: EraSlice;
  expiringErasLeft: number;
}

function figuresLookup(slice: AccountStakingSlice) {
  const map = new Map<string, ValidatorEraFigures>();
  for (const f of slice.validatorEras) map.set(`${f.era}:${f.validator}`, f);
  return (era: number, validator: string) => map.get(`${era}:${validator}`);
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

function accountAlerts(
  change: AccountChange,
  input: StakingInput,
  ctx: ViewContext,
  clock: DetectionClock,
): Alert[] {
  const { address, before, after } = change;
  if (!after) return [];
  const scope = { type: 'address', address } as const;
  const era = ctx.activeEra.index;
  const alerts: Alert[] = [];

  for (const paid of newlyPaidEras(input.eraBefore, input.eraAfter)) {
    const estimate = eraPaidEstimate(after, paid, ctx);
    if (estimate !== null)
      alerts.push(
        makeAlert(clock, addressAlertId('era-paid', address, paid), 'info', scope, {
          kind: 'era-paid',
          address,
          era: paid,
          estimate: estimate.toString(),
        }),
      );
  }

  if (before) {
    const old = new Map(before.targets.map((t) => [t.validator, t]));
    for (const t of after.targets) {
      const b = old.get(t.validator);
      if (!b) continue;
      const validator = t.validator;
      if (b.active && !t.active)
        alerts.push(
          makeAlert(clock, addressAlertId('left-active', address, validator, era), 'warning', scope, {
            kind: 'target-left-active',
            address,
            validator,
            era,
          }),
        );
      if (b.prefs && !t.prefs)
        alerts.push(
          makeAlert(clock, addressAlertId('chilled', address, validator, era), 'warning', scope, {
            kind: 'target-chilled',
            address,
            validator,
          }),
        );
      if (b.prefs && t.prefs?.blocked && !b.prefs.blocked)
        alerts.push(
          makeAlert(clock, addressAlertId('blocked', address, validator, era), 'warning', scope, {
            kind: 'target-blocked',
            address,
            validator,
          }),
        );
      if (b.prefs && t.prefs && t.prefs.commission > b.prefs.commission)
        alerts.push(
          makeAlert(
            clock,
            addressAlertId('commission', address, validator, b.prefs.commission, t.prefs.commission),
            'warning',
            scope,
            {
              kind: 'commission-raised',
              address,
              validator,
              from: b.prefs.commission,
              to: t.prefs.commission,
            },
          ),
        );
    }
    const poolBefore = before.pool?.pool?.state ?? null;
    const pool = after.pool?.pool;
    if (pool && pool.state !== 'Open' && pool.state !== poolBefore)
      alerts.push(
        makeAlert(clock, addressAlertId('pool', address, pool.id, pool.state, era), 'warning', scope, {
          kind: 'pool-state',
          address,
          poolId: pool.id,
          from: poolBefore,
          to: pool.state,
        }),
      );
  }

  const nominations = after.nominations;
  if (
    nominations &&
    nominations.targets.length > 0 &&
    !after.validatorPrefs &&
    nominations.submittedIn < era
  ) {
    const backing = after.exposures.some((e) => e.era === era && !e.own);
    if (!backing)
      alerts.push(
        makeAlert(clock, addressAlertId('no-active', address, era), 'warning', scope, {
          kind: 'no-active-nomination',
          address,
          era,
          targets: nominations.targets.length,
        }),
      );
  }

  const earliest = earliestWithdrawalEra(era, ctx.offenceQueueEarliestEra);
  const chunks = new Map<number, bigint>();
  for (const c of after.ledger?.unlocking ?? [])
    if (c.era <= earliest) chunks.set(c.era, (chunks.get(c.era) ?? 0n) + c.value);
  for (const [chunkEra, value] of chunks)
    alerts.push(
      makeAlert(clock, addressAlertId('withdrawable', address, 'ledger', chunkEra), 'info', scope, {
        kind: 'unbond-withdrawable',
        address,
        era: chunkEra,
        value: value.toString(),
        via: 'ledger',
      }),
    );
  for (const u of after.pool?.member.unbondingEras ?? []) {
    if (u.era <= era)
      alerts.push(
        makeAlert(clock, addressAlertId('withdrawable', address, 'pool', u.era), 'info', scope, {
          kind: 'unbond-withdrawable',
          address,
          era: u.era,
          value: u.points.toString(),
          via: 'pool',
        }),
      );
  }

  const unclaimed = unclaimedRewards(after.exposures, ctx, figuresLookup(after));
  const expiring = new Map<number, { erasLeft: number; estimate: bigint; pages: number }>();
  for (const r of unclaimed.rewards) {
    if (r.erasLeft < 0 || r.erasLeft > input.expiringErasLeft) continue;
    const e = expiring.get(r.era) ?? { erasLeft: r.erasLeft, estimate: 0n, pages: 0 };
    e.estimate += r.estimate;
    e.pages += 1;
    expiring.set(r.era, e);
  }
  for (const [rewardEra, e] of expiring)
    alerts.push(
      makeAlert(
        clock,
        addressAlertId('expiring', address, rewardEra),
        e.erasLeft <= 1 ? 'critical' : 'warning',
        scope,
        {
          kind: 'rewards-expiring',
          address,
          era: rewardEra,
          erasLeft: e.erasLeft,
          estimate: e.estimate.toString(),
          pages: e.pages,
        },
      ),
    );
  return alerts;
}

export function stakingAlerts(input: StakingInput, clock: DetectionClock): Alert[] {
  const ctx = buildViewContext(input.eraAfter, { nowMs: clock.nowMs });
  return input.accounts.flatMap((change) => accountAlerts(change, input, ctx, clock));
}
