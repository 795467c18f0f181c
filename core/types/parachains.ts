/**
 * Parachains, coretime and crowdloan refunds as the three Kusama chains store them:
 * - the relay chain (`Paras`, `Registrar`, `ParaScheduler`, `OnDemandAssignmentProvider`,
 *   `Configuration`): which paras exist, in which lifecycle, their latest head, what each core runs;
 * - the Coretime chain (para 1005, `Broker`): the bulk sale, leases, reservations, renewals, plans;
 * - Asset Hub (`AhOps`): crowdloan contributions and deposits waiting to be returned.
 *
 * Units: relay block numbers are relay-chain blocks (6 s). Broker timeslices are `timeslicePeriod`
 * relay blocks each (80 on Kusama): timeslice t starts at relay block t × timeslicePeriod. Every
 * amount is in planck (KSM, 12 decimals). Nothing here is an Asset Hub or Coretime block number.
 */
import type { Address } from './staking.js';

/** `Paras.ParaLifecycles`, as stored. */
export type ParaLifecycle =
  | 'Onboarding'
  | 'Parathread'
  | 'Parachain'
  | 'UpgradingParathread'
  | 'DowngradingParachain'
  | 'OffboardingParathread'
  | 'OffboardingParachain';

/** `CoreAssignment` (pallet_broker's coretime interface, used by both the relay and the broker). */
export type CoreAssignment = { type: 'task'; para: number } | { type: 'pool' } | { type: 'idle' };

/** One para as the relay chain knows it. */
export interface ParaRecord {
  id: number;
  /** `Paras.ParaLifecycles`; null when only `Registrar.Paras` has it (an id reserved, no code yet). */
  lifecycle: ParaLifecycle | null;
  /** Listed in `Paras.Parachains`. */
  listed: boolean;
  /** `Registrar.Paras`: who manages it, the deposit held, and whether it is locked (null: not set). */
  manager: Address | null;
  deposit: bigint | null;
  locked: boolean | null;
  /** `Paras.Heads`: its latest head, as the para block's hash (blake2-256 of the head data) and number. */
  head: { hash: string; number: number | null } | null;
  /** `Paras.MostRecentContext`: the relay block whose context its latest head was built in. */
  headRelayBlock: number | null;
}

/** One core's work on the relay chain (`ParaScheduler.CoreDescriptors` and `CoreSchedules`). */
export interface RelayCore {
  core: number;
  /** What the core runs now (`current_work`), each with its share in 57,600ths; empty when idle. */
  assignments: Array<{ assignment: CoreAssignment; parts: number }>;
  /** Relay block at which the current work ends, when the broker said (`end_hint`). */
  endHint: number | null;
  /** Queued schedules (`CoreSchedules`), by the relay block they start at, earliest first. */
  upcoming: Array<{
    block: number;
    assignments: Array<{ assignment: CoreAssignment; parts: number }>;
    endHint: number | null;
  }>;
}

/** The on-demand market (`OnDemandAssignmentProvider.OrderStatus`, `Configuration.ActiveConfig`). */
export interface OnDemandState {
  /** `OrderStatus.traffic`, the raw FixedU128 (1e18 = 1). */
  traffic: bigint;
  /** `ActiveConfig.scheduler_params.on_demand_base_fee`, planck. */
  baseFee: bigint;
  /** Orders waiting in the queue, by para. */
  queued: number[];
  maxQueueSize: number;
}

export interface RelayParachainsState {
  /** The relay block read (the snapshot's pinned relay block). */
  block: number;
  paras: ParaRecord[];
  cores: RelayCore[];
  /** `ActiveConfig.scheduler_params.num_cores`. */
  coreCount: number;
  onDemand: OnDemandState | null;
  /** `Registrar.NextFreeParaId`. */
  nextFreeParaId: number | null;
}

/** `Broker.Configuration` (lengths of `advanceNotice`, `interludeLength`, `leadinLength` in relay blocks; `regionLength` in timeslices). */
export interface BrokerConfig {
  advanceNotice: number;
  interludeLength: number;
  leadinLength: number;
  regionLength: number;
  /** Perbill (1e9 = 100 %). */
  idealBulkProportion: number;
  limitCoresOffered: number | null;
  /** Perbill. */
  renewalBump: number;
  contributionTimeout: number;
}

/** `Broker.Status`. */
export interface BrokerStatus {
  coreCount: number;
  privatePoolSize: number;
  systemPoolSize: number;
  lastCommittedTimeslice: number;
  lastTimeslice: number;
}

/** `Broker.SaleInfo`: `saleStart` and `leadinLength` in relay blocks; `regionBegin`/`regionEnd` in timeslices. */
export interface SaleInfo {
  saleStart: number;
  leadinLength: number;
  endPrice: bigint;
  regionBegin: number;
  regionEnd: number;
  idealCoresSold: number;
  coresOffered: number;
  firstCore: number;
  selloutPrice: bigint | null;
  coresSold: number;
}

/** A `ScheduleItem`: a part of a core (its 80-bit `mask` as hex) and what runs on it. */
export interface ScheduleItem {
  mask: string;
  assignment: CoreAssignment;
}

/** One `Broker.PotentialRenewals` entry: `core` may be renewed in the sale whose region begins at `when`. */
export interface PotentialRenewal {
  core: number;
  /** Timeslice: the sale whose `regionBegin` equals it is the one to renew in. */
  when: number;
  price: bigint;
  /** `Complete` (the workload that renews) or `Partial` (not renewable: the core was not fully assigned). */
  completion: { type: 'complete'; items: ScheduleItem[] } | { type: 'partial'; mask: string };
}

/** One `Broker.AutoRenewals` entry. */
export interface AutoRenewal {
  core: number;
  para: number;
  /** Timeslice of the next renewal. */
  nextRenewal: number;
}

export interface CoretimeState {
  /** The Coretime chain block read, and the relay block it last saw (`ParachainSystem.LastRelayChainBlockNumber`). */
  block: { hash: string; number: number; specVersion: number; relayBlock: number | null };
  /** `Broker.TimeslicePeriod`, relay blocks per timeslice (from the metadata). */
  timeslicePeriod: number;
  config: BrokerConfig | null;
  status: BrokerStatus | null;
  sale: SaleInfo | null;
  /** `Broker.Leases`: legacy leases, each until a timeslice. */
  leases: Array<{ para: number; until: number }>;
  /** `Broker.Reservations`: the workloads reserved every region (system paras), in order. */
  reservations: ScheduleItem[][];
  renewals: PotentialRenewal[];
  autoRenewals: AutoRenewal[];
  /** `Broker.Workplan`: what each core will run from a timeslice on, by timeslice then core. */
  workplan: Array<{ timeslice: number; core: number; items: ScheduleItem[] }>;
  /** `Broker.Workload`: what each core runs in the current region, by core. */
  workload: Array<{ core: number; items: ScheduleItem[] }>;
}

/** `AhOps.RcCrowdloanContribution`: `amount` returns to `contributor` from relay block `block` on. */
export interface CrowdloanContribution {
  block: number;
  para: number;
  contributor: Address;
  /** The crowdloan's account that holds the funds until withdrawn. */
  fundAccount: Address;
  amount: bigint;
}

/** `AhOps.RcLeaseReserve` or `AhOps.RcCrowdloanReserve`: a deposit unreserved from relay block `block` on. */
export interface AhDeposit {
  kind: 'lease' | 'crowdloan';
  block: number;
  para: number;
  account: Address;
  amount: bigint;
}

export interface CrowdloanState {
  contributions: CrowdloanContribution[];
  deposits: AhDeposit[];
}

/** Everything the three chains say about parachains, each part null when its chain or pallet was not read. */
export interface ParachainsState {
  relay: RelayParachainsState | null;
  coretime: CoretimeState | null;
  crowdloan: CrowdloanState | null;
}
