import { describe, expect, it } from 'vitest';
import { ENTITY, type Entity, INDEX_ID } from '../../../core/snapshot/entities.js';
import { snapshotEntities, votingEntities } from '../../../core/snapshot/snapshot-entities.js';
import type { ReferendumInfo } from '../../../core/types/governance.js';
import type { Snapshot } from '../../../core/types/snapshot.js';
import type { VoterRecord, VotingRules } from '../../../core/types/voting.js';
import { EMPTY_VOTER } from '../../../core/voting/voter-record.js';
import { accountOf, emptySnapshot, ksm } from '../../fixtures/staking-fixture.js';

const RULES: VotingRules = {
  voteLockingPeriod: 100_800,
  lockPeriods: [0, 1, 2, 4, 8, 16, 32],
  voteTenths: [1, 10, 20, 30, 40, 50, 60],
  voteCall: { pallet: 91, call: 0 },
  removeVoteCall: 4,
  unlockCall: 3,
  specVersion: 2_003_000,
};

const delegate = accountOf('delegate');
const delegator = accountOf('delegator');
const watched = accountOf('watched');
const none = { votes: 0n, capital: 0n };
const prior = { until: 0, amount: 0n };

const voting: Record<string, VoterRecord> = {
  [delegate]: {
    classes: {
      0: {
        type: 'casting',
        votes: [{ referendum: 7, vote: { type: 'standard', aye: true, conviction: 1, balance: ksm(5) } }],
        delegations: { votes: ksm(80), capital: ksm(40) },
        prior,
      },
    },
    classLocks: [{ track: 0, amount: ksm(5) }],
    delegators: { 0: { count: 1, capital: ksm(40), votes: ksm(80) } },
  },
  [delegator]: {
    classes: {
      0: { type: 'delegating', target: delegate, conviction: 2, balance: ksm(40), delegations: none, prior },
    },
    classLocks: [{ track: 0, amount: ksm(40) }],
    delegators: {},
  },
  [watched]: EMPTY_VOTER,
};

function ended(id: number, status: 'approved' | 'cancelled', block: number): ReferendumInfo {
  return { status, id, block, submissionDeposit: null, decisionDeposit: null } as ReferendumInfo;
}

function snapshotWith(rules: VotingRules | null): Snapshot {
  const s = emptySnapshot(6_000, 1_700_000_000_000, 1_700_000_600_000);
  s.voting = voting;
  s.votingRules = rules;
  s.governance.referenda = { 3: ended(3, 'approved', 31_000_000), 4: ended(4, 'cancelled', 31_100_000) };
  return s;
}

const byKey = (entities: Iterable<Entity>) =>
  new Map([...entities].map((e) => [`${e.kind}:${e.id}`, e.data]));

describe('conviction voting entities', () => {
  it('one entity per voter (an empty one for a watched non-voter), the rules and the outcomes', () => {
    const entities = byKey(votingEntities(snapshotWith(RULES)));
    expect([...entities.keys()].sort()).toEqual(
      [
        `${ENTITY.voting}:${delegate}`,
        `${ENTITY.voting}:${delegator}`,
        `${ENTITY.voting}:${watched}`,
        `${ENTITY.votingRules}:current`,
        `${ENTITY.index}:${INDEX_ID.outcomes}`,
      ].sort(),
    );
    expect(entities.get(`${ENTITY.voting}:${delegate}`)).toEqual(voting[delegate]);
    expect(entities.get(`${ENTITY.voting}:${watched}`)).toEqual(EMPTY_VOTER);
    expect(entities.get(`${ENTITY.votingRules}:current`)).toEqual(RULES);
    expect(entities.get(`${ENTITY.index}:${INDEX_ID.outcomes}`)).toEqual({
      3: { status: 'approved', block: 31_000_000 },
      4: { status: 'cancelled', block: 31_100_000 },
    });
  });

  it('has no rules entity for a runtime without conviction voting, and is part of the whole snapshot', () => {
    const entities = byKey(snapshotEntities(snapshotWith(null)));
    expect(entities.has(`${ENTITY.votingRules}:current`)).toBe(false);
    expect(entities.get(`${ENTITY.voting}:${delegator}`)).toEqual(voting[delegator]);
    expect(entities.has(`${ENTITY.index}:${INDEX_ID.outcomes}`)).toBe(true);
  });
});
