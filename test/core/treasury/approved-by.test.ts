import { describe, expect, it } from 'vitest';
import type { ProposalCall } from '../../../core/opengov/title.js';
import { linkSpends, SPEND_CALL_RETENTION, spendCallsOf } from '../../../core/treasury/approved-by.js';
import type { ReferendumInfo } from '../../../core/types/governance.js';
import type { Snapshot } from '../../../core/types/snapshot.js';
import type { TreasurySpend, TreasuryState } from '../../../core/types/treasury.js';

const ALICE = 'CyVhCdEqqKgebuTt4wJ7CizZsJ2rG4cnnGZa8mCTMBnrRFY';
const BOB = 'Gqf48vx8ZZ2yrbZ1yW2SvU9B2NxdJtNUcuFUXEcFrMxFhtN';
const KSM = { symbol: 'KSM', decimals: 12 };
const USDT = { symbol: 'USDT', decimals: 6 };
const spendCall = (value: bigint, to: string, asset = KSM): ProposalCall => ({
  pallet: 'treasury',
  method: 'spend',
  amount: { value, asset },
  beneficiary: to,
});
const ongoing = (id: number) => ({ status: 'ongoing', id }) as unknown as ReferendumInfo;
const ended = (id: number, status: string, block: number) =>
  ({ status, id, block, submissionDeposit: null, decisionDeposit: null }) as ReferendumInfo;
const spend = (index: number, amount: bigint, to: string, key = 'native'): TreasurySpend => ({
  index,
  asset: { key, symbol: key === 'native' ? 'KSM' : 'USDT', decimals: 12 },
  amount,
  beneficiary: to,
  validFrom: 0,
  expireAt: 10,
  status: 'Pending',
  paymentId: null,
  approvedBy: null,
});
const snap = (
  referenda: Record<number, ReferendumInfo>,
  calls: Record<number, ProposalCall>,
  spends: TreasurySpend[],
  spendCount: number,
  relayBlock = 1_000,
) =>
  ({
    anchor: { relayBlock },
    governance: { referenda, proposalCalls: calls },
    treasury: { spends, spendCount } as TreasuryState,
  }) as unknown as Pick<Snapshot, 'governance' | 'treasury' | 'anchor'>;

describe('which referendum approved a spend', () => {
  it('finds every treasury.spend of a call, through batches', () => {
    const batch: ProposalCall = {
      pallet: 'utility',
      method: 'batchAll',
      calls: [{ pallet: 'system', method: 'remark' }, spendCall(5n, ALICE), spendCall(6n, BOB, USDT)],
    };
    expect(spendCallsOf(7, batch)).toEqual([
      { referendum: 7, ordinal: 0, asset: 'native', amount: 5n, beneficiary: ALICE },
      { referendum: 7, ordinal: 1, asset: 'assets:1984', amount: 6n, beneficiary: BOB },
    ]);
  });

  it('links a new spend to the lowest approved referendum with the same call, once; old spends stay null', () => {
    const first = linkSpends(
      null,
      snap(
        { 3: ongoing(3), 4: ongoing(4) },
        { 3: spendCall(5n, ALICE), 4: spendCall(5n, ALICE) },
        [spend(0, 5n, ALICE)],
        1,
      ),
    );
    expect(first.treasury?.spends[0]?.approvedBy).toBeNull();
    expect(first.memory?.calls.map((c) => c.referendum)).toEqual([3, 4]);
    // Both approved; two equal spends appear: the lowest referendum takes the first, the next the second.
    const referenda = { 3: ended(3, 'approved', 900), 4: ended(4, 'approved', 950) };
    const second = linkSpends(
      first.memory,
      snap(referenda, {}, [spend(0, 5n, ALICE), spend(1, 5n, ALICE), spend(2, 5n, ALICE)], 3),
    );
    expect(second.treasury?.spends.map((s) => s.approvedBy)).toEqual([null, 3, 4]);
    expect(second.memory).toEqual({
      spendCount: 3,
      calls: [],
      links: [
        [1, 3],
        [2, 4],
      ],
    });
    // The links stay while the spends do; a paid spend's link goes with it.
    const third = linkSpends(second.memory, snap(referenda, {}, [spend(2, 5n, ALICE)], 3));
    expect(third.treasury?.spends.map((s) => s.approvedBy)).toEqual([4]);
    expect(third.memory?.links).toEqual([[2, 4]]);
  });

  it('never links to a referendum still ongoing, rejected, or with another asset, amount or beneficiary', () => {
    const memory = linkSpends(
      null,
      snap(
        { 1: ongoing(1), 2: ongoing(2) },
        { 1: spendCall(5n, ALICE), 2: spendCall(5n, ALICE, USDT) },
        [],
        0,
      ),
    ).memory;
    const referenda = { 1: ended(1, 'rejected', 900), 2: ended(2, 'approved', 900) };
    const out = linkSpends(
      memory,
      snap(
        referenda,
        {},
        [spend(0, 5n, ALICE), spend(1, 5n, BOB, 'assets:1984'), spend(2, 4n, ALICE, 'assets:1984')],
        3,
      ),
    );
    expect(out.treasury?.spends.map((s) => s.approvedBy)).toEqual([null, null, null]);
    // The rejected one is forgotten; the approved one waits for its spend, until the retention ends.
    expect(out.memory?.calls.map((c) => c.referendum)).toEqual([2]);
    const later = linkSpends(out.memory, snap(referenda, {}, [], 3, 900 + SPEND_CALL_RETENTION));
    expect(later.memory?.calls).toEqual([]);
  });

  it('keeps the memory as it was when the runtime has no treasury', () => {
    const memory = { spendCount: 4, calls: [], links: [] };
    expect(linkSpends(memory, { ...snap({}, {}, [], 0), treasury: null })).toEqual({
      treasury: null,
      memory,
    });
  });
});
