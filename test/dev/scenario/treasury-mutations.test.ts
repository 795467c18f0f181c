/**
 * Each treasury and bounty mutation leaves the storage a pallet would: read back independently,
 * the new storage is the new expected state, and the fields the pallet keeps stay as they were.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spendPhase } from '../../../core/treasury/spend-phase.js';
import { createAssetHubRegistry } from '../../../dev/chain/metadata.js';
import * as S from '../../../dev/scenario/index.js';
import { decodeTreasury, readBounties, readTreasury } from './treasury-readback.js';

const { registry, metadata } = createAssetHubRegistry();
let base: S.Scenario;
let c: S.TreasuryCases;

beforeAll(() => {
  base = S.generateScenario({ size: 'small', seed: 5, onProgress: () => {} });
  c = base.fixtures.treasuryCases;
});

/** Reads the change's storage back and checks it is the change's expected state; returns it. */
function applied(change: S.ScenarioChange) {
  const d = decodeTreasury(registry, metadata, change.scenario.storage, c.accounts.treasury);
  const treasury = readTreasury(registry, metadata, d.items);
  const bounties = readBounties(d.items);
  expect(treasury).toEqual(change.scenario.expected.treasury);
  expect(bounties).toEqual(change.scenario.expected.bounties);
  return { treasury, bounties, scenario: change.scenario, now: change.scenario.expected.anchor.relayBlock };
}

const spend = (r: ReturnType<typeof applied>, index: number) =>
  r.treasury.spends.find((s) => s.index === index);

describe('spend mutations', () => {
  it('approveSpend adds Spends(SpendCount), Pending from now until PayoutPeriod later', () => {
    const before = base.expected.treasury!;
    const who = c.accounts.namedBeneficiary;
    const change = S.approveSpend(base, { asset: 'USDC', amount: 12_000_000_000n, beneficiary: who });
    expect(change.items).toEqual(['Treasury.SpendCount', 'Treasury.Spends']);
    const r = applied(change);
    expect(r.treasury.spendCount).toBe(before.spendCount + 1);
    const s = spend(r, before.spendCount)!;
    expect(s).toMatchObject({
      amount: 12_000_000_000n,
      beneficiary: who,
      status: 'Pending',
      validFrom: r.now,
    });
    expect(s.asset.symbol).toBe('USDC');
    expect(s.expireAt - s.validFrom).toBe(before.constants.payoutPeriod);
    expect(spendPhase(s, r.now)).toBe('claimable');
    expect(() => S.approveSpend(base, { asset: 'KSM', amount: 0n, beneficiary: who })).toThrow(/positive/);
  });

  it('a treasury.spend referendum, once approved, adds the very spend it proposed', () => {
    const proposed = S.proposeSpendReferendum(base, 'medium_spender', c.accounts.unnamedBeneficiary);
    const refId = base.expected.governance.referendumCount;
    expect(proposed.scenario.expected.governance.referenda[refId]!.status).toBe('ongoing');
    const call = S.spendOfReferendum(proposed.scenario, refId);
    expect(call.beneficiary).toBe(c.accounts.unnamedBeneficiary);
    const r = applied(S.enactSpendReferendum(proposed.scenario, refId));
    expect(r.scenario.expected.governance.referenda[refId]!.status).toBe('approved');
    const s = spend(r, base.expected.treasury!.spendCount)!;
    expect({ asset: s.asset.symbol, amount: s.amount, beneficiary: s.beneficiary }).toEqual(call);
    expect(s.approvedBy).toBeNull();
    expect(() => S.proposeSpendReferendum(base, 'root', c.accounts.namedBeneficiary)).toThrow(
      /spending track/,
    );
  });

  it('relay time passing valid_from makes an upcoming spend claimable', () => {
    const index = c.spends.upcoming;
    const r = applied(S.spendBecomesClaimable(base, index));
    expect(spendPhase(spend(r, index)!, r.now)).toBe('claimable');
    expect(spendPhase(spend(r, index)!, r.now - 1)).toBe('upcoming');
  });

  it('a payout attempted, then failed, keeps the window and amount; attempted again, then paid, removes it', () => {
    const index = c.spends.claimable;
    const original = base.expected.treasury!.spends.find((s) => s.index === index)!;
    const attempted = applied(S.payoutAttempted(base, index, 4_242n));
    expect(spend(attempted, index)).toEqual({ ...original, status: 'Attempted', paymentId: 4_242n });
    const failed = applied(S.payoutFailed(attempted.scenario, index));
    expect(spend(failed, index)).toEqual({ ...original, status: 'Failed', paymentId: null });
    expect(spendPhase(spend(failed, index)!, failed.now)).toBe('failed');
    const again = applied(S.payoutAttempted(failed.scenario, index));
    expect(spend(again, index)!.status).toBe('Attempted');
    const paid = S.spendPaid(again.scenario, index);
    expect(paid.changes).toEqual([[expect.any(String), null]]);
    expect(spend(applied(paid), index)).toBeUndefined();
    expect(() => S.payoutFailed(base, index)).toThrow(/no payout attempt/);
    expect(() => S.payoutAttempted(base, c.spends.upcoming)).toThrow(/not claimable/);
  });

  it('a remote beneficiary survives a status change byte for byte', () => {
    const index = c.spends.remoteBeneficiary;
    const original = base.expected.treasury!.spends.find((s) => s.index === index)!;
    const r = applied(S.payoutAttempted(base, index, 9n));
    expect(spend(r, index)).toEqual({ ...original, status: 'Attempted', paymentId: 9n });
  });

  it('relay time reaches each expiry lead time before expire_at, then expire_at itself', () => {
    const index = c.spends.claimable;
    const expireAt = base.expected.treasury!.spends.find((s) => s.index === index)!.expireAt;
    let scenario = base;
    for (const [lead, blocks] of [
      ['week', 7 * 14_400],
      ['day', 14_400],
      ['hour', 600],
    ] as const) {
      const r = applied(S.spendExpiryLeadReached(scenario, index, lead));
      expect(expireAt - r.now).toBe(blocks);
      expect(spendPhase(spend(r, index)!, r.now)).toBe('claimable');
      scenario = r.scenario;
    }
    const expired = applied(S.spendExpires(scenario, index));
    expect(expired.now).toBe(expireAt);
    expect(spendPhase(spend(expired, index)!, expired.now)).toBe('expired');
    expect(() => S.spendExpiryLeadReached(expired.scenario, index, 'day')).toThrow(/has passed/);
  });
});

describe('bounty mutations', () => {
  it('a legacy bounty from proposal to claim', () => {
    const proposer = c.accounts.namedBeneficiary;
    const id = base.expected.bounties!.bountyCount;
    const ref = String(id);
    const proposed = applied(
      S.proposeBounty(base, { value: 2_000_000_000_000_000n, description: 'Wallet audits', proposer }),
    );
    const b = () => proposed.bounties.bounties.find((x) => x.ref === ref)!;
    expect(b()).toMatchObject({ status: 'Proposed', description: 'Wallet audits', proposer, fee: 0n });
    expect(proposed.bounties.bountyCount).toBe(id + 1);
    const approved = applied(S.approveBounty(proposed.scenario, ref));
    expect(approved.bounties.bounties.find((x) => x.ref === ref)!.awaitingFunding).toBe(true);
    const funded = applied(S.fundBounty(approved.scenario, ref));
    expect(funded.bounties.bounties.find((x) => x.ref === ref)).toMatchObject({
      status: 'Funded',
      awaitingFunding: false,
    });
    const curator = c.accounts.namedCurator;
    const proposedCurator = applied(S.proposeCurator(funded.scenario, ref, curator, 50_000_000_000_000n));
    expect(proposedCurator.bounties.bounties.find((x) => x.ref === ref)).toMatchObject({
      status: 'CuratorProposed',
      curator,
    });
    const active = applied(S.acceptCurator(proposedCurator.scenario, ref));
    const a = active.bounties.bounties.find((x) => x.ref === ref)!;
    expect(a.status).toBe('Active');
    expect(a.updateDue).toBe(active.now + base.expected.treasury!.constants.bountyUpdatePeriod!);
    expect(a.curatorDeposit).toBeGreaterThan(0n);
    const due = applied(S.bountyUpdateDueIn(active.scenario, ref, 14_400));
    expect(due.bounties.bounties.find((x) => x.ref === ref)!.updateDue).toBe(due.now + 14_400);
    const awarded = applied(S.awardBounty(due.scenario, ref, c.accounts.unnamedBeneficiary, 4 * 14_400));
    const p = awarded.bounties.bounties.find((x) => x.ref === ref)!;
    expect(p).toMatchObject({ status: 'PendingPayout', curator, beneficiary: c.accounts.unnamedBeneficiary });
    expect(p.unlockAt).toBe(awarded.now + 4 * 14_400);
    expect(() => S.claimBounty(awarded.scenario, ref)).toThrow(/unlocks at/);
    const unlocked = applied(S.bountyUnlockReached(awarded.scenario, ref));
    expect(unlocked.now).toBe(p.unlockAt);
    const claimed = applied(S.claimBounty(unlocked.scenario, ref));
    expect(claimed.bounties.bounties.find((x) => x.ref === ref)).toBeUndefined();
  });

  it('awarding with the runtime delay (0) makes the payout claimable at once; funding an ApprovedWithCurator bounty proposes its curator', () => {
    const r = applied(S.awardBounty(base, c.bounties.active, c.accounts.namedBeneficiary));
    expect(r.bounties.bounties.find((x) => x.ref === c.bounties.active)!.unlockAt).toBe(r.now);
    const f = applied(S.fundBounty(base, c.bounties.approvedWithCurator));
    expect(f.bounties.bounties.find((x) => x.ref === c.bounties.approvedWithCurator)!.status).toBe(
      'CuratorProposed',
    );
    expect(() => S.acceptCurator(base, c.bounties.proposed)).toThrow(/Proposed, not CuratorProposed/);
  });

  it('a child bounty added, given a curator, awarded and unlocked', () => {
    const parentRef = c.bounties.withChildren;
    const parent = base.expected.bounties!.bounties.find((x) => x.ref === parentRef)!;
    const added = applied(S.addChildBounty(base, parentRef, 10_000_000_000_000n, 'Translate the guide'));
    const id = parent.childrenTotal;
    const p = () => added.bounties.bounties.find((x) => x.ref === parentRef)!;
    expect(p().childrenTotal).toBe(id + 1);
    expect(p().children.at(-1)).toMatchObject({ id, status: 'Added', description: 'Translate the guide' });
    expect(added.bounties.childBountyCount).toBe(base.expected.bounties!.childBountyCount + 1);
    const fee = 1_000_000_000_000n;
    const proposed = applied(
      S.proposeChildCurator(added.scenario, parentRef, id, c.accounts.unnamedCurator, fee),
    );
    expect(proposed.bounties.bounties.find((x) => x.ref === parentRef)!.childrenValue).toBe(
      parent.childrenValue! + fee,
    );
    const accepted = applied(S.acceptChildCurator(proposed.scenario, parentRef, id));
    const awarded = applied(
      S.awardChildBounty(accepted.scenario, parentRef, id, c.accounts.namedBeneficiary, 600),
    );
    const child = awarded.bounties.bounties
      .find((x) => x.ref === parentRef)!
      .children.find((x) => x.id === id)!;
    expect(child).toMatchObject({
      status: 'PendingPayout',
      curator: c.accounts.unnamedCurator,
      unlockAt: awarded.now + 600,
    });
    const unlocked = applied(S.childUnlockReached(awarded.scenario, parentRef, id));
    expect(unlocked.now).toBe(child.unlockAt);
  });

  it('a multi-asset bounty funded, confirmed, its payout attempted and failed', () => {
    const ref = `m${base.expected.bounties!.multiAssetBountyCount}`;
    const curator = c.accounts.namedCurator;
    const funding = applied(S.fundMultiAssetBounty(base, { asset: 'USDT', value: 25_000_000_000n, curator }));
    const m = () => funding.bounties.bounties.find((x) => x.ref === ref)!;
    expect(m()).toMatchObject({ status: 'FundingAttempted', paymentStatus: 'Attempted', curator });
    expect(m().asset.symbol).toBe('USDT');
    const funded = applied(S.multiAssetFunded(funding.scenario, ref));
    expect(funded.bounties.bounties.find((x) => x.ref === ref)).toMatchObject({
      status: 'Funded',
      paymentStatus: null,
    });
    const active = c.bounties.multiAsset!.active;
    const payout = applied(S.multiAssetPayoutAttempted(base, active, c.accounts.namedBeneficiary));
    expect(payout.bounties.bounties.find((x) => x.ref === active)).toMatchObject({
      status: 'PayoutAttempted',
      beneficiary: c.accounts.namedBeneficiary,
      paymentStatus: 'Attempted',
    });
    const failed = applied(S.multiAssetPayoutFailed(payout.scenario, active));
    expect(failed.bounties.bounties.find((x) => x.ref === active)).toMatchObject({
      paymentStatus: 'Failed',
      paymentId: null,
    });
  });

  it('the older runtime has no multi-asset bounties to fund', () => {
    const old = S.generateScenario({ size: 'small', seed: 5, runtime: 1_009_003, onProgress: () => {} });
    expect(() =>
      S.fundMultiAssetBounty(old, { asset: 'KSM', value: 1n, curator: c.accounts.namedCurator }),
    ).toThrow(/no MultiAssetBounties/);
  });
});
