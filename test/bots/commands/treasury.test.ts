/**
 * /treasury, /spends, /spend, /bounties and /bounty answered from a dynalite store seeded with the
 * treasury fixture beside the small scenario's snapshot: the reply intents against the fixture's
 * values, every filter, the names attached, and the clear answers to bad input and missing data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { renderText } from '../../../bots/text/index.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type {
  BountiesReply,
  BountyReply,
  SpendReply,
  SpendsReply,
  TreasuryReply,
} from '../../../core/reply/treasury-replies.js';
import { ALICE, ALICE_42, DAY, ksm, TREASURY_ACCOUNT, usd } from './treasury-fixture.js';
import { startTreasuryWorld, type TreasuryTable, type TreasuryWorld } from './treasury-world.js';

let world: TreasuryWorld;
let NOW: number;
beforeAll(async () => {
  world = await startTreasuryWorld();
  NOW = world.fixture.now;
}, 120_000);
afterAll(async () => {
  await world?.close();
});

async function ask<T extends Reply>(
  line: string,
  type: T['type'],
  table: TreasuryTable = 'main',
): Promise<T> {
  const reply = await answerCommand(line, world.context(table));
  if (reply.type !== type) throw new Error(`${line}: expected ${type}, got ${renderText(reply)}`);
  return reply as T;
}

async function refused(line: string, code: string, table: TreasuryTable = 'main'): Promise<string> {
  const reply = await answerCommand(line, world.context(table));
  expect(reply.type, line).toBe('error');
  if (reply.type !== 'error') return '';
  expect(reply.error.code, line).toBe(code);
  return reply.error.message;
}

describe('/treasury', () => {
  it('holds each asset with its KSM value where there is a rate, and totals them', async () => {
    const r = await ask<TreasuryReply>('/treasury', 'treasury');
    expect(r.account).toBe(TREASURY_ACCOUNT);
    expect(r.holdings.map((h) => [h.asset.key, h.balance, h.nativeValue])).toEqual([
      ['native', ksm(1_000), ksm(1_000)],
      ['assets:1337', usd(40_000), null],
      ['assets:1984', usd(200_000), ksm(20_000)],
    ]);
    expect(r.totalNative).toBe(ksm(21_000));
    expect(r.unpriced.map((a) => a.symbol)).toEqual(['USDC']);
    expect(r.names?.[ALICE]?.display).toBe('Alice');
  });

  it('the next spend period, what it funds from the pot and what it burns', async () => {
    const { period } = await ask<TreasuryReply>('/treasury', 'treasury');
    expect(period.next.block).toBe(NOW - 4 * DAY + 6 * DAY);
    expect(period.next.atMs).toBe(world.chainTimeMs + 2 * DAY * 6_000);
    expect(period.overdue).toBe(false);
    const pot = ksm(1_000) - 3_333_333n;
    expect(period.pot).toBe(pot);
    expect(period.funding.map((f) => [f.kind, f.id, f.value, f.funded])).toEqual([
      ['proposal', 1, ksm(100), true],
      ['bounty', 1, ksm(200), true],
    ]);
    expect(period.fundedTotal).toBe(ksm(300));
    // 1% of the pot, rounded to the nearest planck (halfway down) as `Permill * n` does.
    const onePercent = (n: bigint) => (n * 10_000n + 499_999n) / 1_000_000n;
    expect(period.burnOfPotNow).toBe(onePercent(pot));
    expect(period.burnAtPeriod).toBe(onePercent(pot - ksm(300)));
  });

  it('open spends per asset and phase, and the unclaimed ones expiring within 7 days', async () => {
    const r = await ask<TreasuryReply>('/treasury', 'treasury');
    expect(r.pending.map((p) => [p.asset.key, p.count, p.amount])).toEqual([
      ['native', 2, ksm(129.5)],
      ['assets:1337', 1, usd(800)],
      ['assets:1984', 3, usd(26_800)],
    ]);
    expect(r.pending[2]!.byPhase).toEqual([
      { phase: 'upcoming', count: 1, amount: usd(25_000) },
      { phase: 'claimable', count: 1, amount: usd(300) },
      { phase: 'failed', count: 1, amount: usd(1_500) },
    ]);
    expect(r.expiringSoon.map((s) => [s.index, s.blocksToExpiry])).toEqual([
      [3, 2 * DAY],
      [5, 5 * DAY],
      [8, 6 * DAY],
    ]);
    expect(r.expiringOmitted).toBe(0);
  });

  it('refuses arguments, and says so when the snapshot has no treasury data', async () => {
    await refused('/treasury now', 'extra-argument');
    expect(await refused('/treasury', 'no-snapshot', 'missing')).toMatch(/no treasury data/);
  });
});

describe('/spends', () => {
  const indices = async (line: string) => (await ask<SpendsReply>(line, 'spends')).rows.map((r) => r.index);

  it('pending by default: every unpaid, unexpired spend, soonest expiry first', async () => {
    expect(await indices('/spends')).toEqual([3, 5, 8, 9, 6, 4]);
    expect(await indices('/spends pending')).toEqual([3, 5, 8, 9, 6, 4]);
  });

  it('claimable, expiring and failed', async () => {
    expect(await indices('/spends claimable')).toEqual([3, 8, 9]);
    expect(await indices('/spends expiring')).toEqual([3, 5, 8]);
    expect(await indices('/spends FAILED')).toEqual([5]);
  });

  it('to one beneficiary, given in any SS58 form and shown in the Kusama form', async () => {
    const r = await ask<SpendsReply>(`/spends ${ALICE_42}`, 'spends');
    expect(r.beneficiary?.address).toBe(ALICE);
    expect(r.beneficiary?.converted).toBe(true);
    expect(r.rows.map((x) => x.index)).toEqual([3, 5]);
    expect(await indices(`/spends ${ALICE} claimable`)).toEqual([3]);
    expect((await ask<SpendsReply>(`/spends failed ${TREASURY_ACCOUNT}`, 'spends')).total).toBe(0);
  });

  it('refuses an unknown filter, a bad address and extra words', async () => {
    expect(await refused('/spends paid', 'unknown-spend-filter')).toMatch(
      /pending, claimable, expiring, failed/,
    );
    await refused('/spends 1x2y3z', 'invalid-address');
    await refused('/spends claimable failed', 'extra-argument');
    await refused(`/spends claimable ${ALICE} ${ALICE}`, 'extra-argument');
  });
});

describe('/spend', () => {
  it('a claimable spend: its window, the approving referendum with its title, and the payout call', async () => {
    const r = await ask<SpendReply>('/spend 3', 'spend');
    const s = r.spend!;
    expect([s.asset.key, s.amount, s.beneficiary, s.status, s.phase]).toEqual([
      'native',
      ksm(120),
      ALICE,
      'Pending',
      'claimable',
    ]);
    expect([s.validFrom.block, s.expireAt.block]).toEqual([NOW - 10 * DAY, NOW + 2 * DAY]);
    expect(s.approvedBy).toBe(401);
    expect(r.approvedByTitle?.text).toBe('Kusama Vision: ecosystem events 2026');
    expect(s.todo).toEqual({ action: 'payout', call: 'treasury.payout(3)' });
    expect(r.names?.[ALICE]?.display).toBe('Alice');
  });

  it('what to do in each other phase', async () => {
    const todo = async (i: number) => (await ask<SpendReply>(`/spend #${i}`, 'spend')).spend!;
    const upcoming = await todo(4);
    expect([upcoming.phase, upcoming.todo]).toEqual([
      'upcoming',
      { action: 'wait', from: upcoming.validFrom },
    ]);
    expect(upcoming.nativeValue).toBe(ksm(2_500));
    expect((await todo(5)).todo).toEqual({ action: 'payout', call: 'treasury.payout(5)' });
    const attempted = await todo(6);
    expect([attempted.phase, attempted.paymentId, attempted.todo.action]).toEqual([
      'attempted',
      77n,
      'check-status',
    ]);
    const expired = await todo(7);
    expect([expired.phase, expired.todo]).toEqual([
      'expired',
      { action: 'check-status', call: 'treasury.checkStatus(7)' },
    ]);
  });

  it('a spend no longer stored, and one that never existed', async () => {
    const removed = await ask<SpendReply>('/spend 1', 'spend');
    expect([removed.spend, removed.absent]).toEqual([null, 'removed']);
    const never = await ask<SpendReply>('/spend 10', 'spend');
    expect(never.absent).toBe('never');
    expect(renderText(never)).toMatch(/There is no spend #10: the treasury has approved 10 spends/);
  });

  it('refuses a bad index or none', async () => {
    await refused('/spend abc', 'invalid-spend-index');
    await refused('/spend -1', 'invalid-spend-index');
    await refused('/spend 99999999999', 'invalid-spend-index');
    await refused('/spend', 'missing-argument');
  });
});

describe('/bounties', () => {
  const refs = async (line: string, table: TreasuryTable = 'main') =>
    (await ask<BountiesReply>(line, 'bounties', table)).rows.map((r) => r.bounty.ref);

  it('the live ones by default (all but proposed), of both pallets', async () => {
    expect(await refs('/bounties')).toEqual(['1', '2', '4', '5', '6', '7', 'm1', 'm2']);
    expect(await refs('/bounties all')).toEqual(['0', '1', '2', '4', '5', '6', '7', 'm1', 'm2']);
    expect(await refs('/bounties', 'noMultiAsset')).toEqual(['1', '2', '4', '5', '6', '7']);
  });

  it('each status word', async () => {
    expect(await refs('/bounties proposed')).toEqual(['0', '1']);
    expect(await refs('/bounties funded')).toEqual(['2']);
    expect(await refs('/bounties curator')).toEqual(['4']);
    expect(await refs('/bounties active')).toEqual(['5', 'm1']);
    expect(await refs('/bounties payout')).toEqual(['6', '7', 'm2']);
    expect(await refs('/bounties claimable')).toEqual(['6', '7', 'm2']);
  });

  it('when each awarded bounty can be claimed, and the call', async () => {
    const r = await ask<BountiesReply>('/bounties payout', 'bounties');
    expect(r.rows.map((x) => x.claim)).toEqual([
      {
        state: 'waiting',
        at: { block: NOW + 2 * DAY, atMs: world.chainTimeMs + 2 * DAY * 6_000 },
        call: 'bounties.claimBounty(6)',
      },
      { state: 'claimable', since: { block: NOW, atMs: world.chainTimeMs }, call: 'bounties.claimBounty(7)' },
      { state: 'payout-attempted', failed: false, call: 'multiAssetBounties.checkStatus(2, None)' },
    ]);
  });

  it('refuses an unknown status', async () => {
    await refused('/bounties open', 'unknown-bounty-status');
    await refused('/bounties active all', 'extra-argument');
  });
});

describe('/bounty', () => {
  it('a legacy bounty with its child bounties and what each can claim', async () => {
    const r = await ask<BountyReply>('/bounty 5', 'bounty');
    expect([r.bounty?.value, r.bounty?.fee, r.bounty?.status, r.updateDue?.block]).toEqual([
      ksm(500),
      ksm(10),
      'Active',
      NOW + 300 * DAY,
    ]);
    expect(r.children.map((c) => [c.child.id, c.child.status, c.claim.state])).toEqual([
      [0, 'Added', 'none'],
      [1, 'Active', 'none'],
      [2, 'PendingPayout', 'claimable'],
    ]);
    expect(r.children[2]!.claim).toMatchObject({ call: 'childBounties.claimChildBounty(5, 2)' });
  });

  it('a multi-asset bounty by m<id>, #m<id> or M<id>', async () => {
    for (const line of ['/bounty m1', '/bounty #m1', '/bounty M1']) {
      const r = await ask<BountyReply>(line, 'bounty');
      expect([r.ref, r.bounty?.asset.key, r.bounty?.value]).toEqual(['m1', 'assets:1984', usd(10_000)]);
      expect(r.children[0]!.claim).toEqual({
        state: 'payout-attempted',
        failed: true,
        call: 'multiAssetBounties.retryPayment(1, Some(0))',
      });
    }
  });

  it('one removed, one never created, and multi-asset on a runtime without the pallet', async () => {
    expect((await ask<BountyReply>('/bounty 3', 'bounty')).absent).toBe('removed');
    expect((await ask<BountyReply>('/bounty 8', 'bounty')).absent).toBe('never');
    expect((await ask<BountyReply>('/bounty m2', 'bounty')).absent).toBe(null);
    const noPallet = await ask<BountyReply>('/bounty m1', 'bounty', 'noMultiAsset');
    expect([noPallet.absent, noPallet.multiAssetPallet]).toEqual(['never', false]);
    expect(renderText(noPallet)).toMatch(/no multi-asset bounties pallet/);
  });

  it('refuses a bad reference', async () => {
    await refused('/bounty x5', 'invalid-bounty-ref');
    await refused('/bounty m', 'invalid-bounty-ref');
    await refused('/bounty', 'missing-argument');
  });
});
