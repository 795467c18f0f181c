import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadContext } from '../../../../lambdas/snapshot/read/context.js';
import type { MetadataCodec } from '../../../../lambdas/snapshot/read/metadata-codec.js';
import { readVoting } from '../../../../lambdas/snapshot/read/voting.js';
import {
  convictionTable,
  readVotingRules,
  VotingRulesError,
} from '../../../../lambdas/snapshot/read/voting-rules.js';
import type { RawStorage } from '../../../../lambdas/snapshot/rpc/raw-storage.js';
import { type VotingChain, votingChain } from './voting-chain.js';

describe.each([2_003_000, 1_009_003])('voting rules of statemine %i, from its metadata', (runtime) => {
  let chain: VotingChain;
  beforeAll(async () => {
    chain = await votingChain([], runtime, `voting-rules/${runtime}`);
  }, 120_000);
  afterAll(() => chain?.close());

  it('reads the locking period, the conviction table and the call indices', () => {
    expect(readVotingRules(chain.codec)).toEqual({
      voteLockingPeriod: 100_800,
      lockPeriods: [0, 1, 2, 4, 8, 16, 32],
      voteTenths: [1, 10, 20, 30, 40, 50, 60],
      voteCall: { pallet: 91, call: 0 },
      removeVoteCall: 4,
      unlockCall: 3,
      specVersion: runtime,
    });
  });
});

describe('the conviction table from the variant names', () => {
  const names = ['None', 'Locked1x', 'Locked2x', 'Locked3x', 'Locked4x', 'Locked5x', 'Locked6x'];

  it('gives None no lock and a tenth of the votes, LockedNx 2^(N-1) periods and N times', () => {
    expect(convictionTable(names.map((name, index) => ({ name, index })))).toEqual({
      lockPeriods: [0, 1, 2, 4, 8, 16, 32],
      voteTenths: [1, 10, 20, 30, 40, 50, 60],
    });
  });

  it('refuses a variant it does not know and variants that are not numbered in order', () => {
    expect(() => convictionTable([...names, 'Locked7y'].map((name, index) => ({ name, index })))).toThrow(
      new VotingRulesError('unexpected Conviction variant "Locked7y" (index 7)'),
    );
    expect(() => convictionTable([{ name: 'None', index: 1 }])).toThrow(/numbered 0\.\.0/);
    expect(() => convictionTable([])).toThrow(VotingRulesError);
  });
});

describe('a runtime without ConvictionVoting', () => {
  it('has no voting rules', () => {
    const codec = { metadataPallets: () => [] } as unknown as MetadataCodec;
    expect(readVotingRules(codec)).toBeNull();
  });

  it('reads no votes and says so, without asking the chain', async () => {
    const warnings: string[] = [];
    const ctx: ReadContext = {
      storage: {} as RawStorage,
      has: () => false,
      decoders: { decoder: (item) => item.decode },
      warn: (m) => warnings.push(m),
    };
    expect(
      await readVoting(ctx, {} as MetadataCodec, ['HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F']),
    ).toEqual({});
    expect(warnings).toEqual(['ConvictionVoting.VotingFor is not in this runtime; votes not read']);
  });
});
