/**
 * Puts the stored parts (stored-layout.ts) back into the exact slices the builders compute:
 * `joinAccountSlice` and `joinValidatorSlice` over a `StoredParts` lookup of what was read.
 */
import type { Address } from '../types/staking.js';
import { emptyAccountSlice } from './account-slices.js';
import { DEFAULT_APY_ERAS } from './context.js';
import { NO_POOL } from './pool-slice.js';
import type {
  AccountEraReward,
  AccountExposure,
  AccountStakingSlice,
  EraSlice,
  PoolEraReward,
  PoolMembershipSlice,
  ValidatorEraFigures,
  ValidatorSlice,
} from './slice-types.js';
import {
  type AccountRecord,
  claimedGroupOf,
  type EraClaimedItem,
  type EraPointsItem,
  type EraValidatorsItem,
  type PoolRecord,
  REF_STRIDE,
  type StakeEraItem,
  type StakeRow,
  type StakeSetItem,
  shortKeyOf,
  stakeShardOf,
  type ValidatorRecord,
  validatorBucketOf,
} from './stored-layout.js';

/** What was read, by id; undefined where the store has no such item. */
export interface StoredParts {
  era: EraSlice;
  set: StakeSetItem | undefined;
  account(address: Address): AccountRecord | undefined;
  pool(id: number): PoolRecord | undefined;
  stakeEra(era: number, shard: number): StakeEraItem | undefined;
  eraValidators(era: number, bucket: number): EraValidatorsItem | undefined;
  eraPoints(era: number): EraPointsItem | undefined;
  claimed(group: number): EraClaimedItem | undefined;
}

/** Eras that have stake rows: the active one and every paid one, oldest first. */
export function rowEras(era: EraSlice): number[] {
  const active = era.activeEra.index;
  return era.eras.filter((e) => e.era === active || e.validatorReward !== null).map((e) => e.era);
}

/** The last DEFAULT_APY_ERAS paid eras up to the active one (recent-rewards.ts). */
export function recentPaidEras(era: EraSlice): Set<number> {
  const paid = era.eras.filter((e) => e.validatorReward !== null && e.era <= era.activeEra.index);
  return new Set(paid.slice(-DEFAULT_APY_ERAS).map((e) => e.era));
}

const rowIndex = new WeakMap<StakeEraItem, Map<string, StakeRow>>();

export function rowOf(item: StakeEraItem | undefined, address: Address): StakeRow | undefined {
  if (!item) return undefined;
  let index = rowIndex.get(item);
  if (!index) {
    index = new Map(item.rows.map((r) => [r[0], r]));
    rowIndex.set(item, index);
  }
  return index.get(address) ?? index.get(shortKeyOf(address));
}

function claimedOf(parts: StoredParts, era: number, bucket: number, place: number): number[] {
  const stored = parts.claimed(claimedGroupOf(era))?.eras[String(era)]?.[bucket]?.[place];
  if (stored === undefined) return [];
  if (Array.isArray(stored)) return [...stored];
  const out: number[] = [];
  for (let p = 0; p < 30; p += 1) if (stored & (1 << p)) out.push(p);
  return out;
}

function figuresAt(
  parts: StoredParts,
  era: number,
  bucket: number,
  place: number,
): ValidatorEraFigures | null {
  const row = parts.eraValidators(era, bucket)?.validators[place];
  if (!row) return null;
  const [validator, commission, total, own, nominatorCount, pageCount, pageTotals, points, incentive] = row;
  const figures: ValidatorEraFigures = {
    era,
    validator,
    points: points ?? parts.eraPoints(era)?.points[bucket]?.[place] ?? 0,
    commission,
    total,
    own,
    nominatorCount,
    pageCount,
    pageTotals: [...pageTotals],
    claimed: claimedOf(parts, era, bucket, place),
  };
  if (incentive !== null) figures.incentive = incentive;
  return figures;
}

const refPlace = (ref: number) => ({ bucket: Math.floor(ref / REF_STRIDE), place: ref % REF_STRIDE });

/** The figures of a validator reference in an era. */
export function figuresOfRef(parts: StoredParts, era: number, ref: number): ValidatorEraFigures | null {
  const { bucket, place } = refPlace(ref);
  return figuresAt(parts, era, bucket, place);
}

/** The figures of a validator address in an era, or null when it was not elected then. */
export function figuresOfAddress(
  parts: StoredParts,
  era: number,
  address: Address,
): ValidatorEraFigures | null {
  const bucket = validatorBucketOf(address);
  const list = parts.eraValidators(era, bucket)?.validators;
  const place = list ? list.findIndex((v) => v[0] === address) : -1;
  return place < 0 ? null : figuresAt(parts, era, bucket, place);
}

interface StashEras {
  exposures: AccountExposure[];
  validatorEras: ValidatorEraFigures[];
  eraRewards: AccountEraReward[];
  exposedEras: number;
  claimedPages: number;
}

/** The stash's era data, as account-slices.ts keeps it. */
function stashEras(parts: StoredParts, stash: Address): StashEras {
  const active = parts.era.activeEra.index;
  const recent = recentPaidEras(parts.era);
  const shard = stakeShardOf(stash);
  const out: StashEras = {
    exposures: [],
    validatorEras: [],
    eraRewards: [],
    exposedEras: 0,
    claimedPages: 0,
  };
  const seen = new Set<string>();
  for (const era of rowEras(parts.era)) {
    const row = rowOf(parts.stakeEra(era, shard), stash);
    if (!row) continue;
    const [, exposures, reward, commission] = row;
    if (era !== active) out.exposedEras += 1;
    for (const [ref, page, value, own, pageCount] of exposures) {
      const validator = typeof ref === 'number' ? undefined : ref;
      let kept = era === active;
      if (!kept && typeof ref === 'number') {
        const { bucket, place } = refPlace(ref);
        const claimed = claimedOf(parts, era, bucket, place);
        const pages = own ? Math.max(1, pageCount ?? 0) : 1;
        kept = own ? claimed.length < pages : !claimed.includes(page);
        if (!kept) out.claimedPages += pages;
      }
      if (!kept) continue;
      const figures = typeof ref === 'number' ? figuresOfRef(parts, era, ref) : null;
      const address = validator ?? figures?.validator ?? '';
      out.exposures.push({ era, validator: address, page, value, own: own === 1 });
      const key = `${era}:${address}`;
      if (figures && !seen.has(key)) {
        seen.add(key);
        out.validatorEras.push(figures);
      }
    }
    if (reward !== undefined && recent.has(era)) {
      out.eraRewards.push(commission === undefined ? { era, reward } : { era, reward, commission });
    }
  }
  return out;
}

function poolOf(parts: StoredParts, member: AccountRecord['poolMember']): PoolMembershipSlice | null {
  if (!member) return null;
  const record = parts.pool(member.poolId);
  const globalMaxCommission = parts.set?.globalMaxCommission ?? null;
  const slice: PoolMembershipSlice = {
    member,
    pool: record?.pool ?? null,
    ...NO_POOL,
    eraRewards: [],
    globalMaxCommission,
  };
  if (!record) return slice;
  const bonded = record.pool.bondedAccount;
  const targets = parts.account(bonded)?.nominations?.targets ?? [];
  const active = parts.set?.active ?? {};
  slice.bondedActive = record.bondedActive;
  slice.bondedTotal = record.bondedTotal;
  slice.targetCount = targets.length;
  slice.activeTargetCount = targets.filter((t) => active[t] !== undefined).length;
  const activeEra = parts.era.activeEra.index;
  const recent = recentPaidEras(parts.era);
  const shard = stakeShardOf(bonded);
  const rewards: PoolEraReward[] = [];
  for (const era of rowEras(parts.era)) {
    if (era !== activeEra && !recent.has(era)) continue;
    const row = rowOf(parts.stakeEra(era, shard), bonded);
    if (!row) continue;
    if (era === activeEra) for (const e of row[1]) slice.exposedThisEra += e[2];
    if (row[2] !== undefined && recent.has(era)) rewards.push({ era, reward: row[2] });
  }
  slice.eraRewards = rewards;
  return slice;
}

export function decodeLastValidatorEra(stored: AccountRecord['lastValidatorEra'], era: EraSlice) {
  if (stored === 'current') return era.currentEra ?? era.activeEra.index;
  if (stored === 'active') return era.activeEra.index;
  return stored;
}

/** The account's slice, exactly as buildAccountSlices makes it. */
export function joinAccountSlice(parts: StoredParts, address: Address): AccountStakingSlice {
  const record = parts.account(address);
  const slice = emptyAccountSlice(address);
  if (!record) return slice;
  slice.poolAccount = record.poolAccount;
  if (record.stash !== null) {
    const candidates = parts.set?.candidates ?? {};
    const active = parts.set?.active ?? {};
    slice.stash = record.stash;
    slice.viaController = record.viaController;
    slice.ledger = record.ledger;
    const lastValidatorEra = decodeLastValidatorEra(record.lastValidatorEra, parts.era);
    if (lastValidatorEra !== undefined) slice.lastValidatorEra = lastValidatorEra;
    slice.payee = record.payee;
    slice.nominations = record.nominations;
    slice.validatorPrefs = record.validatorPrefs;
    slice.targets = (record.nominations?.targets ?? []).map((validator) => {
      const commission = active[validator];
      return {
        validator,
        prefs: candidates[validator] ?? null,
        active: commission !== undefined,
        activeEraCommission: commission ?? null,
      };
    });
    Object.assign(slice, stashEras(parts, record.stash));
  }
  slice.pool = poolOf(parts, record.poolMember);
  return slice;
}

/** The validator's slice, exactly as buildValidatorSlices makes it. */
export function joinValidatorSlice(
  parts: StoredParts,
  address: Address,
  record: ValidatorRecord | undefined,
): ValidatorSlice {
  const eras: ValidatorEraFigures[] = [];
  for (const e of parts.era.eras) {
    const figures = figuresOfAddress(parts, e.era, address);
    if (figures) eras.push(figures);
  }
  const base = record ?? { address, prefs: null, ledger: null, payee: null, nominatedBy: 0 };
  return { ...base, eras };
}
