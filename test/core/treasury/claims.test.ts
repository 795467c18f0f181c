/** What to do about a spend in each phase, and when a bounty or child bounty can be claimed. */
import { describe, expect, it } from 'vitest';
import { bountyClaim } from '../../../core/treasury/bounty-claim.js';
import { spendTodo } from '../../../core/treasury/spend-todo.js';

const FROM = { block: 120, atMs: 5 };
const ANCHOR = { relayBlock: 100, timestampMs: 1_000_000 };
const awarded = (unlockAt: number | null) => ({
  status: 'PendingPayout' as const,
  unlockAt,
  paymentStatus: null,
});

describe('spendTodo', () => {
  it('payout when claimable or failed, checkStatus when attempted or expired, wait before validFrom', () => {
    expect(spendTodo(4, 'claimable', FROM)).toEqual({ action: 'payout', call: 'treasury.payout(4)' });
    expect(spendTodo(4, 'failed', FROM)).toEqual({ action: 'payout', call: 'treasury.payout(4)' });
    expect(spendTodo(4, 'attempted', FROM)).toEqual({
      action: 'check-status',
      call: 'treasury.checkStatus(4)',
    });
    expect(spendTodo(4, 'expired', FROM)).toEqual({
      action: 'check-status',
      call: 'treasury.checkStatus(4)',
    });
    expect(spendTodo(4, 'upcoming', FROM)).toEqual({ action: 'wait', from: FROM });
  });
});

describe('bountyClaim', () => {
  it('a legacy bounty is claimable from unlock_at on (the relay block), not before', () => {
    expect(bountyClaim(awarded(101), 'bounties', 3, null, ANCHOR)).toEqual({
      state: 'waiting',
      at: { block: 101, atMs: 1_006_000 },
      call: 'bounties.claimBounty(3)',
    });
    expect(bountyClaim(awarded(100), 'bounties', 3, null, ANCHOR)).toMatchObject({ state: 'claimable' });
    expect(bountyClaim(awarded(100), 'bounties', 3, 1, ANCHOR)).toMatchObject({
      call: 'childBounties.claimChildBounty(3, 1)',
    });
  });

  it('nothing to claim in any other status', () => {
    for (const status of ['Proposed', 'Funded', 'Active', 'CuratorProposed'] as const)
      expect(
        bountyClaim({ status, unlockAt: null, paymentStatus: null }, 'bounties', 3, null, ANCHOR),
      ).toEqual({
        state: 'none',
      });
  });

  it('a multi-asset payout is settled by checkStatus, or retried after a failure', () => {
    const attempted = { status: 'PayoutAttempted' as const, unlockAt: null };
    expect(
      bountyClaim({ ...attempted, paymentStatus: 'Attempted' }, 'multiAssetBounties', 2, null, ANCHOR),
    ).toEqual({
      state: 'payout-attempted',
      failed: false,
      call: 'multiAssetBounties.checkStatus(2, None)',
    });
    expect(
      bountyClaim({ ...attempted, paymentStatus: 'Failed' }, 'multiAssetBounties', 2, 5, ANCHOR),
    ).toEqual({
      state: 'payout-attempted',
      failed: true,
      call: 'multiAssetBounties.retryPayment(2, Some(5))',
    });
    expect(bountyClaim(awarded(0), 'multiAssetBounties', 2, null, ANCHOR)).toEqual({ state: 'none' });
  });
});
