/**
 * Builders of relay, Coretime chain and crowdloan states for the parachain alert tests, with
 * Kusama's numbers: 80 relay blocks a timeslice, a 28-day region (5,040 timeslices), a 7-day
 * lead-in. The sale rotates at R_END (region begin × 80 − advance notice).
 */
import type { CrowdloanAccount, ParachainsEntity } from '../../../core/snapshot/entities.js';
import type {
  CoretimeState,
  ParaRecord,
  PotentialRenewal,
  RelayCore,
  RelayParachainsState,
  SaleInfo,
} from '../../../core/types/parachains.js';

export const KSM = 10n ** 12n;
export const DAY_BLOCKS = 14_400;
export const HOUR_BLOCKS = 600;
export const PERIOD = 80;
export const ADVANCE_NOTICE = 10;
/** The current sale's region: timeslices 390,000 to 395,040 (relay blocks 31,200,000 on). */
export const REGION_BEGIN = 390_000;
export const REGION_END = REGION_BEGIN + 5_040;
/** The sale rotates here: the renewal deadline. */
export const SALE_END = REGION_BEGIN * PERIOD - ADVANCE_NOTICE;
/** The sale opened a day ago (relative to S0), its lead-in lasts 7 days. */
export const S0 = 31_000_000;
export const SALE_START = S0 - DAY_BLOCKS;

export const CONTRIBUTOR = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
export const FUND = 'F3opxRbN5ZbjJNU511Kj2TLuzFcDq9BGduA9TgiECafpg29';
export const MANAGER = 'GXPPBuUaZYYYvsEquX55AQ1MRvgZ96kniEKyAVDSdv1SX96';

export function sale(extra: Partial<SaleInfo> = {}): SaleInfo {
  return {
    saleStart: SALE_START,
    leadinLength: 7 * DAY_BLOCKS,
    endPrice: 1n * KSM,
    regionBegin: REGION_BEGIN,
    regionEnd: REGION_END,
    idealCoresSold: 10,
    coresOffered: 12,
    firstCore: 60,
    selloutPrice: null,
    coresSold: 4,
    ...extra,
  };
}

export function renewal(
  core: number,
  paras: number[],
  extra: Partial<PotentialRenewal> = {},
): PotentialRenewal {
  const mask = '0xffffffffffffffffffff';
  return {
    core,
    when: REGION_BEGIN,
    price: 3n * KSM,
    completion: {
      type: 'complete',
      items: paras.map((para) => ({ mask, assignment: { type: 'task', para } })),
    },
    ...extra,
  };
}

export function coretime(extra: Partial<CoretimeState> = {}): CoretimeState {
  return {
    block: { hash: `0x${'ab'.repeat(32)}`, number: 5_000_000, specVersion: 1_006_001, relayBlock: S0 },
    timeslicePeriod: PERIOD,
    config: {
      advanceNotice: ADVANCE_NOTICE,
      interludeLength: 7 * DAY_BLOCKS,
      leadinLength: 7 * DAY_BLOCKS,
      regionLength: 5_040,
      idealBulkProportion: 1_000_000_000,
      limitCoresOffered: null,
      renewalBump: 30_000_000,
      contributionTimeout: 5_040,
    },
    status: null,
    sale: sale(),
    leases: [],
    reservations: [],
    renewals: [],
    autoRenewals: [],
    workplan: [],
    workload: [],
    ...extra,
  };
}

export function para(id: number, extra: Partial<ParaRecord> = {}): ParaRecord {
  return {
    id,
    lifecycle: 'Parachain',
    listed: true,
    manager: MANAGER,
    deposit: 100n * KSM,
    locked: true,
    head: { hash: `0x${id.toString(16).padStart(64, '0')}`, number: 8_000_000 },
    headRelayBlock: S0 - 2,
    ...extra,
  };
}

export function core(n: number, paraId: number): RelayCore {
  return {
    core: n,
    assignments: [{ assignment: { type: 'task', para: paraId }, parts: 57_600 }],
    endHint: null,
    upcoming: [],
  };
}

export function relay(block: number, paras: ParaRecord[], cores: RelayCore[] = []): RelayParachainsState {
  return { block, paras, cores, coreCount: 100, onDemand: null, nextFreeParaId: 3_400 };
}

export function entity(r: RelayParachainsState | null, c: CoretimeState | null): ParachainsEntity {
  return { relay: r, coretime: c };
}

export function crowdloanAccount(
  address: string,
  entries: Array<{
    kind: 'contribution' | 'lease' | 'crowdloan';
    block: number;
    para: number;
    amount: bigint;
  }>,
): CrowdloanAccount {
  return {
    address,
    contributions: entries
      .filter((e) => e.kind === 'contribution')
      .map((e) => ({
        block: e.block,
        para: e.para,
        contributor: address,
        fundAccount: FUND,
        amount: e.amount,
      })),
    deposits: entries.flatMap((e) =>
      e.kind === 'contribution'
        ? []
        : [{ kind: e.kind, block: e.block, para: e.para, account: address, amount: e.amount }],
    ),
  };
}
