/**
 * How the staking slices are stored: what each account and validator determines itself, and the
 * era-scoped parts every account shares, so that an era change rewrites a few large items instead
 * of every account. `stored-split.ts` cuts a Snapshot into these parts; `stored-join.ts` puts the
 * exact slices back together. See docs/store-design.md, "Era-scoped data".
 */
import { ENTITY } from '../snapshot/entities.js';
import type {
  Address,
  BondedPool,
  Nominations,
  PoolMember,
  RewardDestination,
  StakingLedger,
  ValidatorPrefs,
} from '../types/staking.js';

/** Account shards of the `stake-era` items (one item per era and shard). */
export const STAKE_SHARDS = 256;
/** Validator buckets of the `era-validators` items (one item per era and bucket). */
export const VALIDATOR_BUCKETS = 32;
/** A validator's reference in an era: bucket × REF_STRIDE + its place in the bucket (sorted by address). */
export const REF_STRIDE = 1024;
/** Eras per `era-claimed` item. */
export const CLAIMED_ERAS_PER_ITEM = 12;
/** Characters of an address kept as its key in a shard (2…10, past the network prefix). */
const KEY_FROM = 2;
const KEY_TO = 10;

/** FNV-1a (32 bits) of the address text: the same on every run and every machine. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const stakeShardOf = (address: Address): number => fnv1a(address) % STAKE_SHARDS;
export const validatorBucketOf = (address: Address): number => fnv1a(`v:${address}`) % VALIDATOR_BUCKETS;
export const shortKeyOf = (address: Address): string => address.slice(KEY_FROM, KEY_TO);
export const claimedGroupOf = (era: number): number => Math.floor(era / CLAIMED_ERAS_PER_ITEM);

export const stakeEraId = (era: number, shard: number): string => `${era}.${shard}`;
export const eraValidatorsId = (era: number, bucket: number): string => `${era}.${bucket}`;

/**
 * `LastValidatorEra` relative to the era markers when it equals one of them (it moves with them
 * every era for an elected validator, so the account item stays the same), else the era itself.
 */
export type StoredLastValidatorEra = number | 'current' | 'active';

/** `account/<address>`: what the account itself determines. */
export interface AccountRecord {
  address: Address;
  stash: Address | null;
  viaController: boolean;
  ledger: StakingLedger | null;
  lastValidatorEra?: StoredLastValidatorEra;
  payee: RewardDestination | null;
  nominations: Nominations | null;
  validatorPrefs: ValidatorPrefs | null;
  /** The pool membership record; the pool's figures come from `pool/<id>` and its bonded account. */
  poolMember: PoolMember | null;
  poolAccount: { poolId: number; kind: 'bonded' | 'reward' } | null;
}

/** `validator/<address>`: the validator's own state; its eras come from the `era-validators` items. */
export interface ValidatorRecord {
  address: Address;
  prefs: ValidatorPrefs | null;
  ledger: StakingLedger | null;
  payee: RewardDestination | null;
  nominatedBy: number;
}

/**
 * One exposure in a `stake-era` row: the validator's reference in the era (its address when it has
 * no overview that era), the page, the value, 1 for a validator's own stake (with its page count).
 */
export type StoredExposure = [ref: number | string, page: number, value: bigint, own?: 1, pageCount?: number];

/**
 * One stash in a `stake-era` item: its key (the short key, or the whole address where two stashes
 * of the shard share a short key), its exposures in slice order, and once the era is paid its
 * estimated reward (stake and commission parts together) and commission part.
 */
export type StakeRow = [key: string, exposures: StoredExposure[], reward?: bigint, commission?: bigint];

/** `stake-era/<era>.<shard>`: every stash of the shard exposed in the era. */
export interface StakeEraItem {
  rows: StakeRow[];
}

/**
 * One validator of an era in an `era-validators` item, in address order within its bucket; the
 * points are left out until the era is paid (they grow every block) and read from `era-points`.
 */
export type StoredValidatorEra = [
  address: Address,
  commission: number,
  total: bigint,
  own: bigint,
  nominatorCount: number,
  pageCount: number,
  pageTotals: bigint[],
  points: number | null,
  incentive: bigint | null,
];

/** `era-validators/<era>.<bucket>`. */
export interface EraValidatorsItem {
  validators: StoredValidatorEra[];
}

/** `era-points/<era>`: points of an era not paid yet, by bucket then place in the bucket. */
export interface EraPointsItem {
  points: number[][];
}

/**
 * `era-claimed/<group>`: the claimed pages of every validator in the group's eras, by era, bucket,
 * place: a bit mask, or the sorted list where a mask cannot hold it.
 */
export interface EraClaimedItem {
  eras: Record<string, Array<Array<number | number[]>>>;
}

/** `stake-set/current`: the current candidates' prefs and the active era's elected set. */
export interface StakeSetItem {
  /** Every candidate's current prefs. */
  candidates: Record<Address, ValidatorPrefs>;
  /** Every validator elected in the active era, with its commission in that era. */
  active: Record<Address, number>;
  globalMaxCommission: number | null;
}

/** `pool/<id>`, as before. */
export interface PoolRecord {
  pool: BondedPool;
  bondedActive: bigint;
  bondedTotal: bigint;
}

export const STAKE_KIND = {
  stakeEra: ENTITY.stakeEra,
  eraValidators: ENTITY.eraValidators,
  eraPoints: ENTITY.eraPoints,
  eraClaimed: ENTITY.eraClaimed,
  stakeSet: ENTITY.stakeSet,
} as const;

export const STAKE_SET_ID = 'current';

/** Claimed pages as stored: a bit mask when the sorted list is small distinct pages, else the list. */
export function packClaimed(claimed: readonly number[]): number | number[] {
  const sorted = [...claimed].sort((a, b) => a - b);
  let mask = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const p = sorted[i]!;
    if (!Number.isInteger(p) || p < 0 || p > 29 || (i > 0 && sorted[i - 1] === p)) return sorted;
    mask |= 1 << p;
  }
  return mask;
}

export function unpackClaimed(stored: number | number[] | undefined): number[] {
  if (stored === undefined) return [];
  if (Array.isArray(stored)) return [...stored];
  const out: number[] = [];
  for (let p = 0; p < 30; p += 1) if (stored & (1 << p)) out.push(p);
  return out;
}
