import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario, type Scenario } from '../../../../dev/scenario/index.js';
import { readTreasury, type TreasuryRead } from '../../../../lambdas/snapshot/read/treasury.js';
import { type VotingChain, votingChain } from './voting-chain.js';

// The kusama-size scenario on today's runtime: every treasury and bounty value as seeded, in a few requests.
describe('the treasury and bounties of the kusama scenario (statemine 2,003,000)', () => {
  let scenario: Scenario;
  let chain: VotingChain;
  let read: TreasuryRead;

  beforeAll(async () => {
    scenario = generateScenario({ size: 'kusama', seed: 42 });
    chain = await votingChain(scenario.storage, 2_003_000, 'kusama/42');
    read = await readTreasury(chain.ctx, chain.codec);
  }, 600_000);
  afterAll(() => chain?.close());

  it('reads back exactly the expected treasury and bounties', () => {
    expect(read.treasury).toEqual(scenario.expected.treasury);
    expect(read.bounties).toEqual(scenario.expected.bounties);
    expect(chain.warnings).toEqual([]);
  });

  it('in two rounds: keys side by side, then the values in batches', () => {
    expect(chain.storage.requests).toBeLessThanOrEqual(10);
  });
});
