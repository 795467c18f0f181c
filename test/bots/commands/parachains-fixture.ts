/**
 * Parachains, coretime and crowdloan refunds built by hand from the contract's types, relative to
 * a relay block `now`: paras in every lifecycle (one without a name in the table, one whose head
 * stalled), relay cores on a task, split with the pool, on the pool only and idle, a bulk sale in
 * its lead-in, renewals due, renewed, partial and lapsed, a lease, reservations, an auto-renewal,
 * on-demand traffic, and crowdloan contributions and deposits withdrawable now, later, and waiting
 * on other contributions.
 */
import { RELAY_BLOCKS_PER_DAY, RELAY_BLOCKS_PER_HOUR } from '../../../core/kusama/constants.js';
import type { CrowdloanAccount, CrowdloanIndex, ParachainsEntity } from '../../../core/snapshot/entities.js';
import type {
  AhDeposit,
  BrokerConfig,
  CoreAssignment,
  CrowdloanContribution,
  ParaLifecycle,
  ParaRecord,
  RelayCore,
  SaleInfo,
  ScheduleItem,
} from '../../../core/types/parachains.js';
import { ALICE, BOB, CAROL, ksm } from './treasury-fixture.js';

export const DAY = RELAY_BLOCKS_PER_DAY;
export const HOUR = RELAY_BLOCKS_PER_HOUR;
export const PERIOD = 80;
export const FULL = '0xffffffffffffffffffff';
export const HALF = '0xffffffffff0000000000';
/** A crowdloan fund's account (prefix 2). */
export const FUND = 'F3opxRbN5ZbjJNU511Kj2TLuzFcDq9BGduA9TgiECafpg29';
export const PARTS_FULL = 57_600;

const task = (para: number): CoreAssignment => ({ type: 'task', para });
const item = (mask: string, assignment: CoreAssignment): ScheduleItem => ({ mask, assignment });
const hash = (n: number) => `0x${n.toString(16).padStart(4, '0').repeat(16)}`;

export interface ParachainsFixture {
  now: number;
  entity: ParachainsEntity;
  config: BrokerConfig;
  sale: SaleInfo;
  accounts: CrowdloanAccount[];
  index: CrowdloanIndex;
}

function para(
  id: number,
  lifecycle: ParaLifecycle | null,
  headRelayBlock: number | null,
  extra: Partial<ParaRecord> = {},
): ParaRecord {
  return {
    id,
    lifecycle,
    listed: lifecycle === 'Parachain',
    manager: null,
    deposit: 0n,
    locked: null,
    head: headRelayBlock === null ? null : { hash: hash(id), number: 1_000_000 + id },
    headRelayBlock,
    ...extra,
  };
}

function relayCore(
  core: number,
  assignments: Array<[CoreAssignment, number]>,
  endHint: number | null = null,
): RelayCore {
  return {
    core,
    assignments: assignments.map(([assignment, parts]) => ({ assignment, parts })),
    endHint,
    upcoming: [],
  };
}

export function parachainsFixture(now: number): ParachainsFixture {
  const config: BrokerConfig = {
    advanceNotice: 10,
    interludeLength: 7 * DAY,
    leadinLength: 7 * DAY,
    regionLength: 5_040,
    idealBulkProportion: 400_000_000,
    limitCoresOffered: null,
    renewalBump: 30_000_000,
    contributionTimeout: 5_040,
  };
  // The sale's region begins 20 days on (rounded down to a timeslice); its lead-in began a day ago.
  const regionBegin = Math.floor((now + 20 * DAY) / PERIOD);
  const regionEnd = regionBegin + config.regionLength;
  const sale: SaleInfo = {
    saleStart: now - DAY,
    leadinLength: 7 * DAY,
    endPrice: ksm(5),
    regionBegin,
    regionEnd,
    idealCoresSold: 4,
    coresOffered: 10,
    firstCore: 40,
    selloutPrice: null,
    coresSold: 3,
  };
  const paras: ParaRecord[] = [
    para(1000, 'Parachain', now - 1),
    para(1001, 'Parachain', now - 2),
    para(2000, 'Parachain', now - 2, { manager: ALICE, deposit: ksm(100), locked: true }),
    para(2004, 'Parachain', now - 1, { manager: BOB, deposit: ksm(50), locked: false }),
    para(2007, 'Parathread', now - 3, { manager: CAROL, deposit: ksm(20) }),
    para(2023, 'Parachain', now - 1),
    para(2092, 'Parathread', now - 40 * DAY),
    // Live but stalled: its head has not advanced for 3 hours.
    para(2999, 'Parachain', now - 3 * HOUR, { manager: BOB, deposit: ksm(40), locked: false }),
    para(3000, 'Onboarding', null, { manager: CAROL, deposit: ksm(60) }),
    para(3001, 'OffboardingParachain', now - 9 * DAY),
    para(3002, 'UpgradingParathread', now - 5),
    para(3003, 'DowngradingParachain', now - 6),
    para(3004, null, null, { manager: ALICE, deposit: ksm(20), head: null }),
  ];
  const cores: RelayCore[] = [
    relayCore(0, [[task(1000), PARTS_FULL]]),
    relayCore(1, [[task(1001), PARTS_FULL]]),
    relayCore(2, [[{ type: 'pool' }, PARTS_FULL]]),
    relayCore(3, [[task(2000), PARTS_FULL]], regionBegin * PERIOD),
    relayCore(4, [[task(2004), PARTS_FULL]]),
    relayCore(5, [[task(2999), PARTS_FULL]], regionBegin * PERIOD),
    relayCore(7, [[task(2023), PARTS_FULL]]),
    relayCore(9, [
      [task(2007), PARTS_FULL / 2],
      [{ type: 'pool' }, PARTS_FULL / 2],
    ]),
    relayCore(10, []),
  ];
  const entity: ParachainsEntity = {
    relay: {
      block: now,
      paras,
      cores,
      coreCount: 12,
      onDemand: {
        traffic: 1_500_000_000_000_000_000n,
        baseFee: 10_000_000_000n,
        queued: [2092, 3002],
        maxQueueSize: 500,
      },
      nextFreeParaId: 3005,
    },
    coretime: {
      block: { hash: '0xc0', number: 5_000_000, specVersion: 1_006_001, relayBlock: now - 1 },
      timeslicePeriod: PERIOD,
      config,
      status: {
        coreCount: 12,
        privatePoolSize: 0,
        systemPoolSize: 57_600,
        lastCommittedTimeslice: Math.floor((now + 10) / PERIOD),
        lastTimeslice: Math.floor(now / PERIOD),
      },
      sale,
      leases: [{ para: 2004, until: regionEnd + config.regionLength }],
      reservations: [[item(FULL, task(1000))], [item(FULL, task(1001))], [item(FULL, { type: 'pool' })]],
      renewals: [
        {
          core: 3,
          when: regionBegin,
          price: ksm(3.2),
          completion: { type: 'complete', items: [item(FULL, task(2000))] },
        },
        {
          core: 5,
          when: regionBegin,
          price: ksm(2.9),
          completion: { type: 'complete', items: [item(FULL, task(2999))] },
        },
        {
          core: 7,
          when: regionEnd,
          price: ksm(3.3),
          completion: { type: 'complete', items: [item(FULL, task(2023))] },
        },
        { core: 9, when: regionBegin, price: ksm(1.5), completion: { type: 'partial', mask: HALF } },
        {
          core: 11,
          when: regionBegin - config.regionLength,
          price: ksm(2.5),
          completion: { type: 'complete', items: [item(FULL, task(2092))] },
        },
      ],
      autoRenewals: [{ core: 7, para: 2023, nextRenewal: regionEnd }],
      workplan: [
        { timeslice: regionBegin, core: 4, items: [item(FULL, task(2004))] },
        { timeslice: regionBegin, core: 7, items: [item(FULL, task(2023))] },
      ],
      workload: [
        { core: 0, items: [item(FULL, task(1000))] },
        { core: 1, items: [item(FULL, task(1001))] },
        { core: 2, items: [item(FULL, { type: 'pool' })] },
        { core: 3, items: [item(FULL, task(2000))] },
        { core: 4, items: [item(FULL, task(2004))] },
        { core: 5, items: [item(FULL, task(2999))] },
        { core: 7, items: [item(FULL, task(2023))] },
        { core: 9, items: [item(HALF, task(2007))] },
      ],
    },
  };
  const contribution = (
    block: number,
    p: number,
    contributor: string,
    amount: bigint,
  ): CrowdloanContribution => ({
    block,
    para: p,
    contributor,
    fundAccount: FUND,
    amount,
  });
  const deposit = (
    kind: AhDeposit['kind'],
    block: number,
    p: number,
    account: string,
    amount: bigint,
  ): AhDeposit => ({
    kind,
    block,
    para: p,
    account,
    amount,
  });
  const accounts: CrowdloanAccount[] = [
    {
      address: ALICE,
      contributions: [
        contribution(now - 2 * DAY, 2000, ALICE, ksm(150)),
        contribution(now + 3 * DAY, 2023, ALICE, ksm(20.5)),
      ],
      deposits: [
        deposit('crowdloan', now - 2 * DAY, 2000, ALICE, ksm(5)),
        deposit('lease', now - DAY, 2004, ALICE, ksm(100)),
      ],
    },
    { address: BOB, contributions: [contribution(now - 2 * DAY, 2000, BOB, ksm(10))], deposits: [] },
    {
      address: CAROL,
      contributions: [],
      deposits: [deposit('crowdloan', now - 5 * DAY, 2088, CAROL, ksm(5))],
    },
  ];
  const index: CrowdloanIndex = {
    entries: accounts
      .flatMap((a) => [
        ...a.contributions.map((c) => ({
          kind: 'contribution' as const,
          block: c.block,
          para: c.para,
          address: a.address,
          amount: c.amount,
        })),
        ...a.deposits.map((d) => ({
          kind: d.kind,
          block: d.block,
          para: d.para,
          address: a.address,
          amount: d.amount,
        })),
      ])
      .sort(
        (x, y) =>
          x.block - y.block ||
          x.para - y.para ||
          x.kind.localeCompare(y.kind) ||
          x.address.localeCompare(y.address),
      ),
  };
  return { now, entity, config, sale, accounts, index };
}

/** Many live paras, onboarding and offboarding ones, renewals and contributions: what must still fit. */
export function bigParachainsFixture(now: number): ParachainsFixture {
  const f = parachainsFixture(now);
  const relay = f.entity.relay!;
  const coretime = f.entity.coretime!;
  const extra = Array.from({ length: 80 }, (_, i) => 4000 + i);
  relay.paras.push(
    ...extra.map((id, i) =>
      para(id, i < 60 ? 'Parachain' : i < 70 ? 'Onboarding' : 'OffboardingParathread', now - 1, {
        manager: ALICE,
        deposit: ksm(10),
      }),
    ),
  );
  relay.cores.push(...extra.slice(0, 60).map((id, i) => relayCore(20 + i, [[task(id), PARTS_FULL]])));
  relay.coreCount = 100;
  coretime.renewals.push(
    ...extra.slice(0, 30).map((id, i) => ({
      core: 20 + i,
      when: f.sale.regionBegin,
      price: ksm(3 + i / 10),
      completion: { type: 'complete' as const, items: [item(FULL, task(id))] },
    })),
  );
  const alice = f.accounts[0]!;
  alice.contributions.push(
    ...extra.slice(0, 25).map((id, i) => ({
      block: now - DAY + i * HOUR,
      para: id,
      contributor: ALICE,
      fundAccount: FUND,
      amount: ksm(1 + i),
    })),
  );
  return f;
}
