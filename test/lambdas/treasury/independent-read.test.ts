/**
 * The acceptance test of /treasury, /spend and /bounty: the small scenario's treasury on the dev
 * chain under both supported Asset Hub runtimes, one snapshot run into dynalite, and every value the
 * reply intents carry compared with an independent read of the same block through @polkadot/api:
 * holdings and rates, the spend period and what it funds, each spend with where it stands and what
 * to do, each bounty and child bounty with when it can be claimed. The pallets' rules used for the
 * comparison are written out in independent-read.ts.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand, commandContext, SnapshotCache } from '../../../bots/commands/index.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { BountyClaim, SpendRow } from '../../../core/reply/treasury-replies.js';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { assetHubRuntime } from '../../../dev/chain/runtimes.js';
import { generateScenario, type Scenario, seedStorage } from '../../../dev/scenario/index.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import {
  type RawBounty,
  type RawChild,
  type RawSpend,
  type RawTreasury,
  rawNativeValue,
  rawNextSpendPeriod,
  rawPhase,
  readTreasury,
} from './independent-read.js';

const RELAY_BLOCK_MS = 6_000;
const WEEK_BLOCKS = (7 * 24 * 3_600_000) / RELAY_BLOCK_MS;

let scenario: Scenario;
let chain: DevChain;
let dynamo: TestDynamo;
let store: SnapshotStore;
let api: ApiPromise;
let raw: RawTreasury;

async function setUp(runtime: number): Promise<void> {
  scenario = generateScenario({ size: 'small', seed: 42, runtime, onProgress: () => {} });
  [chain, dynamo] = await Promise.all([
    startDevChain({ runtime: assetHubRuntime(runtime), identity: `small/42/${runtime}` }),
    startTestDynamo(),
  ]);
  await seedStorage(chain.endpoint, scenario.storage);
  store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('treasury-read') });
  const summary = await runSnapshotJob({
    store,
    endpoints: { assetHub: [chain.endpoint] },
    archive: new MemoryEraArchive(),
    readTimeoutMs: 600_000,
  });
  api = await ApiPromise.create({ provider: new WsProvider(chain.endpoint), noInitWarn: true });
  raw = await readTreasury(await api.at(await api.rpc.chain.getBlockHash(summary.blockNumber)));
}

async function tearDown(): Promise<void> {
  await api?.disconnect();
  await chain?.close();
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

/** The estimated time of a relay block, from the block's own relay number and timestamp. */
const atMs = (block: number) => raw.timestampMs + (block - raw.relayBlock) * RELAY_BLOCK_MS;
const time = (block: number) => ({ block, atMs: atMs(block) });

const unpaid = (s: RawSpend) =>
  ['upcoming', 'claimable', 'failed', 'attempted'].includes(rawPhase(s, raw.relayBlock));

function expectedTodo(s: RawSpend) {
  const phase = rawPhase(s, raw.relayBlock);
  if (phase === 'claimable' || phase === 'failed')
    return { action: 'payout', call: `treasury.payout(${s.index})` };
  if (phase === 'upcoming') return { action: 'wait', from: time(s.validFrom) };
  return { action: 'check-status', call: `treasury.checkStatus(${s.index})` };
}

function compareSpend(row: SpendRow, s: RawSpend): void {
  const at = (what: string) => `spend ${s.index}: ${what}`;
  if (s.asset.key !== 'other') expect(row.asset.key, at('asset')).toBe(s.asset.key);
  expect([row.asset.symbol, row.asset.decimals], at('asset symbol')).toEqual([
    s.asset.symbol,
    s.asset.decimals,
  ]);
  expect(row.amount, at('amount')).toBe(s.amount);
  expect(row.nativeValue, at('KSM value')).toBe(rawNativeValue(raw, s.asset.key, s.amount));
  if (s.beneficiary) expect(row.beneficiary, at('beneficiary')).toBe(s.beneficiary);
  else
    expect(row.beneficiary, at('remote beneficiary described')).not.toMatch(/^[1-9A-HJ-NP-Za-km-z]{47,48}$/);
  expect(row.validFrom, at('valid from')).toEqual(time(s.validFrom));
  expect(row.expireAt, at('expires')).toEqual(time(s.expireAt));
  expect(row.status, at('status')).toBe(s.status);
  expect(row.phase, at('phase')).toBe(rawPhase(s, raw.relayBlock));
  expect(row.blocksToExpiry, at('blocks to expiry')).toBe(Math.max(0, s.expireAt - raw.relayBlock));
  expect(row.todo, at('what to do')).toEqual(expectedTodo(s));
}

/**
 * Legacy bounties: claimable once the relay block reaches `unlock_at` (`claim_bounty`,
 * `claim_child_bounty`). Multi-asset bounties pay at award: a payout attempt is settled by
 * `check_status(parent, child)`, or retried by `retry_payment` after it failed.
 */
function expectedClaim(b: RawBounty | RawChild, legacyCall: string, maArgs: string): BountyClaim {
  if (b.status === 'PendingPayout' && b.unlockAt !== null)
    return raw.relayBlock >= b.unlockAt
      ? { state: 'claimable', since: time(b.unlockAt), call: legacyCall }
      : { state: 'waiting', at: time(b.unlockAt), call: legacyCall };
  if (b.status === 'PayoutAttempted') {
    const failed = b.paymentStatus === 'Failed';
    const name = failed ? 'retryPayment' : 'checkStatus';
    return { state: 'payout-attempted', failed, call: `multiAssetBounties.${name}(${maArgs})` };
  }
  return { state: 'none' };
}

const bountyFields = (
  b: Omit<RawChild, 'parent' | 'id' | 'paymentStatus'> & { paymentStatus: string | null },
) => ({
  value: b.value,
  fee: b.fee,
  status: b.status,
  curator: b.curator,
  beneficiary: b.beneficiary,
  unlockAt: b.unlockAt,
  paymentStatus: b.paymentStatus,
  description: b.description,
});

describe.each([2_003_000, 1_009_003])(
  '/treasury, /spend and /bounty agree with an independent read of the chain (statemine %i)',
  (runtime) => {
    beforeAll(() => setUp(runtime), 900_000);
    afterAll(tearDown);

    it('the scenario has every case on chain', () => {
      const phases = new Set(raw.spends.map((s) => rawPhase(s, raw.relayBlock)));
      expect([...phases].sort()).toEqual(['attempted', 'claimable', 'expired', 'failed', 'upcoming']);
      expect(raw.spends.some((s) => s.asset.key !== 'native')).toBe(true);
      expect(raw.spends.some((s) => s.beneficiary === null)).toBe(true);
      expect(raw.holdings.length).toBeGreaterThan(2);
      expect(raw.rates.size).toBeGreaterThan(0);
      const statuses = new Set(raw.bounties.flatMap((b) => [b.status, ...b.children.map((c) => c.status)]));
      for (const s of ['Proposed', 'Funded', 'CuratorProposed', 'Active', 'PendingPayout', 'Added'])
        expect(statuses.has(s), s).toBe(true);
      expect(raw.hasMultiAssetBounties).toBe(runtime === 2_003_000);
      if (runtime === 2_003_000)
        expect(raw.bounties.some((b) => b.pallet === 'multiAssetBounties')).toBe(true);
    });

    it('/treasury: holdings and rates, the spend period and what it funds, pending and expiring spends', async () => {
      const reply = await ask('/treasury', 'treasury');
      expect(reply.account).toBe(raw.account);
      const holdings = reply.holdings.map((h) => [
        h.asset.symbol,
        h.asset.decimals,
        h.balance,
        h.rateToNative,
      ]);
      expect(holdings).toEqual(
        raw.holdings.map((h) => [h.symbol, h.decimals, h.balance, raw.rates.get(h.key) ?? null]),
      );
      for (const h of reply.holdings)
        expect(h.nativeValue, h.asset.symbol).toBe(
          h.asset.key === 'native' ? h.balance : rawNativeValue(raw, h.asset.key, h.balance),
        );
      expect(reply.totalNative).toBe(
        raw.holdings.reduce((sum, h) => sum + (rawNativeValue(raw, h.key, h.balance) ?? 0n), 0n),
      );
      const p = reply.period;
      expect([p.spendPeriod, p.lastSpendPeriod, p.burnPermill]).toEqual([
        raw.spendPeriod,
        raw.lastSpendPeriod,
        raw.burnPermill,
      ]);
      expect(p.next).toEqual(time(rawNextSpendPeriod(raw)));
      expect(p.overdue).toBe(rawNextSpendPeriod(raw) <= raw.relayBlock);
      expect(p.existentialDeposit).toBe(raw.existentialDeposit);
      const pot = raw.holdings[0]!.balance - raw.existentialDeposit;
      expect(p.pot).toBe(pot);
      // spend_funds pays the approved proposals first, then the bounties awaiting funding, in order.
      const waiting = [
        ...raw.approvals.map((id) => ({ kind: 'proposal', id, value: raw.proposals.get(id)! })),
        ...raw.bountyApprovals.map((id) => ({
          kind: 'bounty',
          id,
          value: raw.bounties.find((b) => b.pallet === 'bounties' && b.id === id)!.value,
        })),
      ];
      expect(p.funding.map((f) => [f.kind, f.id, f.value])).toEqual(
        waiting.map((w) => [w.kind, w.id, w.value]),
      );
      // Paid in that order while the pot covers each.
      let budget = pot;
      const funded = waiting.map((w) => {
        if (w.value > budget) return false;
        budget -= w.value;
        return true;
      });
      expect(p.funding.map((f) => f.funded)).toEqual(funded);
      expect(p.requestedTotal).toBe(waiting.reduce((sum, w) => sum + w.value, 0n));
      if (raw.burnPermill === 0) expect([p.burnOfPotNow, p.burnAtPeriod]).toEqual([0n, 0n]);
      expect(reply.spendCount).toBe(raw.spendCount);
      const pending = new Map<string, { count: number; amount: bigint }>();
      for (const s of raw.spends.filter(unpaid)) {
        const sum = pending.get(s.asset.symbol!) ?? { count: 0, amount: 0n };
        pending.set(s.asset.symbol!, { count: sum.count + 1, amount: sum.amount + s.amount });
      }
      expect(
        new Map(reply.pending.map((a) => [a.asset.symbol, { count: a.count, amount: a.amount }])),
      ).toEqual(pending);
      for (const a of reply.pending)
        expect(
          a.byPhase.reduce((n, x) => n + x.count, 0),
          a.asset.symbol,
        ).toBe(a.count);
      const expiring = raw.spends.filter(
        (s) =>
          ['claimable', 'failed'].includes(rawPhase(s, raw.relayBlock)) &&
          s.expireAt - raw.relayBlock <= WEEK_BLOCKS,
      );
      expect(reply.expiringWithinBlocks).toBe(WEEK_BLOCKS);
      expect(reply.expiringSoon.length + reply.expiringOmitted).toBe(expiring.length);
      for (const row of reply.expiringSoon) compareSpend(row, raw.spends.find((s) => s.index === row.index)!);
      expect(reply.expiringSoon.map((r) => r.expireAt.block)).toEqual(
        [...reply.expiringSoon.map((r) => r.expireAt.block)].sort((a, b) => a - b),
      );
    });

    it('/spend of every spend on chain, and of indices that are gone or never were', async () => {
      expect(raw.spends.length).toBeGreaterThan(5);
      for (const s of raw.spends) {
        const reply = await ask(`/spend ${s.index}`, 'spend');
        expect(reply.spend, `spend ${s.index}`).not.toBeNull();
        compareSpend(reply.spend!, s);
        expect(reply.spendCount).toBe(raw.spendCount);
      }
      const onChain = new Set(raw.spends.map((s) => s.index));
      const gone = [...Array(raw.spendCount).keys()].find((i) => !onChain.has(i));
      if (gone !== undefined) expect((await ask(`/spend ${gone}`, 'spend')).absent).toBe('removed');
      expect((await ask(`/spend ${raw.spendCount + 5}`, 'spend')).absent).toBe('never');
    });

    it('/bounty of every bounty of both pallets, with its child bounties and when each can be claimed', async () => {
      expect(raw.bounties.length).toBeGreaterThan(3);
      for (const b of raw.bounties) {
        const reply = await ask(`/bounty ${b.ref}`, 'bounty');
        const at = `bounty ${b.ref}`;
        expect(reply.bounty, at).not.toBeNull();
        const got = reply.bounty!;
        expect(
          { ...bountyFields(got), pallet: got.pallet, id: got.id, symbol: got.asset.symbol },
          at,
        ).toEqual({ ...bountyFields(b), pallet: b.pallet, id: b.id, symbol: b.asset.symbol });
        expect([got.updateDue, reply.updateDue, got.paymentStatus, got.awaitingFunding], at).toEqual([
          b.updateDue,
          b.updateDue === null ? null : time(b.updateDue),
          b.paymentStatus,
          b.awaitingFunding,
        ]);
        expect(reply.claim, `${at} claim`).toEqual(
          expectedClaim(b, `bounties.claimBounty(${b.id})`, `${b.id}, None`),
        );
        expect(
          reply.children.map((c) => c.child.id),
          `${at} children`,
        ).toEqual(b.children.map((c) => c.id));
        for (const [i, c] of b.children.entries()) {
          const row = reply.children[i]!;
          expect(bountyFields(row.child), `${at}/${c.id}`).toEqual(bountyFields(c));
          expect(row.updateDue, `${at}/${c.id} update due`).toBeNull();
          expect(row.claim, `${at}/${c.id} claim`).toEqual(
            expectedClaim(
              c,
              `childBounties.claimChildBounty(${c.parent}, ${c.id})`,
              `${c.parent}, Some(${c.id})`,
            ),
          );
        }
      }
      expect((await ask('/bounty 9999', 'bounty')).absent).toBe('never');
    });
  },
);
