import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_ASSETS } from '../../../../core/treasury/asset-ref.js';
import { storageContext } from '../../../../dev/scenario/storage-context.js';
import { readTreasury, type TreasuryRead } from '../../../../lambdas/snapshot/read/treasury.js';
import { expectedBounties, expectedTreasury, POT, treasuryPairs } from './treasury-model.js';
import { type VotingChain, votingChain } from './voting-chain.js';

describe.each([2_003_000, 1_009_003])('the treasury and bounties read (statemine %i)', (runtime) => {
  let chain: VotingChain;
  let read: TreasuryRead;

  beforeAll(async () => {
    chain = await votingChain(treasuryPairs(runtime), runtime, `treasury-${runtime}`);
    read = await readTreasury(chain.ctx, chain.codec);
  });
  afterAll(() => chain?.close());

  it('reads every spend, proposal, holding and rate exactly as seeded', () => {
    const { constants: _c, ...treasury } = read.treasury!;
    const expected = expectedTreasury();
    const unknown = treasury.spends.find((s) => s.index === 8)!;
    // An asset paid on another chain is not placed: its key is its own SCALE, the start of the stored spend.
    const stored = treasuryPairs(runtime).find(
      ([k]) => k === storageContext(runtime).key('Treasury', 'Spends', 8),
    )!;
    expect(unknown.asset.key).toMatch(/^unknown:0x/);
    expect(stored[1].startsWith(unknown.asset.key.slice('unknown:'.length))).toBe(true);
    unknown.asset.key = 'unknown';
    expect(treasury).toEqual(expected);
  });

  it("reads the treasury's constants from the metadata: relay-block periods, burn, account", () => {
    expect(read.treasury!.constants).toEqual({
      account: POT,
      spendPeriod: 6 * 14_400,
      burnPermill: 0,
      payoutPeriod: 90 * 14_400,
      maxApprovals: 100,
      // Balances.ExistentialDeposit of Kusama Asset Hub: a tenth of the system parachains' deposit.
      existentialDeposit: 3_333_333n,
      bountyDepositPayoutDelay: 0,
      bountyUpdatePeriod: 10 * 12 * 30 * 14_400,
      bountyValueMinimum: 66_666_666_600n,
    });
  });

  it('reads bounties with their children, descriptions and counters; multi-asset ones where the runtime has them', () => {
    expect(read.bounties).toEqual(expectedBounties(runtime));
  });

  it('warns about nothing, even without MultiAssetBounties', () => {
    expect(chain.warnings).toEqual([]);
  });

  it('reads in two rounds: the keys side by side, then one batch of values', () => {
    // Treasury, 3 asset maps, the 3 bounty pallets (MultiAssetBounties absent before 2,003,000), then the values.
    expect(chain.storage.requests).toBe(runtime >= 2_003_000 ? 8 : 7);
  });
});

describe('a runtime without the treasury', () => {
  let chain: VotingChain;
  beforeAll(async () => {
    chain = await votingChain([], 2_003_000, 'treasury-empty');
  });
  afterAll(() => chain?.close());

  it('reads an empty treasury as empty, never failing', async () => {
    const read = await readTreasury(chain.ctx, chain.codec);
    expect(read.treasury).toMatchObject({
      spends: [],
      proposals: [],
      approvals: [],
      spendCount: 0,
      holdings: [],
    });
    expect(read.bounties).toEqual({
      bountyCount: 0,
      multiAssetBountyCount: 0,
      childBountyCount: 0,
      approvals: [],
      bounties: [],
    });
  });

  it('gives null with a warning when the metadata has no Treasury or bounty pallet', async () => {
    const warnings: string[] = [];
    const ctx = {
      ...chain.ctx,
      has: (p: string, i: string) =>
        !['Treasury', 'Bounties', 'MultiAssetBounties'].includes(p) && chain.ctx.has(p, i),
      warn: (m: string) => warnings.push(m),
    };
    const read = await readTreasury(ctx, chain.codec);
    expect(read).toEqual({ treasury: null, bounties: null });
    expect(warnings).toEqual([
      'Treasury is not in this runtime; no treasury read',
      'Bounties is not in this runtime; no bounties read',
    ]);
  });
});

it('knows the stablecoins without the chain', () => {
  expect(KNOWN_ASSETS.get('assets:1984')).toEqual({ symbol: 'USDT', decimals: 6 });
});
