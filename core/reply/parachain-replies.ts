/**
 * The parachain, coretime and crowdloan answers: `/parachains`, `/para <id|name>`, `/coretime` and
 * `/crowdloan <address>`. Raw values stay raw (amounts as bigint planck, relay blocks and
 * timeslices as numbers with their estimated time, para ids, SS58 addresses, lifecycles, sale
 * phases and renewal states), so the wording layer words them and a test can compare them with the
 * three chains.
 */

import type { RefundCall } from '../coretime/crowdloan.js';
import type { ParaCoretime } from '../coretime/para-coretime.js';
import type { RenewalState } from '../coretime/renewal.js';
import type { SalePhase } from '../coretime/sale-phase.js';
import type { BlockTime } from '../opengov/time.js';
import type { AhDeposit, ParaLifecycle } from '../types/parachains.js';
import type { Address } from '../types/staking.js';
import type { AccountEcho, ReplyBase } from './reply-types.js';

export type { ParaCoretime, RefundCall, RenewalState, SalePhase };

/** A para id and its name from the table of Kusama paras (null: not in it). */
export interface ParaLabel {
  id: number;
  name: string | null;
}

/** A broker timeslice with the relay block it starts at and that block's time. */
export interface TimesliceTime {
  timeslice: number;
  at: BlockTime;
}

/** Relay cores counted by what they run now (`ParaScheduler.CoreDescriptors`' current work). */
export interface CoreCounts {
  /** `ActiveConfig.scheduler_params.num_cores`. */
  total: number;
  /** Assigned to at least one para (task). */
  inUse: number;
  /** Only the on-demand pool. */
  pool: number;
  /** Nothing assigned, or only idle. */
  idle: number;
}

export interface LiveParaRow {
  para: ParaLabel;
  lifecycle: ParaLifecycle | null;
  /** Relay cores assigned to it now. */
  cores: number[];
}

export interface ParachainsReply extends ReplyBase {
  type: 'parachains';
  relayBlock: number;
  /** Lifecycle `Parachain`, or assigned a relay core now; by id, cut to what the platforms fit. */
  live: LiveParaRow[];
  liveTotal: number;
  liveOmitted: number;
  /** `Onboarding`, by id (cut like `live`). */
  onboarding: ParaLabel[];
  onboardingOmitted: number;
  /** `OffboardingParathread` or `OffboardingParachain`, by id (cut like `live`). */
  offboarding: Array<{ para: ParaLabel; lifecycle: ParaLifecycle }>;
  offboardingOmitted: number;
  /** Paras in each other lifecycle, counted. */
  counts: { parathreads: number; upgrading: number; downgrading: number; registeredOnly: number };
  cores: CoreCounts;
}

/** One relay core assigned to the para now, with its share and when the broker said it ends. */
export interface ParaRelayCore {
  core: number;
  /** Its share, in 57,600ths. */
  parts: number;
  /** The relay block the current work ends at (`end_hint`), null when open-ended. */
  endsAt: BlockTime | null;
}

/** A renewal of the para's coretime, with its deadline as a time and the KSM it costs. */
export interface ParaRenewalView {
  core: number;
  /** The timeslice (a sale's `regionBegin`) it renews for. */
  when: TimesliceTime;
  price: bigint;
  state: RenewalState;
  /** For `due`: the relay block (and its time) the renewal must be made before. */
  deadline: BlockTime | null;
}

export interface ParaDetails {
  para: ParaLabel;
  lifecycle: ParaLifecycle | null;
  listed: boolean;
  manager: Address | null;
  deposit: bigint | null;
  locked: boolean | null;
  head: { hash: string; number: number | null } | null;
  /** The relay block its latest head was built in, with its time. */
  headRelayBlock: BlockTime | null;
  /** Relay blocks since then, at the snapshot's relay block (null without a head block). */
  headAgeBlocks: number | null;
  relayCores: ParaRelayCore[];
  /** What it holds on the Coretime chain (null when the Coretime chain was not read). */
  coretime: ParaCoretime | null;
  /** `coretime.heldUntil` as a time. */
  heldUntil: TimesliceTime | null;
  lease: TimesliceTime | null;
  renewals: ParaRenewalView[];
  /** Auto-renewal on (its next renewal timeslice) or off (null). */
  autoRenew: TimesliceTime | null;
}

export interface ParaReply extends ReplyBase {
  type: 'para';
  /** As typed. */
  query: string;
  relayBlock: number;
  /** Found, or why not. */
  result:
    | { type: 'found'; details: ParaDetails }
    | { type: 'unknown-id'; id: number }
    | { type: 'unknown-name'; text: string }
    | { type: 'ambiguous'; text: string; candidates: ParaLabel[] };
}

export interface SaleView {
  phase: SalePhase;
  saleStart: BlockTime;
  leadinEnd: BlockTime;
  /** When the sale rotates: the last moment to buy or renew in it is before this block. */
  saleEnd: BlockTime;
  /** `salePriceAt` the snapshot's relay block. */
  priceNow: bigint;
  /** The price the lead-in falls to and stays at. */
  endPrice: bigint;
  coresOffered: number;
  coresSold: number;
  coresAvailable: number;
  idealCoresSold: number;
  selloutPrice: bigint | null;
  regionBegin: TimesliceTime;
  regionEnd: TimesliceTime;
}

export interface RenewalDueRow {
  core: number;
  paras: ParaLabel[];
  price: bigint;
  deadline: BlockTime;
}

export interface OnDemandView {
  spotPrice: bigint;
  /** Raw FixedU128 traffic (1e18 = 1). */
  traffic: bigint;
  baseFee: bigint;
  queued: number;
  maxQueueSize: number;
}

export interface CoretimeReply extends ReplyBase {
  type: 'coretime';
  relayBlock: number;
  timeslicePeriod: number | null;
  /** Null when the Coretime chain or its sale was not read. */
  sale: SaleView | null;
  /** Due renewals, soonest deadline first, then by core; cut to what the platforms fit. */
  renewalsDue: RenewalDueRow[];
  renewalsDueOmitted: number;
  /** Entries already renewed for the next region, and lapsed ones, counted. */
  renewedCount: number;
  lapsedCount: number;
  onDemand: OnDemandView | null;
  /** Relay cores (`num_cores`), null when the relay part was not read. */
  relayCoreCount: number | null;
}

export interface ContributionRow {
  para: ParaLabel;
  block: BlockTime;
  amount: bigint;
  fundAccount: Address;
  withdrawable: boolean;
  /** The call that returns it (anyone may make it; it can be made from `block` on). */
  call: RefundCall;
}

export interface DepositRow {
  kind: AhDeposit['kind'];
  para: ParaLabel;
  block: BlockTime;
  amount: bigint;
  withdrawable: boolean;
  /** A crowdloan deposit: contributions of that crowdloan still to be withdrawn first (else 0). */
  contributionsLeft: number;
  /** The call that unreserves it, null while contributions are left. */
  call: RefundCall | null;
}

export interface CrowdloanReply extends ReplyBase {
  type: 'crowdloan';
  account: AccountEcho;
  relayBlock: number;
  /** Sorted by block, then para; cut to what the platforms fit. */
  contributions: ContributionRow[];
  contributionsOmitted: number;
  deposits: DepositRow[];
  depositsOmitted: number;
  totals: {
    /** Everything waiting for this account, contributions and deposits. */
    amount: bigint;
    /** What can be withdrawn or unreserved now (a deposit waiting on contributions is not). */
    withdrawableNow: bigint;
    count: number;
  };
}
