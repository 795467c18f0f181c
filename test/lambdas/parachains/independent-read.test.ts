/**
 * The acceptance test of /parachains, /para, /coretime and /crowdloan: the small scenario's relay
 * chain, Coretime chain and Asset Hub on their dev chains, one snapshot run into dynalite, and every
 * figure the reply intents carry compared with an independent read of the same blocks through
 * @polkadot/api: each para's lifecycle, registration, head and cores, the sale's phase, price,
 * region and deadlines, each renewal, the on-demand spot price, and every crowdloan contribution
 * and deposit with when it can be withdrawn and the call that does it. The pallets' rules used for
 * the comparison are written out in independent-read.ts.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand, commandContext, SnapshotCache } from '../../../bots/commands/index.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { DevChain } from '../../../dev/chain/devchain.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import {
  type RawParachains,
  type RawRenewal,
  rawDue,
  rawPhase,
  rawSaleEnd,
  rawSalePrice,
  readParachains,
} from './independent-read.js';
import { startParachainChains } from './start-chains.js';

const RELAY_BLOCK_MS = 6_000;

let chains: DevChain[] = [];
let dynamo: TestDynamo;
let store: SnapshotStore;
let apis: ApiPromise[] = [];
let raw: RawParachains;

async function connect(endpoint: string): Promise<ApiPromise> {
  const api = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true });
  apis.push(api);
  return api;
}

async function setUp(runtime: number): Promise<void> {
  const [started, db] = await Promise.all([startParachainChains(runtime), startTestDynamo()]);
  chains = started.chains;
  dynamo = db;
  store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('parachains-read') });
  const summary = await runSnapshotJob({
    store,
    endpoints: started.endpoints,
    archive: new MemoryEraArchive(),
    readTimeoutMs: 600_000,
  });
  const [ah, relay, coretime] = (await Promise.all(
    [started.endpoints.assetHub[0], started.endpoints.relay[0], started.endpoints.coretime[0]].map((e) =>
      connect(e as string),
    ),
  )) as [ApiPromise, ApiPromise, ApiPromise];
  raw = await readParachains(
    await relay.at(await relay.rpc.chain.getBlockHash(summary.relayBlock)),
    await coretime.at(await coretime.rpc.chain.getFinalizedHead()),
    await ah.at(await ah.rpc.chain.getBlockHash(summary.blockNumber)),
  );
  expect(raw.relayBlock).toBe(summary.relayBlock);
}

async function tearDown(): Promise<void> {
  await Promise.all(apis.map((a) => a.disconnect().catch(() => undefined)));
  apis = [];
  // One at a time: the chains share Chopsticks' wasm executor.
  for (const c of chains) await c.close().catch(() => undefined);
  await dynamo?.close();
}

async function ask<T extends Reply['type']>(line: string, type: T): Promise<Extract<Reply, { type: T }>> {
  const reply = await answerCommand(
    line,
    commandContext({ store, caller: null, cache: new SnapshotCache(), staleAfterMs: 60 * 60_000 }),
  );
  expect(reply.type, `${line}: ${reply.type === 'error' ? reply.error.message : ''}`).toBe(type);
  return reply as Extract<Reply, { type: T }>;
}

/** The estimated time of a relay block, from the snapshot's relay block and timestamp. */
const time = (block: number) => ({
  block,
  atMs: raw.timestampMs + (block - raw.relayBlock) * RELAY_BLOCK_MS,
});

function renewalState(r: RawRenewal): string {
  const sale = raw.sale;
  if (!sale) throw new Error('no sale');
  if (r.when < sale.regionBegin) return 'lapsed';
  if (r.when > sale.regionEnd) return 'later';
  if (r.when === sale.regionEnd) return 'renewed';
  return r.complete ? 'due' : 'partial';
}

function describeRuntime(runtime: number) {
  describe(`parachains, coretime and crowdloans against the chains (Asset Hub ${runtime})`, () => {
    beforeAll(() => setUp(runtime), 600_000);
    afterAll(tearDown, 60_000);

    it('the scenario has every case the answers must get right', () => {
      const lifecycles = new Set(raw.paras.map((p) => p.lifecycle));
      for (const l of ['Parachain', 'Parathread', 'Onboarding', 'OffboardingParachain', null])
        expect(lifecycles, String(l)).toContain(l);
      const states = new Set(raw.renewals.map(renewalState));
      for (const state of ['due', 'renewed', 'lapsed']) expect(states, state).toContain(state);
      expect(raw.renewals.some((r) => !r.complete)).toBe(true);
      expect(rawPhase(raw)).toBe('leadin');
      expect(raw.sale && rawSalePrice(raw.sale, raw.relayBlock)).not.toBe(raw.sale?.endPrice);
      expect(raw.autoRenew.size).toBeGreaterThan(0);
      expect(raw.leases.size).toBeGreaterThan(0);
      expect(raw.entries.some((e) => e.block <= raw.relayBlock)).toBe(true);
      expect(raw.entries.some((e) => e.block > raw.relayBlock)).toBe(true);
      expect(new Set(raw.entries.map((e) => e.kind)).size).toBe(3);
    });

    it('/parachains: every live, onboarding and offboarding para, and the cores by what they run', async () => {
      const reply = await ask('/parachains', 'parachains');
      expect(reply.relayBlock).toBe(raw.relayBlock);
      const onCore = new Set(raw.cores.flatMap((c) => c.tasks));
      // Live: a parachain, or holding coretime (a relay core now, or a core's workload on the broker).
      const live = raw.paras.filter(
        (p) => p.lifecycle === 'Parachain' || onCore.has(p.id) || raw.holding.has(p.id),
      );
      expect(reply.liveTotal).toBe(live.length);
      expect(reply.live.length + reply.liveOmitted).toBe(live.length);
      expect(reply.live.map((r) => r.para.id)).toEqual(live.slice(0, reply.live.length).map((p) => p.id));
      for (const row of reply.live) {
        expect(row.lifecycle).toBe(raw.paras.find((p) => p.id === row.para.id)?.lifecycle ?? null);
        expect(row.cores).toEqual(raw.cores.filter((c) => c.tasks.includes(row.para.id)).map((c) => c.core));
      }
      expect(reply.onboarding.map((p) => p.id)).toEqual(
        raw.paras.filter((p) => p.lifecycle === 'Onboarding').map((p) => p.id),
      );
      expect(reply.offboarding.map((p) => [p.para.id, p.lifecycle])).toEqual(
        raw.paras.filter((p) => p.lifecycle?.startsWith('Offboarding')).map((p) => [p.id, p.lifecycle]),
      );
      const count = (l: string) => raw.paras.filter((p) => p.lifecycle === l).length;
      expect(reply.counts).toEqual({
        parathreads: count('Parathread'),
        upgrading: count('UpgradingParathread'),
        downgrading: count('DowngradingParachain'),
        registeredOnly: raw.paras.filter((p) => p.lifecycle === null).length,
      });
      const inUse = raw.cores.filter((c) => c.tasks.length > 0).length;
      const pool = raw.cores.filter((c) => c.tasks.length === 0 && c.pool).length;
      expect(reply.cores).toEqual({ total: raw.numCores, inUse, pool, idle: raw.numCores - inUse - pool });
    });

    it('/para: every para, with its registration, head, cores and renewals', async () => {
      expect(raw.paras.length).toBeGreaterThan(5);
      for (const p of raw.paras) {
        const reply = await ask(`/para ${p.id}`, 'para');
        if (reply.result.type !== 'found') throw new Error(`/para ${p.id}: ${reply.result.type}`);
        const d = reply.result.details;
        expect(d.para.id).toBe(p.id);
        expect(d.lifecycle).toBe(p.lifecycle);
        expect(d.listed).toBe(p.listed);
        expect(d.manager).toBe(p.manager);
        expect(d.deposit).toBe(p.deposit);
        expect(d.locked).toBe(p.locked);
        expect(d.head && { hash: d.head.hash, number: d.head.number }).toEqual(
          p.headHash ? { hash: p.headHash, number: p.headNumber } : null,
        );
        expect(d.headRelayBlock).toEqual(p.headRelayBlock === null ? null : time(p.headRelayBlock));
        expect(d.headAgeBlocks).toBe(p.headRelayBlock === null ? null : raw.relayBlock - p.headRelayBlock);
        expect(d.relayCores.map((c) => c.core)).toEqual(
          raw.cores.filter((c) => c.tasks.includes(p.id)).map((c) => c.core),
        );
        const renewals = raw.renewals.filter((r) => r.paras.includes(p.id));
        const shown = d.renewals.filter((r) => r.state !== 'partial');
        expect(shown.map((r) => [r.core, r.when.timeslice, r.price, r.state])).toEqual(
          renewals.map((r) => [r.core, r.when, r.price, renewalState(r)]),
        );
        for (const r of shown)
          expect(r.deadline).toEqual(r.state === 'due' ? time(rawSaleEnd(raw) as number) : null);
        expect(d.autoRenew !== null).toBe(raw.autoRenew.has(p.id));
        const lease = raw.leases.get(p.id);
        expect(d.lease?.timeslice ?? null).toBe(lease ?? null);
        if (lease !== undefined) expect(d.lease?.at).toEqual(time(lease * raw.timeslicePeriod));
      }
    });

    it('/coretime: the sale, its price now and at the end of the lead-in, deadlines, on-demand price', async () => {
      const reply = await ask('/coretime', 'coretime');
      const sale = raw.sale;
      if (!sale || !reply.sale) throw new Error('no sale read');
      expect(reply.sale.phase).toBe(rawPhase(raw));
      expect(reply.sale.priceNow).toBe(rawSalePrice(sale, raw.relayBlock));
      expect(reply.sale.endPrice).toBe(sale.endPrice);
      expect(reply.sale.saleStart).toEqual(time(sale.saleStart));
      expect(reply.sale.leadinEnd).toEqual(time(sale.saleStart + sale.leadinLength));
      expect(reply.sale.saleEnd).toEqual(time(rawSaleEnd(raw) as number));
      expect([reply.sale.coresOffered, reply.sale.coresSold, reply.sale.coresAvailable]).toEqual([
        sale.coresOffered,
        sale.coresSold,
        Math.max(0, sale.coresOffered - sale.coresSold),
      ]);
      expect(reply.sale.regionBegin).toEqual({
        timeslice: sale.regionBegin,
        at: time(sale.regionBegin * raw.timeslicePeriod),
      });
      expect(reply.sale.regionEnd).toEqual({
        timeslice: sale.regionEnd,
        at: time(sale.regionEnd * raw.timeslicePeriod),
      });
      const due = rawDue(raw);
      expect(reply.renewalsDue.length + reply.renewalsDueOmitted).toBe(due.length);
      for (const row of reply.renewalsDue) {
        const r = due.find((d) => d.core === row.core);
        expect(r, `core ${row.core}`).toBeDefined();
        expect(row.price).toBe(r?.price);
        expect(row.paras.map((p) => p.id)).toEqual(r?.paras);
        expect(row.deadline).toEqual(time(rawSaleEnd(raw) as number));
      }
      expect(reply.renewedCount).toBe(raw.renewals.filter((r) => r.when === sale.regionEnd).length);
      expect(reply.lapsedCount).toBe(raw.renewals.filter((r) => r.when < sale.regionBegin).length);
      expect(reply.onDemand?.spotPrice).toBe(raw.spotPrice);
      expect(reply.relayCoreCount).toBe(raw.numCores);
    });

    it('/crowdloan: every contributor and depositor, when each entry comes back, and the call', async () => {
      const addresses = [...new Set(raw.entries.map((e) => e.address))];
      expect(addresses.length).toBeGreaterThan(3);
      for (const address of addresses) {
        const reply = await ask(`/crowdloan ${address}`, 'crowdloan');
        const mine = raw.entries.filter((e) => e.address === address);
        const contributions = mine.filter((e) => e.kind === 'contribution');
        const deposits = mine.filter((e) => e.kind !== 'contribution');
        expect(reply.contributionsOmitted + reply.contributions.length).toBe(contributions.length);
        expect(
          reply.contributions.map((c) => [
            c.para.id,
            c.block,
            c.amount,
            c.withdrawable,
            c.call.call,
            c.call.args,
          ]),
        ).toEqual(
          contributions
            .slice(0, reply.contributions.length)
            .map((c) => [
              c.para,
              time(c.block),
              c.amount,
              c.block <= raw.relayBlock,
              'ahOps.withdrawCrowdloanContribution',
              [c.block, address, c.para],
            ]),
        );
        expect(reply.depositsOmitted + reply.deposits.length).toBe(deposits.length);
        for (const d of reply.deposits) {
          const r = deposits.find(
            (x) => x.kind === d.kind && x.para === d.para.id && x.block === d.block.block,
          );
          expect(r, `${address} ${d.kind} ${d.para.id}`).toBeDefined();
          if (!r) continue;
          expect(d.amount).toBe(r.amount);
          expect(d.block).toEqual(time(r.block));
          // `unreserve_crowdloan_reserve` also needs every contribution of that crowdloan withdrawn.
          const left =
            r.kind === 'crowdloan'
              ? raw.entries.filter(
                  (e) => e.kind === 'contribution' && e.block === r.block && e.para === r.para,
                ).length
              : 0;
          expect(d.withdrawable).toBe(r.block <= raw.relayBlock && left === 0);
          expect(d.contributionsLeft).toBe(left);
          if (left > 0) expect(d.call).toBeNull();
          else
            expect(d.call).toEqual({
              call: r.kind === 'lease' ? 'ahOps.unreserveLeaseDeposit' : 'ahOps.unreserveCrowdloanReserve',
              args: [r.block, address, r.para],
            });
        }
        const total = mine.reduce((s, e) => s + e.amount, 0n);
        expect(reply.totals.amount).toBe(total);
        expect(reply.totals.count).toBe(mine.length);
        const open = (e: (typeof mine)[number]) =>
          e.block <= raw.relayBlock &&
          (e.kind !== 'crowdloan' ||
            !raw.entries.some((c) => c.kind === 'contribution' && c.block === e.block && c.para === e.para));
        expect(reply.totals.withdrawableNow).toBe(mine.filter(open).reduce((s, e) => s + e.amount, 0n));
      }
    });
  });
}

describeRuntime(2_003_000);
describeRuntime(1_009_003);
