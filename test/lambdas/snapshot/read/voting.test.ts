import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from '../../../../core/types/staking.js';
import type { VoterRecord } from '../../../../core/types/voting.js';
import { EMPTY_VOTER } from '../../../../core/voting/voter-record.js';
import { generateScenario, type Scenario } from '../../../../dev/scenario/index.js';
import { readVoting } from '../../../../lambdas/snapshot/read/voting.js';
import { storagePrefix } from '../../../../lambdas/snapshot/rpc/keys.js';
import { type VotingChain, votingChain } from './voting-chain.js';

const VOTING_FOR = storagePrefix('ConvictionVoting', 'VotingFor');
const CLASS_LOCKS_FOR = storagePrefix('ConvictionVoting', 'ClassLocksFor');

/** Requests of one bulk read of `n` entries: key pages of 1,000 (the last one short), values in batches of 2,000. */
const bulkRequests = (n: number) => Math.floor(n / 1_000) + 1 + Math.ceil(n / 2_000);

// The whole kusama-size voting population on the dev chain: only its voting storage is seeded.
describe('reading all conviction voting of the kusama-size scenario', () => {
  let scenario: Scenario;
  let chain: VotingChain;
  let read: Record<Address, VoterRecord>;
  let votingPairs: number;
  let lockPairs: number;

  beforeAll(async () => {
    scenario = generateScenario({ size: 'kusama', seed: 5, onProgress: () => {} });
    const pairs = scenario.storage.filter(([k]) => k.startsWith(VOTING_FOR) || k.startsWith(CLASS_LOCKS_FOR));
    votingPairs = pairs.filter(([k]) => k.startsWith(VOTING_FOR)).length;
    lockPairs = pairs.length - votingPairs;
    chain = await votingChain(pairs, undefined, 'voting/kusama/5');
    const cases = scenario.fixtures.voterCases;
    read = await readVoting(chain.ctx, chain.codec, [cases.noVotes.address, cases.direct.address]);
  }, 600_000);
  afterAll(() => chain?.close());

  it('reads back exactly what the scenario seeded, with an empty record for a watched non-voter', () => {
    expect(votingPairs).toBe(scenario.fixtures.voting.length);
    expect(Object.keys(scenario.expected.voting).length).toBeGreaterThan(2_500);
    expect(read).toEqual({
      ...scenario.expected.voting,
      [scenario.fixtures.voterCases.noVotes.address]: EMPTY_VOTER,
    });
    expect(chain.warnings).toEqual([]);
  });

  it('reads both maps in bulk: paged keys and values in large batches', () => {
    expect(chain.storage.requests).toBe(bulkRequests(votingPairs) + bulkRequests(lockPairs));
  });

  it('keeps class locks in chain order and everything else in one canonical order', () => {
    const voters = Object.entries(read);
    const unsorted = voters.filter(([, r]) =>
      r.classLocks.some((l, i) => i > 0 && l.track < r.classLocks[i - 1]!.track),
    );
    expect(unsorted.length).toBeGreaterThan(100);
    for (const [who, r] of unsorted.slice(0, 50))
      expect(r.classLocks).toEqual(scenario.expected.voting[who]!.classLocks);
    // Voters come sorted by address; the watched addresses without a record follow them.
    const addresses = voters.map(([who]) => who).filter((who) => who in scenario.expected.voting);
    expect(addresses).toEqual([...addresses].sort());
    for (const [, r] of voters) {
      for (const voting of Object.values(r.classes)) {
        if (voting.type !== 'casting') continue;
        const ids = voting.votes.map((v) => v.referendum);
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
      }
    }
  });

  it('counts who delegates to whom per track from every delegation', () => {
    const delegations = scenario.fixtures.voting.filter((r) => r.kind === 'Delegating');
    let count = 0;
    for (const r of Object.values(read)) for (const d of Object.values(r.delegators)) count += d.count;
    expect(count).toBe(delegations.length);
    const big = Object.values(read)
      .flatMap((r) => Object.values(r.delegators))
      .filter((d) => d.count >= 10);
    expect(big.length).toBeGreaterThan(0);
    // What the chain stores as a delegate's received delegations is what the delegators add up to.
    for (const r of Object.values(read))
      for (const [track, d] of Object.entries(r.delegators))
        expect(r.classes[Number(track)]?.delegations).toEqual({ votes: d.votes, capital: d.capital });
  });
});
