/**
 * Hand-written decoders for the high-volume staking values of Kusama Asset Hub (staking-async),
 * each after the declaration of the item(s) it decodes: key, value layout, and the fallback through
 * the metadata (`staking-fallbacks.ts`) for a runtime that changed the layout. Every decoder
 * consumes the whole value.
 */
import type {
  ExposureOverview,
  IndividualExposure,
  Nominations,
  PoolMember,
  RewardDestination,
  StakingLedger,
  UnlockChunk,
  ValidatorPrefs,
} from '../../../core/types/staking.js';
import type { DecodedItem, ItemLayout } from '../guard/item.js';
import { L } from '../guard/layout.js';
import { ScaleReader } from './reader.js';
import {
  exposurePageFallback,
  ledgerFallback,
  nominationsFallback,
  overviewFallback,
  payeeFallback,
  poolMemberFallback,
  prefsFallback,
  rewardPointsFallback,
} from './staking-fallbacks.js';

const ERA_AND_ACCOUNT = [
  ['Twox64Concat', 'u32'],
  ['Twox64Concat', 'AccountId32'],
] as const;

export const ERAS_STAKERS_PAGED: DecodedItem<[], { pageTotal: bigint; others: IndividualExposure[] }> = {
  pallet: 'Staking',
  item: 'ErasStakersPaged',
  required: true,
  keys: [...ERA_AND_ACCOUNT, ['Twox64Concat', 'u32']],
  value: L.struct(L.compact(L.u128), L.vec(L.struct(L.account, L.compact(L.u128)))),
  decode: (hex) => decodeExposurePage(hex),
  fallback: exposurePageFallback,
};

export function decodeExposurePage(hex: string): { pageTotal: bigint; others: IndividualExposure[] } {
  const r = ScaleReader.fromHex(hex, 'staking.erasStakersPaged');
  const pageTotal = r.compact();
  const others = r.vec((x) => ({ who: x.account(), value: x.compact() }));
  r.end();
  return { pageTotal, others };
}

export const ERAS_STAKERS_OVERVIEW: DecodedItem<[string], ExposureOverview> = {
  pallet: 'Staking',
  item: 'ErasStakersOverview',
  required: true,
  keys: ERA_AND_ACCOUNT,
  value: L.struct(L.compact(L.u128), L.compact(L.u128), L.u32, L.u32),
  decode: (hex, validator) => decodeOverview(hex, validator),
  fallback: overviewFallback,
};

export function decodeOverview(hex: string, validator: string): ExposureOverview {
  const r = ScaleReader.fromHex(hex, 'staking.erasStakersOverview');
  const out = {
    validator,
    total: r.compact(),
    own: r.compact(),
    nominatorCount: r.u32(),
    pageCount: r.u32(),
  };
  r.end();
  return out;
}

/** Keyed by controller. */
export const LEDGER: DecodedItem<[string], StakingLedger> = {
  pallet: 'Staking',
  item: 'Ledger',
  required: true,
  keys: [['Blake2_128Concat', 'AccountId32']],
  value: L.struct(
    L.account,
    L.compact(L.u128),
    L.compact(L.u128),
    L.vec(L.struct(L.compact(L.u128), L.compact(L.u32))),
  ),
  decode: (hex, controller) => decodeLedger(hex, controller),
  fallback: ledgerFallback,
};

/** staking-async's ledger ends with `unlocking` (no legacy claimed rewards): anything after it is an error. */
export function decodeLedger(hex: string, controller: string): StakingLedger {
  const r = ScaleReader.fromHex(hex, 'staking.ledger');
  const stash = r.account();
  const total = r.compact();
  const active = r.compact();
  const unlocking = r.vec<UnlockChunk>((x) => ({ value: x.compact(), era: x.compactNumber() }));
  r.end();
  return { stash, controller, total, active, unlocking };
}

export const NOMINATORS: DecodedItem<[string], Nominations> = {
  pallet: 'Staking',
  item: 'Nominators',
  required: true,
  keys: [['Twox64Concat', 'AccountId32']],
  value: L.struct(L.vec(L.account), L.u32, L.bool),
  decode: (hex, stash) => decodeNominations(hex, stash),
  fallback: nominationsFallback,
};

export function decodeNominations(hex: string, stash: string): Nominations {
  const r = ScaleReader.fromHex(hex, 'staking.nominators');
  const out = { stash, targets: r.vec((x) => x.account()), submittedIn: r.u32(), suppressed: r.bool() };
  r.end();
  return out;
}

const PREFS = L.struct(L.compact(L.perbill), L.bool);

export const VALIDATORS: DecodedItem<[string], ValidatorPrefs> = {
  pallet: 'Staking',
  item: 'Validators',
  required: true,
  keys: [['Twox64Concat', 'AccountId32']],
  value: PREFS,
  decode: (hex, stash) => decodePrefs(hex, stash),
  fallback: prefsFallback,
};

export const ERAS_VALIDATOR_PREFS: DecodedItem<[string], ValidatorPrefs> = {
  ...VALIDATORS,
  item: 'ErasValidatorPrefs',
  keys: ERA_AND_ACCOUNT,
};

export function decodePrefs(hex: string, stash: string): ValidatorPrefs {
  const r = ScaleReader.fromHex(hex, 'staking.validatorPrefs');
  const out = { stash, commission: r.compactNumber(), blocked: r.bool() };
  r.end();
  return out;
}

const PAYEE_VARIANTS = ['Staked', 'Stash', 'Controller', 'Account', 'None'] as const;

/** Decodes to [stash, destination]. */
export const PAYEE: DecodedItem<[string], [string, RewardDestination]> = {
  pallet: 'Staking',
  item: 'Payee',
  required: true,
  keys: [['Twox64Concat', 'AccountId32']],
  value: L.enum('Staked', 'Stash', 'Controller', ['Account', L.account], 'None'),
  decode: (hex, stash) => [stash, decodePayee(hex)],
  fallback: payeeFallback,
};

export function decodePayee(hex: string): RewardDestination {
  const r = ScaleReader.fromHex(hex, 'staking.payee');
  const kind = r.variant(PAYEE_VARIANTS) as (typeof PAYEE_VARIANTS)[number];
  const out: RewardDestination = kind === 'Account' ? { kind, account: r.account() } : { kind };
  r.end();
  return out;
}

export const ERAS_REWARD_POINTS: DecodedItem<[], { total: number; individual: Record<string, number> }> = {
  pallet: 'Staking',
  item: 'ErasRewardPoints',
  required: true,
  keys: [['Twox64Concat', 'u32']],
  value: L.struct(L.u32, L.map(L.account, L.u32)),
  decode: (hex) => decodeRewardPoints(hex),
  fallback: rewardPointsFallback,
};

export function decodeRewardPoints(hex: string): { total: number; individual: Record<string, number> } {
  const r = ScaleReader.fromHex(hex, 'staking.erasRewardPoints');
  const total = r.u32();
  const individual: Record<string, number> = {};
  for (const [who, points] of r.vec((x) => [x.account(), x.u32()] as const)) individual[who] = points;
  r.end();
  return { total, individual };
}

/** Read for its keys only: the pools' values are decoded through the metadata. */
export const BONDED_POOLS: ItemLayout = {
  pallet: 'NominationPools',
  item: 'BondedPools',
  required: true,
  keys: [['Twox64Concat', 'u32']],
  value: null,
};

export const POOL_MEMBERS: DecodedItem<[string], PoolMember> = {
  pallet: 'NominationPools',
  item: 'PoolMembers',
  required: true,
  keys: [['Twox64Concat', 'AccountId32']],
  value: L.struct(L.u32, L.u128, L.u128, L.map(L.u32, L.u128)),
  decode: (hex, who) => decodePoolMember(hex, who),
  fallback: poolMemberFallback,
};

export function decodePoolMember(hex: string, who: string): PoolMember {
  const r = ScaleReader.fromHex(hex, 'nominationPools.poolMembers');
  const poolId = r.u32();
  const points = r.u128();
  const lastRecordedRewardCounter = r.u128();
  const unbondingEras = r.vec((x) => ({ era: x.u32(), points: x.u128() }));
  r.end();
  return { who, poolId, points, lastRecordedRewardCounter, unbondingEras };
}

/** A whole value that is one fixed-width or vector number type (the items are in `*-values.ts`). */
export function decodeU32(hex: string, what: string): number {
  const r = ScaleReader.fromHex(hex, what);
  const v = r.u32();
  r.end();
  return v;
}

export function decodeU64(hex: string, what: string): bigint {
  const r = ScaleReader.fromHex(hex, what);
  const v = r.u64();
  r.end();
  return v;
}

export function decodeU128(hex: string, what: string): bigint {
  const r = ScaleReader.fromHex(hex, what);
  const v = r.u128();
  r.end();
  return v;
}

export function decodeU32Vec(hex: string, what: string): number[] {
  const r = ScaleReader.fromHex(hex, what);
  const out = r.vec((x) => x.u32());
  r.end();
  return out;
}
