/**
 * Splits the staking slices into the stored parts of stored-layout.ts: account and validator records
 * that change only when the account does, and era-scoped items written when an era starts and once
 * more when it is paid. stored-join.ts puts the exact slices back together.
 */
import type { Snapshot } from '../types/snapshot.js';
import type { Address, EraHistory } from '../types/staking.js';
import { exposureRewardSplit, nominatorReward, validatorPayoutParts } from './payout.js';
import type { AccountExposure, AccountStakingSlice, ValidatorSlice } from './slice-types.js';
import type { SnapshotIndex } from './snapshot-index.js';
import {
  type AccountRecord,
  claimedGroupOf,
  type EraClaimedItem,
  type EraPointsItem,
  type EraValidatorsItem,
  eraValidatorsId,
  packClaimed,
  REF_STRIDE,
  STAKE_KIND,
  STAKE_SET_ID,
  type StakeEraItem,
  type StakeRow,
  type StakeSetItem,
  type StoredExposure,
  type StoredLastValidatorEra,
  shortKeyOf,
  stakeEraId,
  stakeShardOf,
  VALIDATOR_BUCKETS,
  type ValidatorRecord,
  validatorBucketOf,
} from './stored-layout.js';

export interface StoredPart {
  kind: string;
  id: string;
  data: unknown;
}

/** An era's elected validators by bucket, each bucket in address order, and each one's reference. */
export interface EraRefs {
  buckets: Address[][];
  refOf: Map<Address, number>;
}

export function eraRefs(h: EraHistory): EraRefs {
  const buckets: Address[][] = Array.from({ length: VALIDATOR_BUCKETS }, () => []);
  for (const v of Object.keys(h.overviews)) buckets[validatorBucketOf(v)]!.push(v);
  const refOf = new Map<Address, number>();
  buckets.forEach((list, b) => {
    list.sort();
    for (const [i, v] of list.entries()) refOf.set(v, b * REF_STRIDE + i);
  });
  return { buckets, refOf };
}

export function encodeLastValidatorEra(
  era: number,
  activeEra: number,
  currentEra: number | null,
): StoredLastValidatorEra {
  if (era === currentEra) return 'current';
  if (era === activeEra) return 'active';
  return era;
}

export function accountRecordOf(slice: AccountStakingSlice, snapshot: Snapshot): AccountRecord {
  const record: AccountRecord = {
    address: slice.address,
    stash: slice.stash,
    viaController: slice.viaController,
    ledger: slice.ledger,
    payee: slice.payee,
    nominations: slice.nominations,
    validatorPrefs: slice.validatorPrefs,
    poolMember: slice.pool?.member ?? null,
    poolAccount: slice.poolAccount,
  };
  if (slice.lastValidatorEra !== undefined) {
    const { activeEra, currentEra } = snapshot.staking;
    record.lastValidatorEra = encodeLastValidatorEra(slice.lastValidatorEra, activeEra.index, currentEra);
  }
  return record;
}

export function validatorRecordOf(slice: ValidatorSlice): ValidatorRecord {
  const { address, prefs, ledger, payee, nominatedBy } = slice;
  return { address, prefs, ledger, payee, nominatedBy };
}

const isPaid = (h: EraHistory, active: number) => h.validatorReward !== null && h.era !== active;

/** The rows of one era: every stash's exposures (with figures, in a paid era) and its reward once paid. */
function eraRows(
  idx: SnapshotIndex,
  h: EraHistory,
  refs: EraRefs,
  byStash: ReadonlyArray<[Address, AccountExposure[]]>,
): Map<number, StakeRow[]> {
  const active = idx.activeEra;
  const paid = isPaid(h, active);
  const shards = new Map<number, StakeRow[]>();
  const parts = new Map<Address, ReturnType<typeof validatorPayoutParts>>();
  for (const [stash, all] of byStash) {
    const stored: StoredExposure[] = [];
    let reward = 0n;
    let commission = 0n;
    for (const e of all) {
      const figures = idx.figures(e.era, e.validator);
      if (paid && !figures) continue;
      const ref = refs.refOf.get(e.validator) ?? e.validator;
      const row: StoredExposure = [ref, e.page, e.value];
      if (e.own) row.push(1, figures?.pageCount ?? 0);
      stored.push(row);
      if (!paid || !figures || h.validatorReward === null) continue;
      if (e.own) {
        const split = exposureRewardSplit(
          { eraReward: h.validatorReward, totalPoints: h.rewardPoints.total, figures },
          e,
        );
        reward += split.stake + split.commission;
        commission += split.commission;
      } else {
        let p = parts.get(e.validator);
        if (!p) {
          p = validatorPayoutParts(h.validatorReward, h.rewardPoints.total, figures);
          parts.set(e.validator, p);
        }
        if (p.total > 0n) reward += nominatorReward(p, figures, e.value);
      }
    }
    if (stored.length === 0) continue;
    const shard = stakeShardOf(stash);
    const row: StakeRow = [stash, stored];
    if (paid) row.push(reward);
    if (paid && commission > 0n) row.push(commission);
    const list = shards.get(shard);
    if (list) list.push(row);
    else shards.set(shard, [row]);
  }
  for (const rows of shards.values()) keyRows(rows);
  return shards;
}

/** Short keys, except for stashes of the shard that share one (they keep their whole address). */
function keyRows(rows: StakeRow[]): void {
  const count = new Map<string, number>();
  for (const r of rows) count.set(shortKeyOf(r[0]), (count.get(shortKeyOf(r[0])) ?? 0) + 1);
  for (const r of rows) if (count.get(shortKeyOf(r[0])) === 1) r[0] = shortKeyOf(r[0]);
}

function eraValidatorItems(idx: SnapshotIndex, h: EraHistory, refs: EraRefs): StoredPart[] {
  const paid = h.validatorReward !== null;
  const out: StoredPart[] = [];
  refs.buckets.forEach((list, b) => {
    if (list.length === 0) return;
    const validators = list.map((v) => {
      const f = idx.figures(h.era, v)!;
      return [
        v,
        f.commission,
        f.total,
        f.own,
        f.nominatorCount,
        f.pageCount,
        f.pageTotals,
        paid ? f.points : null,
        f.incentive ?? null,
      ] satisfies EraValidatorsItem['validators'][number];
    });
    out.push({ kind: STAKE_KIND.eraValidators, id: eraValidatorsId(h.era, b), data: { validators } });
  });
  if (!paid) {
    const points = refs.buckets.map((list) => list.map((v) => h.rewardPoints.individual[v] ?? 0));
    out.push({ kind: STAKE_KIND.eraPoints, id: String(h.era), data: { points } satisfies EraPointsItem });
  }
  return out;
}

function stakeSetOf(snapshot: Snapshot, idx: SnapshotIndex): StakeSetItem {
  const activeHistory = idx.historyByEra.get(idx.activeEra);
  const active: Record<Address, number> = {};
  for (const v of idx.activeSet) active[v] = activeHistory?.prefs[v]?.commission ?? 0;
  return {
    candidates: snapshot.staking.validators,
    active,
    globalMaxCommission: snapshot.pools.rules?.globalMaxCommission ?? null,
  };
}

/** Every era-scoped item of the window, and the stake set. */
/** Each era's exposures by stash, in the index's order (one pass over every exposure). */
function exposuresByEra(idx: SnapshotIndex): Map<number, Array<[Address, AccountExposure[]]>> {
  const out = new Map<number, Array<[Address, AccountExposure[]]>>();
  for (const [stash, all] of idx.exposuresOf) {
    let last: AccountExposure[] | undefined;
    let lastEra = Number.NaN;
    for (const e of all) {
      if (e.era !== lastEra || !last) {
        lastEra = e.era;
        let list = out.get(e.era);
        if (!list) {
          list = [];
          out.set(e.era, list);
        }
        const existing = list.at(-1);
        if (existing && existing[0] === stash) last = existing[1];
        else {
          last = [];
          list.push([stash, last]);
        }
      }
      last.push(e);
    }
  }
  return out;
}

export function* eraScopedParts(snapshot: Snapshot, idx: SnapshotIndex): Generator<StoredPart> {
  const claimed = new Map<number, EraClaimedItem>();
  const byEra = exposuresByEra(idx);
  for (const h of idx.history) {
    const refs = eraRefs(h);
    yield* eraValidatorItems(idx, h, refs);
    const group = claimedGroupOf(h.era);
    let item = claimed.get(group);
    if (!item) {
      item = { eras: {} };
      claimed.set(group, item);
    }
    item.eras[String(h.era)] = refs.buckets.map((list) => list.map((v) => packClaimed(h.claimed[v] ?? [])));
    if (h.era !== idx.activeEra && h.validatorReward === null) continue;
    for (const [shard, rows] of eraRows(idx, h, refs, byEra.get(h.era) ?? []))
      yield {
        kind: STAKE_KIND.stakeEra,
        id: stakeEraId(h.era, shard),
        data: { rows } satisfies StakeEraItem,
      };
  }
  for (const [group, item] of claimed) yield { kind: STAKE_KIND.eraClaimed, id: String(group), data: item };
  yield { kind: STAKE_KIND.stakeSet, id: STAKE_SET_ID, data: stakeSetOf(snapshot, idx) };
}
