/**
 * The snapshot entity contract: the kinds the store persists and the shapes of their data. The
 * snapshot job writes them (snapshot-entities.ts cuts a Snapshot into them); commands and alerts
 * read them back by kind and id.
 */
import type { ReferendumTitle } from '../reply/reply-types.js';
import type { ReferendumInfo } from '../types/governance.js';
import type { AhDeposit, CrowdloanContribution, ParachainsState } from '../types/parachains.js';
import type { Snapshot, SnapshotCounts } from '../types/snapshot.js';
import type { Bounty } from '../types/treasury.js';
import type { RuntimeRecord } from './runtime-record.js';

export const ENTITY = {
  /** What an account determines itself (`AccountRecord`, core/staking/stored-layout.ts); its era data is era-scoped. */
  account: 'account',
  /** A validator's own state (`ValidatorRecord`); its eras are in `era-validators`. */
  validator: 'validator',
  /** Per era and account shard: every stash's exposures, and its reward once the era is paid. */
  stakeEra: 'stake-era',
  /** Per era and validator bucket: each elected validator's figures (points once paid). */
  eraValidators: 'era-validators',
  /** Per era not paid yet: the elected validators' points, which grow every block. */
  eraPoints: 'era-points',
  /** Per group of eras: the claimed pages of every validator. */
  eraClaimed: 'era-claimed',
  /** `current`: the candidates' prefs and the active era's elected set with its commissions. */
  stakeSet: 'stake-set',
  referendum: 'referendum',
  /** An ongoing referendum's tally over time (core/opengov/tally-history.ts), for its chart. */
  tallyHistory: 'tally-history',
  pool: 'pool',
  era: 'era',
  tracks: 'tracks',
  index: 'index',
  status: 'status',
  /**
   * Conviction voting of one account (`VoterRecord`, core/types/voting.ts): every account with a
   * `VotingFor` or `ClassLocksFor` entry, and every watched address (an empty record when it has none).
   */
  voting: 'voting',
  /** The runtime's voting rules and call indices (`VotingRules`), id `current`. */
  votingRules: 'voting-rules',
  /** Every slash on chain, applied and unapplied. */
  slashes: 'slashes',
  /** The off-chain titles of referenda, kept between snapshots (core/opengov/title-cache.ts). */
  titles: 'titles',
  /** The on-chain name (People chain identity) of one shown address: an `AccountName`. */
  identity: 'identity',
  /** The treasury (`TreasuryState`, core/types/treasury.ts): holdings, constants, every spend; id `current`. */
  treasury: 'treasury',
  /** One bounty with its child bounties (`Bounty`); id = its ref (`12`, or `m3` for a multi-asset bounty). */
  bounty: 'bounty',
  /**
   * Parachains, cores and the coretime sale (`ParachainsEntity`): the relay and Coretime chain parts
   * of `ParachainsState`; id `current`.
   */
  parachains: 'parachains',
  /** One account's crowdloan contributions and deposits waiting on Asset Hub (`CrowdloanAccount`); id = the SS58 address. */
  crowdloan: 'crowdloan',
} as const;

/**
 * Kinds whose ids nobody asks for once a version has left them out: the era-scoped items of an era
 * that fell out of the window, or was paid (readers pick their eras from the era slice of the same
 * version). The store drops them from the manifest without writing a tombstone; their items simply
 * expire. A reader that did ask would still get the last value until then.
 */
export const LAPSING_KINDS: ReadonlySet<string> = new Set([
  ENTITY.stakeEra,
  ENTITY.eraValidators,
  ENTITY.eraPoints,
  ENTITY.eraClaimed,
]);

/**
 * Kinds whose items are written once or twice and then never change (an era's exposures and
 * validator figures: when the era begins and when it is paid). The store gives them a lifetime
 * longer than the 84-era window (30 days), so they leave it before they would need refreshing.
 */
export const LONG_LIVED_KINDS: ReadonlySet<string> = new Set([ENTITY.stakeEra, ENTITY.eraValidators]);

/**
 * One thing the snapshot describes. `data` is plain JSON-like values (objects, arrays, strings,
 * finite numbers, booleans, null) that may contain bigints; they come back as bigints on read.
 */
export interface Entity {
  kind: string;
  id: string;
  data: unknown;
}

export interface ReferendumEntity {
  info: ReferendumInfo;
  /** Short summary of the proposal call, or its hash when the preimage is missing. */
  proposal: string | null;
  /** Its off-chain title, else its call worded (absent when neither is known). */
  title?: ReferendumTitle;
  /** Deciding referenda on its track, and its place in the track queue if queued (1 = next to decide). */
  trackDecidingCount: number;
  queuePosition: number | null;
}

/**
 * Ids of the `index` kind: `referenda` (ReferendaIndex), `outcomes` (ReferendumOutcomes,
 * core/voting/outcomes.ts), `bounties` (BountyIndex) and `crowdloans` (CrowdloanIndex).
 */
export const INDEX_ID = {
  referenda: 'referenda',
  outcomes: 'outcomes',
  bounties: 'bounties',
  crowdloans: 'crowdloans',
} as const;

/** Id of the `parachains` entity. */
export const PARACHAINS_ID = 'current';

/** The `parachains/current` entity: the relay chain's and the Coretime chain's parts (null when not read). */
export type ParachainsEntity = Omit<ParachainsState, 'crowdloan'>;

/** The `crowdloan/<address>` entity: what comes back to one account, sorted by block then para. */
export interface CrowdloanAccount {
  address: string;
  contributions: CrowdloanContribution[];
  deposits: AhDeposit[];
}

/**
 * Every crowdloan contribution and deposit waiting on Asset Hub, one row each, sorted by block,
 * para, kind, address: what the withdrawable alerts and `/crowdloan` totals read.
 */
export interface CrowdloanIndex {
  entries: Array<{
    kind: 'contribution' | AhDeposit['kind'];
    block: number;
    para: number;
    address: string;
    amount: bigint;
  }>;
}

/** Id of the `treasury` entity. */
export const TREASURY_ID = 'current';

/** A bounty as the `index/bounties` entity lists it: no children, the description cut to 120 characters. */
export type BountySummary = Omit<Bounty, 'children'> & { childCount: number };

/** Every live bounty of both pallets, for `/bounties` and the alerts. */
export interface BountyIndex {
  bountyCount: number;
  multiAssetBountyCount: number | null;
  childBountyCount: number;
  /** `Bounties.BountyApprovals` in stored order (what the next spend period funds, in order). */
  approvals: number[];
  bounties: BountySummary[];
}

export interface ReferendaIndex {
  referendumCount: number;
  ongoing: Array<{
    id: number;
    track: number;
    proposal: string | null;
    info: ReferendumInfo;
    title?: ReferendumTitle;
  }>;
  /** The most recently ended referenda, newest first. */
  recentlyEnded: Array<{ id: number; status: string; block: number; title?: ReferendumTitle }>;
}

export interface StatusEntity {
  anchor: Snapshot['anchor'];
  issuance: Snapshot['issuance'];
  activeEra: number;
  counts: SnapshotCounts;
  warnings: string[];
  /** The runtime the data was read under and since when (absent in versions written before). */
  runtime?: RuntimeRecord;
}
