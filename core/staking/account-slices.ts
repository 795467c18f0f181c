/** Per-account slices: everything `/stake` needs for one address, cut from a Snapshot in one pass. */
import { toKusamaAddress } from '../address/parse.js';
import type { Snapshot } from '../types/snapshot.js';
import type { Address } from '../types/staking.js';
import { claimablePageCount, exposureRewardSplit } from './payout.js';
import { type PoolAccounts, type PoolCache, poolAccountsOf, poolMembership } from './pool-slice.js';
import { recentEraRewards, recentPaidEraSet } from './recent-rewards.js';
import type {
  AccountEraReward,
  AccountExposure,
  AccountStakingSlice,
  TargetSlice,
  ValidatorEraFigures,
} from './slice-types.js';
import { indexSnapshot, type SnapshotIndex } from './snapshot-index.js';

export function emptyAccountSlice(address: Address): AccountStakingSlice {
  return {
    address,
    stash: null,
    viaController: false,
    ledger: null,
    payee: null,
    nominations: null,
    validatorPrefs: null,
    targets: [],
    exposures: [],
    validatorEras: [],
    eraRewards: [],
    eraRewardsSplit: true,
    exposedEras: 0,
    claimedPages: 0,
    pool: null,
    poolAccount: null,
  };
}

function figuresFor(idx: SnapshotIndex, exposures: readonly AccountExposure[]): ValidatorEraFigures[] {
  const out: ValidatorEraFigures[] = [];
  const seen = new Set<ValidatorEraFigures>();
  for (const e of exposures) {
    const f = idx.figures(e.era, e.validator);
    if (f && !seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  }
  return out;
}

/**
 * Splits a stash's exposures into those a view needs in full (the active era's, and unclaimed
 * pages of paid eras) and per-era reward estimates for everything else.
 */
function keptExposures(
  idx: SnapshotIndex,
  all: readonly AccountExposure[],
): { kept: AccountExposure[]; eraRewards: AccountEraReward[]; claimedPages: number; exposedEras: number } {
  const kept: AccountExposure[] = [];
  let claimedPages = 0;
  const byEra = new Map<number, bigint>();
  const commissionByEra = new Map<number, bigint>();
  const eras = new Set<number>();
  // Estimates are kept for the APY window only: the bigint maths for older eras would be thrown away.
  const recent = recentPaidEraSet(idx);
  for (const e of all) {
    if (e.era === idx.activeEra) {
      kept.push(e);
      continue;
    }
    const h = idx.historyByEra.get(e.era);
    const figures = idx.figures(e.era, e.validator);
    if (!h || h.validatorReward === null || !figures) continue;
    eras.add(e.era);
    if (recent.has(e.era)) {
      const { stake, commission } = exposureRewardSplit(
        { eraReward: h.validatorReward, totalPoints: h.rewardPoints.total, figures },
        e,
      );
      byEra.set(e.era, (byEra.get(e.era) ?? 0n) + stake + commission);
      if (commission > 0n) commissionByEra.set(e.era, (commissionByEra.get(e.era) ?? 0n) + commission);
    }
    // A validator's own stake is paid with every page; a nomination with its own page.
    const pages = e.own ? claimablePageCount(figures) : 1;
    const unclaimed = e.own ? figures.claimed.length < pages : !figures.claimed.includes(e.page);
    if (unclaimed) kept.push(e);
    else claimedPages += pages;
  }
  const eraRewards: AccountEraReward[] = recentEraRewards(idx, byEra).map((r) => {
    const commission = commissionByEra.get(r.era);
    return commission === undefined ? r : { ...r, commission };
  });
  return { kept, eraRewards, claimedPages, exposedEras: eras.size };
}

interface BuildState {
  idx: SnapshotIndex;
  poolCache: PoolCache;
  poolAccounts: PoolAccounts;
}

function sliceFor(state: BuildState, address: Address): AccountStakingSlice {
  const { idx } = state;
  const { staking, pools } = idx.snapshot;
  const controlled = staking.ledgers[address] ? undefined : idx.stashOfController.get(address);
  const hasOwnRole =
    staking.ledgers[address] !== undefined ||
    staking.nominators[address] !== undefined ||
    staking.validators[address] !== undefined ||
    idx.exposuresOf.has(address);
  const stash = controlled ?? (hasOwnRole ? address : null);
  const slice = emptyAccountSlice(address);
  slice.poolAccount = state.poolAccounts.get(address) ?? null;

  if (stash !== null) {
    const nominations = staking.nominators[stash] ?? null;
    const activeHistory = idx.historyByEra.get(idx.activeEra);
    const targets: TargetSlice[] = (nominations?.targets ?? []).map((validator) => {
      const active = idx.activeSet.has(validator);
      return {
        validator,
        prefs: staking.validators[validator] ?? null,
        active,
        activeEraCommission: active ? (activeHistory?.prefs[validator]?.commission ?? 0) : null,
      };
    });
    const {
      kept: exposures,
      eraRewards,
      claimedPages,
      exposedEras,
    } = keptExposures(idx, idx.exposuresOf.get(stash) ?? []);
    slice.stash = stash;
    slice.viaController = controlled !== undefined;
    slice.ledger = staking.ledgers[stash] ?? null;
    const lastValidatorEra = staking.lastValidatorEra[stash];
    if (lastValidatorEra !== undefined) slice.lastValidatorEra = lastValidatorEra;
    slice.payee = staking.payees[stash] ?? null;
    slice.nominations = nominations;
    slice.validatorPrefs = staking.validators[stash] ?? null;
    slice.targets = targets;
    slice.exposures = exposures;
    slice.validatorEras = figuresFor(idx, exposures);
    slice.eraRewards = eraRewards;
    slice.exposedEras = exposedEras;
    slice.claimedPages = claimedPages;
  }

  const member = pools.members[address];
  if (member) slice.pool = poolMembership(idx, member, state.poolCache);
  return slice;
}

/** Every account with a staking role: stashes, controllers, nominators, validators, pool members, past exposures. */
export function buildAccountSlices(
  snapshot: Snapshot,
  idx: SnapshotIndex = indexSnapshot(snapshot),
): Map<Address, AccountStakingSlice> {
  const state: BuildState = { idx, poolCache: new Map(), poolAccounts: poolAccountsOf(snapshot) };
  const { staking, pools } = snapshot;
  const addresses = new Set<Address>();
  for (const ledger of Object.values(staking.ledgers)) {
    addresses.add(ledger.stash);
    addresses.add(ledger.controller);
  }
  for (const key of Object.keys(staking.nominators)) addresses.add(key);
  for (const key of Object.keys(staking.validators)) addresses.add(key);
  for (const key of Object.keys(pools.members)) addresses.add(key);
  for (const key of idx.exposuresOf.keys()) addresses.add(key);

  const out = new Map<Address, AccountStakingSlice>();
  for (const address of addresses) out.set(address, sliceFor(state, address));
  return out;
}

/** The slice of one account, given in any SS58 prefix; throws AddressError on an invalid address. */
export function buildAccountSlice(snapshot: Snapshot, input: string): AccountStakingSlice {
  const address = toKusamaAddress(input);
  const { staking, pools } = snapshot;
  const stash = staking.ledgers[address] ? address : undefined;
  const controlledStash = Object.values(staking.ledgers).find((l) => l.controller === address)?.stash;
  const poolId = pools.members[address]?.poolId;
  const bonded = poolId === undefined ? undefined : pools.pools[poolId]?.bondedAccount;
  const only = new Set<Address>([address]);
  for (const extra of [stash, controlledStash, bonded]) if (extra) only.add(extra);
  const idx = indexSnapshot(snapshot, only);
  return sliceFor({ idx, poolCache: new Map(), poolAccounts: poolAccountsOf(snapshot) }, address);
}
