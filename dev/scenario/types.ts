/** The scenario's public shapes: what it seeds, what a correct snapshot reader must read back, and fixtures. */
import type { AccountName } from '../../core/identity/identity-types.js';
import type { Address, ChainAnchor, EndedStatus, Snapshot } from '../../core/types/index.js';
import type { IdentityFixtures } from './identity-model.js';

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
export type ScenarioExpected = Omit<Snapshot, 'anchor'> & {
  anchor: Omit<ChainAnchor, 'blockHash' | 'blockNumber' | 'genesisHash'>;
};

export type ReferendumPhase = 'preparing' | 'queued' | 'deciding' | 'confirming' | EndedStatus;

/** A conviction-voting vote as `ConvictionVoting.VotingFor` stores it. */
export type VoteSpec =
  | { kind: 'Standard'; aye: boolean; conviction: number; balance: bigint }
  | { kind: 'Split'; aye: bigint; nay: bigint }
  | { kind: 'SplitAbstain'; aye: bigint; nay: bigint; abstain: bigint };

export type VotingRecord =
  | { kind: 'Casting'; who: Address; track: number; votes: Array<{ refId: number; vote: VoteSpec }> }
  | { kind: 'Delegating'; who: Address; track: number; target: Address; conviction: number; balance: bigint };

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
  /** System.Account data of every seeded account. */
  balances: Record<Address, AccountBalance>;
  /** Named accounts on the People chain (absent from fixtures built without it). */
  identities?: IdentityFixtures;
}

/** What the dev People chain holds, and the names a correct reader shows. */
export interface PeopleScenario {
  /** Every pair to seed into the dev People chain, sorted by key. */
  storage: StoragePair[];
  expected: Record<Address, AccountName>;
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
  /** How many mutations produced this scenario; keeps their random draws distinct. */
  generation: number;
}

export interface ScenarioChange {
  scenario: Scenario;
  /** Exactly the keys this mutation wrote or removed. */
  changes: StorageChange[];
  /** The storage items touched, as "Pallet.Item", sorted. */
  items: string[];
}
