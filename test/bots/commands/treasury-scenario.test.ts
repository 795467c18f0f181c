/**
 * /treasury, /spend, /spends and /bounty over the small scenario's treasury, on statemine
 * 2,003,000 and on 1,009,003 (no multi-asset bounties): each value the answers show equals the
 * scenario's expected state (what a correct snapshot reads from the seeded storage), and each
 * named case lands in the phase, filter and claim state its name says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { renderText } from '../../../bots/text/index.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type {
  BountyReply,
  SpendReply,
  SpendsReply,
  TreasuryReply,
} from '../../../core/reply/treasury-replies.js';
import { spendPhase } from '../../../core/treasury/spend-phase.js';
import { startTreasuryWorld, type TreasuryTable, type TreasuryWorld } from './treasury-world.js';

let world: TreasuryWorld;
beforeAll(async () => {
  world = await startTreasuryWorld();
}, 180_000);
afterAll(async () => {
  await world?.close();
});

async function ask<T extends Reply>(line: string, table: TreasuryTable): Promise<T> {
  const reply = await answerCommand(line, world.context(table));
  if (reply.type === 'error') throw new Error(`${line}: ${renderText(reply)}`);
  return reply as T;
}

describe.each(['scenario', 'scenario1009003'] as const)('the %s treasury', (table) => {
  const scenario = () => world.scenarios[table];

  it('/treasury: every holding and the spend period as stored', async () => {
    const expected = scenario().expected.treasury!;
    const r = await ask<TreasuryReply>('/treasury', table);
    expect(r.account).toBe(expected.constants.account);
    expect(r.holdings.map((h) => [h.asset.key, h.asset.decimals, h.balance, h.rateToNative])).toEqual(
      expected.holdings.map((h) => [h.asset.key, h.asset.decimals, h.balance, h.rateToNative]),
    );
    expect(r.spendCount).toBe(expected.spendCount);
    expect(r.period.spendPeriod).toBe(expected.constants.spendPeriod);
    expect(r.period.lastSpendPeriod).toBe(expected.lastSpendPeriod);
    expect(r.period.burnPermill).toBe(expected.constants.burnPermill);
    expect(r.period.funding.filter((f) => f.kind === 'proposal').map((f) => f.id)).toEqual(
      expected.approvals.filter((i) => expected.proposals.some((p) => p.index === i)),
    );
    const open = expected.spends.filter(
      (s) => spendPhase(s, scenario().expected.anchor.relayBlock) !== 'expired',
    );
    expect(r.pending.reduce((n, p) => n + p.count, 0)).toBe(open.length);
  });

  it('/spend: each stored spend as stored, in the phase its case names', async () => {
    const expected = scenario().expected.treasury!;
    for (const s of expected.spends) {
      const r = await ask<SpendReply>(`/spend ${s.index}`, table);
      expect(r.spend, `spend ${s.index}`).toMatchObject({
        index: s.index,
        amount: s.amount,
        beneficiary: s.beneficiary,
        status: s.status,
        paymentId: s.paymentId,
        approvedBy: s.approvedBy,
      });
      expect([r.spend!.asset.key, r.spend!.validFrom.block, r.spend!.expireAt.block]).toEqual([
        s.asset.key,
        s.validFrom,
        s.expireAt,
      ]);
    }
    const cases = scenario().fixtures.treasuryCases.spends;
    for (const phase of ['upcoming', 'claimable', 'attempted', 'failed', 'expired'] as const)
      expect((await ask<SpendReply>(`/spend ${cases[phase]}`, table)).spend!.phase, phase).toBe(phase);
  });

  it('/spends expiring: exactly the spends expiring within an hour, a day and a week', async () => {
    const cases = scenario().fixtures.treasuryCases.spends;
    const r = await ask<SpendsReply>('/spends expiring', table);
    expect(r.rows.map((x) => x.index)).toEqual([
      cases.expiresWithinHour,
      cases.expiresWithinDay,
      cases.expiresWithinWeek,
    ]);
  });

  it('/bounty: each bounty and child bounty as stored, and the claim state its case names', async () => {
    const expected = scenario().expected.bounties!;
    for (const b of expected.bounties) {
      const r = await ask<BountyReply>(`/bounty ${b.ref}`, table);
      const { children, ...rest } = b;
      expect(r.bounty, b.ref).toEqual(rest);
      expect(r.children.map((c) => c.child)).toEqual(children);
    }
    const cases = scenario().fixtures.treasuryCases.bounties;
    expect((await ask<BountyReply>(`/bounty ${cases.pendingPayoutClaimable}`, table)).claim.state).toBe(
      'claimable',
    );
    expect((await ask<BountyReply>(`/bounty ${cases.pendingPayoutLocked}`, table)).claim.state).toBe(
      'waiting',
    );
    const parent = await ask<BountyReply>(`/bounty ${cases.withChildren}`, table);
    const claimOf = (c: { id: number }) => parent.children.find((x) => x.child.id === c.id)!.claim.state;
    expect(claimOf(cases.children.pendingPayoutClaimable)).toBe('claimable');
    expect(claimOf(cases.children.pendingPayoutLocked)).toBe('waiting');
    expect(claimOf(cases.children.active)).toBe('none');
  });
});
