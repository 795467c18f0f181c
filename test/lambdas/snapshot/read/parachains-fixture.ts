/**
 * A small parachain picture written by hand for the reader tests: the storage of a relay chain, a
 * Coretime chain and Asset Hub's `AhOps`, encoded by the scenario's own encoder from each runtime's
 * metadata, and the values the readers must give back, written out as plain data.
 */
import { blake2AsHex } from '@polkadot/util-crypto';
import type {
  CoretimeState,
  CrowdloanState,
  RelayParachainsState,
} from '../../../../core/types/parachains.js';
import {
  assetHubRuntime,
  CORETIME_RUNTIME,
  RELAY_RUNTIME,
  registryFor,
} from '../../../../dev/chain/runtimes.js';
import { deriveAccount } from '../../../../dev/scenario/accounts.js';
import { StorageContext } from '../../../../dev/scenario/storage-context.js';
import type { StoragePair } from '../../../../dev/scenario/types.js';

export const RELAY_BLOCK = 30_000_000;
const acct = (i: number) => deriveAccount(5, 'para-test', i).address;
export const MANAGER_A = acct(1);
export const MANAGER_B = acct(2);
export const CONTRIBUTOR_1 = acct(3);
export const CONTRIBUTOR_2 = acct(4);
export const FUND = acct(5);
export const DEPOSITOR = acct(6);
const FULL = '0xffffffffffffffffffff';
const HALF = '0xffffffffff0000000000';

const context = (runtime: typeof RELAY_RUNTIME) => {
  const { registry, metadata } = registryFor(runtime);
  return new StorageContext(registry, metadata);
};

/** A Substrate header: parent hash, compact number, then state root and more. */
const header = (number: number) => {
  const bytes = new Uint8Array(32 + 4 + 64);
  bytes.fill(7, 0, 32);
  // The number as a four-byte compact (numbers from 2^14 to 2^30).
  new DataView(bytes.buffer).setUint32(32, (number * 4 + 2) >>> 0, true);
  return `0x${Buffer.from(bytes).toString('hex')}`;
};

export function relayFixture(): { storage: StoragePair[]; expected: RelayParachainsState } {
  const ctx = context(RELAY_RUNTIME);
  const head1000 = header(11_000_000);
  const head2000 = '0x01020304';
  const storage: StoragePair[] = [
    ctx.pair('Paras', 'Parachains', [], [1000, 2000, 2004]),
    ctx.pair('Paras', 'ParaLifecycles', [1000], 'Parachain'),
    ctx.pair('Paras', 'ParaLifecycles', [2000], 'Parachain'),
    ctx.pair('Paras', 'ParaLifecycles', [2004], 'Parachain'),
    ctx.pair('Paras', 'ParaLifecycles', [2090], 'Parathread'),
    ctx.pair('Paras', 'ParaLifecycles', [3000], 'Onboarding'),
    ctx.pair('Registrar', 'Paras', [2000], { manager: MANAGER_A, deposit: 100_000_000_000n, locked: true }),
    ctx.pair('Registrar', 'Paras', [2004], { manager: MANAGER_B, deposit: 5n, locked: null }),
    ctx.pair('Registrar', 'Paras', [3000], { manager: MANAGER_B, deposit: 7n, locked: false }),
    ctx.pair('Registrar', 'Paras', [3001], { manager: MANAGER_A, deposit: 9n, locked: null }),
    ctx.pair('Registrar', 'NextFreeParaId', [], 3002),
    ctx.pair('Paras', 'Heads', [1000], head1000),
    ctx.pair('Paras', 'Heads', [2000], head2000),
    ctx.pair('Paras', 'MostRecentContext', [1000], RELAY_BLOCK - 1),
    ctx.pair('Paras', 'MostRecentContext', [2000], RELAY_BLOCK - 600),
    ctx.pair(
      'ParaScheduler',
      'CoreDescriptors',
      [],
      [
        [
          0,
          {
            queue: null,
            currentWork: {
              assignments: [[{ Task: 1000 }, { ratio: 57_600, remaining: 57_600 }]],
              endHint: null,
              pos: 0,
              step: 1,
            },
          },
        ],
        [
          1,
          {
            queue: { first: RELAY_BLOCK + 800, last: RELAY_BLOCK + 800 },
            currentWork: {
              assignments: [
                [{ Task: 2000 }, { ratio: 28_800, remaining: 100 }],
                ['Pool', { ratio: 28_800, remaining: 28_800 }],
              ],
              endHint: RELAY_BLOCK + 500,
              pos: 1,
              step: 2,
            },
          },
        ],
      ],
    ),
    ctx.pair('ParaScheduler', 'CoreSchedules', [[RELAY_BLOCK + 800, 1]], {
      assignments: [[{ Task: 2004 }, 57_600]],
      endHint: RELAY_BLOCK + 5_000,
      nextSchedule: null,
    }),
    ctx.pair('OnDemandAssignmentProvider', 'OrderStatus', [], {
      traffic: 2_000_000_000_000_000_000n,
      queue: {
        queue: [
          { paraId: 2090, orderedAt: RELAY_BLOCK - 2 },
          { paraId: 2004, orderedAt: RELAY_BLOCK - 1 },
        ],
      },
    }),
  ];
  // The whole host configuration, with the scheduler's figures set: polkadot-js fills the rest.
  const { registry } = registryFor(RELAY_RUNTIME);
  const configType = registry.createLookupType(ctx.entry('Configuration', 'ActiveConfig').valueType);
  storage.push([
    ctx.key('Configuration', 'ActiveConfig'),
    registry
      .createType(configType, {
        schedulerParams: { numCores: 3, onDemandQueueMaxSize: 500, onDemandBaseFee: 333_333_333n },
      })
      .toHex(),
  ]);
  const para = (id: number) => ({
    id,
    lifecycle: null,
    listed: false,
    manager: null,
    deposit: null,
    locked: null,
    head: null,
    headRelayBlock: null,
  });
  return {
    storage,
    expected: {
      block: RELAY_BLOCK,
      paras: [
        {
          ...para(1000),
          lifecycle: 'Parachain',
          listed: true,
          head: { hash: blake2AsHex(head1000, 256), number: 11_000_000 },
          headRelayBlock: RELAY_BLOCK - 1,
        },
        {
          ...para(2000),
          lifecycle: 'Parachain',
          listed: true,
          manager: MANAGER_A,
          deposit: 100_000_000_000n,
          locked: true,
          head: { hash: blake2AsHex(head2000, 256), number: null },
          headRelayBlock: RELAY_BLOCK - 600,
        },
        { ...para(2004), lifecycle: 'Parachain', listed: true, manager: MANAGER_B, deposit: 5n },
        { ...para(2090), lifecycle: 'Parathread' },
        { ...para(3000), lifecycle: 'Onboarding', manager: MANAGER_B, deposit: 7n, locked: false },
        { ...para(3001), manager: MANAGER_A, deposit: 9n },
      ],
      cores: [
        {
          core: 0,
          assignments: [{ assignment: { type: 'task', para: 1000 }, parts: 57_600 }],
          endHint: null,
          upcoming: [],
        },
        {
          core: 1,
          assignments: [
            { assignment: { type: 'task', para: 2000 }, parts: 28_800 },
            { assignment: { type: 'pool' }, parts: 28_800 },
          ],
          endHint: RELAY_BLOCK + 500,
          upcoming: [
            {
              block: RELAY_BLOCK + 800,
              assignments: [{ assignment: { type: 'task', para: 2004 }, parts: 57_600 }],
              endHint: RELAY_BLOCK + 5_000,
            },
          ],
        },
        { core: 2, assignments: [], endHint: null, upcoming: [] },
      ],
      coreCount: 3,
      onDemand: {
        traffic: 2_000_000_000_000_000_000n,
        baseFee: 333_333_333n,
        queued: [2090, 2004],
        maxQueueSize: 500,
      },
      nextFreeParaId: 3002,
    },
  };
}

export function coretimeFixture(): { storage: StoragePair[]; expected: Omit<CoretimeState, 'block'> } {
  const ctx = context(CORETIME_RUNTIME);
  const task = (para: number, mask = FULL) => ({ mask, assignment: { Task: para } });
  const item = (para: number, mask = FULL) => ({ mask, assignment: { type: 'task' as const, para } });
  const storage: StoragePair[] = [
    ctx.pair('Broker', 'Configuration', [], {
      advanceNotice: 10,
      interludeLength: 7_200,
      leadinLength: 50_400,
      regionLength: 5_040,
      idealBulkProportion: 400_000_000,
      limitCoresOffered: null,
      renewalBump: 30_000_000,
      contributionTimeout: 5_040,
    }),
    ctx.pair('Broker', 'Status', [], {
      coreCount: 3,
      privatePoolSize: 0,
      systemPoolSize: 57_600,
      lastCommittedTimeslice: 375_010,
      lastTimeslice: 375_009,
    }),
    ctx.pair('Broker', 'SaleInfo', [], {
      saleStart: RELAY_BLOCK - 1_000,
      leadinLength: 50_400,
      endPrice: 5_000_000_000_000n,
      regionBegin: 376_000,
      regionEnd: 381_040,
      idealCoresSold: 1,
      coresOffered: 2,
      firstCore: 1,
      selloutPrice: null,
      coresSold: 1,
    }),
    ctx.pair(
      'Broker',
      'Leases',
      [],
      [
        { until: 380_000, task: 2000 },
        { until: 376_000, task: 2090 },
      ],
    ),
    ctx.pair(
      'Broker',
      'Reservations',
      [],
      [[task(1000)], [task(1001, HALF), { mask: HALF, assignment: 'Pool' }]],
    ),
    ctx.pair('Broker', 'PotentialRenewals', [{ core: 1, when: 376_000 }], {
      price: 7_000_000_000_000n,
      completion: { Complete: [task(2004)] },
    }),
    ctx.pair('Broker', 'PotentialRenewals', [{ core: 2, when: 376_000 }], {
      price: 8_000_000_000_000n,
      completion: { Partial: HALF },
    }),
    ctx.pair('Broker', 'AutoRenewals', [], [{ core: 1, task: 2004, nextRenewal: 376_000 }]),
    ctx.pair('Broker', 'Workplan', [[376_000, 1]], [task(2004)]),
    ctx.pair('Broker', 'Workload', [0], [task(1000)]),
    ctx.pair('Broker', 'Workload', [1], [task(2000, HALF), { mask: HALF, assignment: 'Idle' }]),
    ctx.pair('ParachainSystem', 'LastRelayChainBlockNumber', [], RELAY_BLOCK + 3),
  ];
  return {
    storage,
    expected: {
      timeslicePeriod: 80,
      config: {
        advanceNotice: 10,
        interludeLength: 7_200,
        leadinLength: 50_400,
        regionLength: 5_040,
        idealBulkProportion: 400_000_000,
        limitCoresOffered: null,
        renewalBump: 30_000_000,
        contributionTimeout: 5_040,
      },
      status: {
        coreCount: 3,
        privatePoolSize: 0,
        systemPoolSize: 57_600,
        lastCommittedTimeslice: 375_010,
        lastTimeslice: 375_009,
      },
      sale: {
        saleStart: RELAY_BLOCK - 1_000,
        leadinLength: 50_400,
        endPrice: 5_000_000_000_000n,
        regionBegin: 376_000,
        regionEnd: 381_040,
        idealCoresSold: 1,
        coresOffered: 2,
        firstCore: 1,
        selloutPrice: null,
        coresSold: 1,
      },
      // In stored order.
      leases: [
        { para: 2000, until: 380_000 },
        { para: 2090, until: 376_000 },
      ],
      reservations: [[item(1000)], [item(1001, HALF), { mask: HALF, assignment: { type: 'pool' } }]],
      renewals: [
        {
          core: 1,
          when: 376_000,
          price: 7_000_000_000_000n,
          completion: { type: 'complete', items: [item(2004)] },
        },
        { core: 2, when: 376_000, price: 8_000_000_000_000n, completion: { type: 'partial', mask: HALF } },
      ],
      autoRenewals: [{ core: 1, para: 2004, nextRenewal: 376_000 }],
      workplan: [{ timeslice: 376_000, core: 1, items: [item(2004)] }],
      workload: [
        { core: 0, items: [item(1000)] },
        { core: 1, items: [item(2000, HALF), { mask: HALF, assignment: { type: 'idle' } }] },
      ],
    },
  };
}

export function ahOpsFixture(): { storage: StoragePair[]; expected: CrowdloanState } {
  const { registry, metadata } = registryFor(assetHubRuntime(2_003_000));
  const ctx = new StorageContext(registry, metadata);
  const b1 = RELAY_BLOCK - 100;
  const b2 = RELAY_BLOCK + 14_400;
  const storage: StoragePair[] = [
    ctx.pair('AhOps', 'RcCrowdloanContribution', [b1, 2000, CONTRIBUTOR_1], [FUND, 10_000_000_000_000n]),
    ctx.pair('AhOps', 'RcCrowdloanContribution', [b1, 2000, CONTRIBUTOR_2], [FUND, 2_500_000_000_000n]),
    ctx.pair('AhOps', 'RcCrowdloanContribution', [b2, 2004, CONTRIBUTOR_1], [FUND, 1_000_000_000_000n]),
    ctx.pair('AhOps', 'RcLeaseReserve', [b2, 2004, DEPOSITOR], 3_000_000_000_000n),
    ctx.pair('AhOps', 'RcCrowdloanReserve', [b1, 2000, DEPOSITOR], 500_000_000_000n),
  ];
  const c = (block: number, para: number, contributor: string, amount: bigint) => ({
    block,
    para,
    contributor,
    fundAccount: FUND,
    amount,
  });
  const sorted = [CONTRIBUTOR_1, CONTRIBUTOR_2].sort();
  const amounts: Record<string, bigint> = {
    [CONTRIBUTOR_1]: 10_000_000_000_000n,
    [CONTRIBUTOR_2]: 2_500_000_000_000n,
  };
  return {
    storage,
    expected: {
      contributions: [
        ...sorted.map((who) => c(b1, 2000, who, amounts[who]!)),
        c(b2, 2004, CONTRIBUTOR_1, 1_000_000_000_000n),
      ],
      deposits: [
        { kind: 'crowdloan', block: b1, para: 2000, account: DEPOSITOR, amount: 500_000_000_000n },
        { kind: 'lease', block: b2, para: 2004, account: DEPOSITOR, amount: 3_000_000_000_000n },
      ],
    },
  };
}
