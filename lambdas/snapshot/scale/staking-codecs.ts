/** Hand-written decoders for the high-volume staking values of Kusama Asset Hub (staking-async). */
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
import { ScaleReader } from './reader.js';

export function decodeExposurePage(hex: string): { pageTotal: bigint; others: IndividualExposure[] } {
  const r = ScaleReader.fromHex(hex, 'staking.erasStakersPaged');
  const pageTotal = r.compact();
  const others = r.vec((x) => ({ who: x.account(), value: x.compact() }));
  r.end();
  return { pageTotal, others };
}

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

export function decodeLedger(hex: string, controller: string): StakingLedger {
  const r = ScaleReader.fromHex(hex, 'staking.ledger');
  const stash = r.account();
  const total = r.compact();
  const active = r.compact();
  const unlocking = r.vec<UnlockChunk>((x) => ({ value: x.compact(), era: x.compactNumber() }));
  // Later runtimes may append fields (e.g. legacy claimed rewards); the known prefix is what we need.
  return { stash, controller, total, active, unlocking };
}

export function decodeNominations(hex: string, stash: string): Nominations {
  const r = ScaleReader.fromHex(hex, 'staking.nominators');
  const out = { stash, targets: r.vec((x) => x.account()), submittedIn: r.u32(), suppressed: r.bool() };
  r.end();
  return out;
}

export function decodePrefs(hex: string, stash: string): ValidatorPrefs {
  const r = ScaleReader.fromHex(hex, 'staking.validatorPrefs');
  const out = { stash, commission: r.compactNumber(), blocked: r.bool() };
  r.end();
  return out;
}

const PAYEE_VARIANTS = ['Staked', 'Stash', 'Controller', 'Account', 'None'] as const;

export function decodePayee(hex: string): RewardDestination {
  const r = ScaleReader.fromHex(hex, 'staking.payee');
  const kind = r.variant(PAYEE_VARIANTS) as (typeof PAYEE_VARIANTS)[number];
  const out: RewardDestination = kind === 'Account' ? { kind, account: r.account() } : { kind };
  r.end();
  return out;
}

export function decodeU32Vec(hex: string, what: string): number[] {
  const r = ScaleReader.fromHex(hex, what);
  const out = r.vec((x) => x.u32());
  r.end();
  return out;
}

export function decodeRewardPoints(hex: string): { total: number; individual: Record<string, number> } {
  const r = ScaleReader.fromHex(hex, 'staking.erasRewardPoints');
  const total = r.u32();
  const individual: Record<string, number> = {};
  for (const [who, points] of r.vec((x) => [x.account(), x.u32()] as const)) individual[who] = points;
  r.end();
  return { total, individual };
}

export function decodeU128(hex: string, what: string): bigint {
  const r = ScaleReader.fromHex(hex, what);
  const v = r.u128();
  r.end();
  return v;
}

export function decodePoolMember(hex: string, who: string): PoolMember {
  const r = ScaleReader.fromHex(hex, 'nominationPools.poolMembers');
  const poolId = r.u32();
  const points = r.u128();
  const lastRecordedRewardCounter = r.u128();
  const unbondingEras = r.vec((x) => ({ era: x.u32(), points: x.u128() }));
  r.end();
  return { who, poolId, points, lastRecordedRewardCounter, unbondingEras };
}
