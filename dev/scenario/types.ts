/** The scenario's public shapes: what it seeds, what a correct snapshot reader must read back, and fixtures. */
import type { AccountName } from '../../core/identity/identity-types.js';
import type { Address, ChainAnchor, EndedStatus, ParachainsState, Snapshot } from '../../core/types/index.js';
import type { IdentityFixtures } from './identity-model.js';
import type { ParachainCases } from './parachains-model.js';
import type { TreasuryCases } from './treasury-scenario.js';

export type ScenarioSize = 'small' | 'kusama';

/** A storage key and its SCALE value, both 0x-prefixed hex. */
export type StoragePair = [key: string, value: string];

/** A storage write for `dev_setStorage`: `null` removes the key. */
export type StorageChange = [key: string, value: string | null];

export interface ScenarioProgress {
  stage: string;
  done: number;
  total: number;
}

export interface ScenarioOptions {
  size: ScenarioSize;
  /** Same seed, same bytes. Defaults to 1. */
  seed?: number;
  /** The dev Asset Hub runtime's spec version whose metadata encodes every key and value. */
  runtime?: number;
  onProgress?: (progress: ScenarioProgress) => void;
}

/**
 * A snapshot minus the Asset Hub block it was read at and the chain's genesis (the dev chain's):
 * exactly what a correct reader reads back.
 */
export type ScenarioExpected = Omit<Snapshot, 'anchor' | 'parachains'> & {
  anchor: Omit<ChainAnchor, 'blockHash' | 'blockNumber' | 'genesisHash'>;
  /**
   * What the relay chain, the Coretime chain and Asset Hub's `AhOps` hold about parachains
   * (parachains-model.ts); `coretime.block.hash` and `.number` are the dev chain's, left empty.
   */
  parachains: ParachainsState;
};

export type ReferendumPhase = 'preparing' | 'queued' | 'deciding' | 'confirming' | EndedStatus;

/** A conviction-voting vote as `ConvictionVoting.VotingFor` stores it. */
export type VoteSpec =
  | { kind: 'Standard'; aye: boolean; conviction: number; balance: bigint }
  | { kind: 'Split'; aye: bigint; nay: bigint }
  | { kind: 'SplitAbstain'; aye: bigint; nay: bigint; abstain: bigint };

/** `PriorLock(until, amount)`: funds a removed vote or an ended delegation keeps locked (relay block). */
export interface PriorSpec {
  until: number;
  amount: bigint;
}

/**
 * One `ConvictionVoting.VotingFor(who, track)` value. Casting votes are ascending by referendum, as
 * the pallet keeps them; `prior` defaults to none. An account's records in this list's order are the
 * order its `ClassLocksFor` entries were pushed (chain order).
 */
export type VotingRecord =
  | {
      kind: 'Casting';
      who: Address;
      track: number;
      votes: Array<{ refId: number; vote: VoteSpec }>;
      prior?: PriorSpec;
    }
  | {
      kind: 'Delegating';
      who: Address;
      track: number;
      target: Address;
      conviction: number;
      balance: bigint;
      prior?: PriorSpec;
    };

/** A named voter of the scenario: its address, the track the case is about and the referenda it voted on. */
export interface VoterCase {
  address: Address;
  track: number;
  referenda: number[];
}

/**
 * The named voters tests look up (every scenario size has each one):
 * - `direct`: standard votes with conviction (aye Locked3x, nay Locked1x) on ongoing referenda;
 * - `split`, `splitAbstain`: one split / split-abstain vote on an ongoing referendum;
 * - `delegate`: votes itself on an ongoing referendum and receives delegations from `delegators` on that track;
 * - `delegating`: delegates on that track to `delegate` (Locked2x);
 * - `priorLocked`: no votes, a prior lock that ends in the future (`prior.until` > the relay block);
 * - `priorExpired`: no votes, a prior lock already over: `unlock` frees it now;
 * - `endedWinner`: a conviction aye on an approved referendum whose lock period has not ended (`until`);
 * - `endedFree`: an aye on a rejected referendum (losing side) and a vote on a cancelled or timed-out
 *   one (no poll): both removable now, freeing the class lock;
 * - `noVotes`: an address with no voting record and no class lock.
 */
export interface VoterCases {
  direct: VoterCase;
  split: VoterCase;
  splitAbstain: VoterCase;
  delegate: VoterCase & { delegators: Address[] };
  delegating: VoterCase & { target: Address; conviction: number; balance: bigint };
  priorLocked: VoterCase & { prior: PriorSpec };
  priorExpired: VoterCase & { prior: PriorSpec };
  endedWinner: VoterCase & { conviction: number; until: number };
  endedFree: VoterCase;
  noVotes: { address: Address };
}

export interface ProposalFixture {
  refId: number;
  hash: string;
  len: number;
  /** `pallet.call` of the proposal, e.g. "treasury.spend". */
  call: string;
  callHex: string;
  /** Whether `Preimage.PreimageFor` holds the bytes (Inline proposals carry them in the referendum). */
  preimageStored: boolean;
}

export interface AccountBalance {
  free: bigint;
  reserved: bigint;
  frozen: bigint;
}

export interface ScenarioFixtures {
  eras: { active: number; current: number; oldest: number; expiresNext: number };
  validators: {
    elected: Address[];
    /** Validators with prefs that were not elected in the active era. */
    waiting: Address[];
    blocked: Address;
    /** A former validator (ledger, no prefs) that nominators still target. */
    chilled: Address;
    /** A validator with several exposure pages, some claimed and some not, in `era`. */
    partlyClaimed: {
      validator: Address;
      era: number;
      pageCount: number;
      claimed: number[];
      unclaimed: number[];
    };
  };
  nominators: {
    allTargetsActive: Address;
    noTargetsActive: Address;
    /** Targets are elected but its stake is in no exposure (below the minimum active stake). */
    notExposed: Address;
    /** Exposed on page > 0 of a paged validator in the active era. */
    onLaterPage: { nominator: Address; validator: Address; page: number };
  };
  controllerNotStash: { stash: Address; controller: Address };
  ledgers: { withdrawableChunk: Address; lockedChunk: Address };
  pools: { poolId: number; member: Address; unbondingMember: Address; depositor: Address };
  referenda: Record<ReferendumPhase, number[]>;
  proposals: ProposalFixture[];
  voting: VotingRecord[];
  /** The named voters (see `VoterCases`). */
  voterCases: VoterCases;
  /** System.Account data of every seeded account. */
  balances: Record<Address, AccountBalance>;
  /** The named treasury spends, bounties and accounts (see `TreasuryCases`). */
  treasuryCases: TreasuryCases;
  /** Named accounts on the People chain (absent from fixtures built without it). */
  identities?: IdentityFixtures;
  /** The named paras, cores and crowdloan accounts (see `ParachainCases`). */
  parachainCases: ParachainCases;
}

/** What the dev People chain holds, and the names a correct reader shows. */
export interface PeopleScenario {
  /** Every pair to seed into the dev People chain, sorted by key. */
  storage: StoragePair[];
  expected: Record<Address, AccountName>;
}

/** What a dev chain other than Asset Hub holds: every pair to seed, sorted by key. */
export interface ChainStorage {
  storage: StoragePair[];
}

export interface Scenario {
  size: ScenarioSize;
  seed: number;
  /** The spec version of the runtime whose metadata encoded the storage. */
  runtime: number;
  /** Every pair to seed through `dev_setStorage`, sorted by key. */
  storage: StoragePair[];
  expected: ScenarioExpected;
  fixtures: ScenarioFixtures;
  /** The People chain's identities for the addresses above. */
  people: PeopleScenario;
  /** The relay chain's parachain storage (kusama 2,003,000 metadata). */
  relay: ChainStorage;
  /** The Coretime chain's storage (coretime-kusama 1,006,001 metadata). */
  coretime: ChainStorage;
  /** How many mutations produced this scenario; keeps their random draws distinct. */
  generation: number;
}

export interface ScenarioChange {
  scenario: Scenario;
  /** Exactly the keys this mutation wrote or removed. */
  changes: StorageChange[];
  /** The storage items touched, as "Pallet.Item", sorted. */
  items: string[];
  /** Exactly the keys written on the relay chain and the Coretime chain (parachain mutations). */
  relayChanges?: StorageChange[];
  coretimeChanges?: StorageChange[];
}
