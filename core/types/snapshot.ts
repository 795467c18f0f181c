/**
 * One consistent view of Kusama, read at one pinned block per chain. The snapshot job builds it,
 * the store persists it as a version, and every command and alert reads from it.
 */
import type { ProposalCall } from '../opengov/title.js';
import type { StakingConstants } from './chain-constants.js';
import type { ReferendumInfo, TrackInfo } from './governance.js';
import type { ParachainsState } from './parachains.js';
import type {
  ActiveEra,
  Address,
  BondedPool,
  EraHistory,
  Nominations,
  PoolMember,
  PoolRules,
  RewardDestination,
  SlashRecord,
  StakingLedger,
  ValidatorPrefs,
} from './staking.js';
import type { BountiesState, TreasuryState } from './treasury.js';
import type { VoterRecord, VotingRules } from './voting.js';

export interface ChainAnchor {
  /** Asset Hub block hash and number the snapshot was read at. */
  blockHash: string;
  blockNumber: number;
  /** Relay block number "now" (ParachainSystem.LastRelayChainBlockNumber or the relay head). */
  relayBlock: number;
  /** Timestamp.Now on Asset Hub, ms. */
  timestampMs: number;
  specVersion: number;
  /** The chain's genesis hash: what tells one chain's snapshots from another's. */
  genesisHash: string;
}

export interface Issuance {
  total: bigint;
  inactive: bigint;
}

export interface StakingState {
  activeEra: ActiveEra;
  /** The planned era (staking.currentEra). */
  currentEra: number | null;
  minNominatorBond: bigint;
  minimumActiveStake: bigint;
  validators: Record<Address, ValidatorPrefs>;
  nominators: Record<Address, Nominations>;
  /** Keyed by stash. */
  ledgers: Record<Address, StakingLedger>;
  payees: Record<Address, RewardDestination>;
  /** The history window (HistoryDepth eras), newest last; the active era is included, unpaid. */
  history: EraHistory[];
  /** Earliest era in the offence queue, if any offence is still being processed. */
  offenceQueueEarliestEra: number | null;
  /** Staking.LastValidatorEra: the last era each stash was elected in (none before statemine 2,003,000). */
  lastValidatorEra: Record<Address, number>;
  /** Every applied slash still on chain and every unapplied one, sorted by era, validator, kind. */
  slashes: SlashRecord[];
}

export interface PoolsState {
  pools: Record<number, BondedPool>;
  members: Record<Address, PoolMember>;
  rules: PoolRules;
}

export interface GovernanceState {
  referendumCount: number;
  referenda: Record<number, ReferendumInfo>;
  tracks: TrackInfo[];
  decidingCount: Record<number, number>;
  trackQueue: Record<number, Array<{ id: number; ayes: bigint }>>;
  /** Short human summary of each ongoing proposal, or its hash when the preimage is missing. */
  proposalSummaries: Record<number, string>;
  /** The decoded call of each ongoing proposal whose call is known, for its title. */
  proposalCalls?: Record<number, ProposalCall>;
}

/** How much a snapshot holds, for status answers and the operator. */
export interface SnapshotCounts {
  validators: number;
  nominators: number;
  poolMembers: number;
  referenda: number;
  accounts: number;
  /** Treasury spends on chain (absent when the runtime has no treasury, or before it was read). */
  spends?: number;
  /** Live bounties of both pallets (absent without a bounty pallet). */
  bounties?: number;
  /** Paras the relay chain knows (absent when the relay chain was not read). */
  paras?: number;
}

export interface Snapshot {
  anchor: ChainAnchor;
  issuance: Issuance;
  /** The staking rules of the runtime read (its metadata's constants, at the pinned block). */
  constants: StakingConstants;
  staking: StakingState;
  pools: PoolsState;
  governance: GovernanceState;
  /**
   * Conviction voting of every account with a `VotingFor` or `ClassLocksFor` entry, and of every
   * watched address (an empty record when it has none).
   */
  voting: Record<Address, VoterRecord>;
  /** The runtime's voting rules and call indices; null when it has no ConvictionVoting pallet. */
  votingRules: VotingRules | null;
  /** The treasury, its holdings and spends; null when the runtime has no Treasury pallet. */
  treasury: TreasuryState | null;
  /** The bounties of `Bounties`/`ChildBounties` and `MultiAssetBounties`; null without a Bounties pallet. */
  bounties: BountiesState | null;
  /**
   * Parachains, cores and coretime (relay chain and Coretime chain) and the crowdloan refunds on
   * Asset Hub; absent or null when none of those chains was read.
   */
  parachains?: ParachainsState | null;
  /** Pallets or values that could not be read or decoded, for the operator. */
  warnings: string[];
}
