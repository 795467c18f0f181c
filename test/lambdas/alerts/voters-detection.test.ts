/**
 * The voters source read from the store (dynalite): versions holding voting records, the voting
 * rules and the referendum outcomes, detected one after the other as the detector runs them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../core/alerts/alert-types.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import { ENTITY, INDEX_ID, type ReferendaIndex } from '../../../core/snapshot/entities.js';
import type { OngoingReferendum, ReferendumInfo } from '../../../core/types/governance.js';
import type { AccountVote, ClassVoting, VoterRecord, VotingRules } from '../../../core/types/voting.js';
import { endedOutcomes } from '../../../core/voting/outcomes.js';
import { deriveAccount } from '../../../dev/scenario/accounts.js';
import { detectAndEnqueue } from '../../../lambdas/alerts/detector.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { KUSAMA_TRACKS, kusamaTrack } from '../../fixtures/kusama-tracks.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

const KSM = 10n ** 12n;
const R1 = 31_000_000;
const T0 = Date.UTC(2026, 6, 1, 12);
const RULES: VotingRules = {
  voteLockingPeriod: 100_800,
  lockPeriods: [0, 1, 2, 4, 8, 16, 32],
  voteTenths: [1, 10, 20, 30, 40, 50, 60],
  voteCall: { pallet: 91, call: 0 },
  removeVoteCall: 4,
  unlockCall: 3,
  specVersion: 2_003_000,
};
const [ALICE, BOB, ERIN, DAN] = ['alice', 'bob', 'erin', 'dan'].map(
  (who) => deriveAccount(4, who, 0).address,
) as [string, string, string, string];

const none = { votes: 0n, capital: 0n };
const aye = (conviction: 0 | 1 | 3, ksm: bigint): AccountVote => ({
  type: 'standard',
  aye: true,
  conviction,
  balance: ksm * KSM,
});
const casting = (votes: Array<[number, AccountVote]>, prior = { until: 0, amount: 0n }): ClassVoting => ({
  type: 'casting',
  votes: votes.map(([referendum, vote]) => ({ referendum, vote })),
  delegations: none,
  prior,
});
const record = (classes: Record<number, ClassVoting>, locks: Array<[number, bigint]>): VoterRecord => ({
  classes,
  classLocks: locks.map(([track, ksm]) => ({ track, amount: ksm * KSM })),
  delegators: {},
});

function ongoing(id: number, since: number): OngoingReferendum {
  return {
    status: 'ongoing',
    id,
    track: 32,
    origin: 'Origins.SmallSpender',
    proposal: { kind: 'Legacy', hash: '0x00' },
    enactment: { kind: 'After', blocks: 100 },
    submitted: since - 100,
    submissionDeposit: { who: 'x', amount: 1n },
    decisionDeposit: { who: 'x', amount: 1n },
    deciding: { since, confirming: null },
    tally: { ayes: 0n, nays: 0n, support: 0n },
    inQueue: false,
    alarm: null,
  };
}

/** One version: the relay block, the referenda, and the voting records. */
function entities(relay: number, referenda: ReferendumInfo[], voting: Record<string, unknown>) {
  const anchor = {
    relayBlock: relay,
    blockNumber: relay - R1 + 1,
    blockHash: `0x${relay.toString(16).padStart(64, '0')}`,
    timestampMs: T0 + (relay - R1) * 6_000,
    specVersion: 2_003_000,
  };
  const open = referenda.filter((r): r is OngoingReferendum => r.status === 'ongoing');
  const index: ReferendaIndex = {
    referendumCount: 10,
    ongoing: open.map((info) => ({
      id: info.id,
      track: info.track,
      proposal: null,
      info,
      title: { text: `Proposal ${info.id}`, source: 'subsquare' as const },
    })),
    recentlyEnded: [],
  };
  return [
    { kind: ENTITY.status, id: 'current', data: { anchor, activeEra: 9_000, warnings: [] } },
    { kind: ENTITY.tracks, id: 'all', data: KUSAMA_TRACKS },
    { kind: ENTITY.index, id: INDEX_ID.referenda, data: index },
    {
      kind: ENTITY.index,
      id: INDEX_ID.outcomes,
      data: endedOutcomes(Object.fromEntries(referenda.map((r) => [r.id, r]))),
    },
    { kind: ENTITY.votingRules, id: 'current', data: RULES },
    ...referenda.map((info) => ({
      kind: ENTITY.referendum,
      id: String(info.id),
      data: { info, proposal: null },
    })),
    ...Object.entries(voting).map(([id, data]) => ({ kind: ENTITY.voting, id, data })),
  ];
}

describe('voter alerts from stored records', () => {
  let dynamo: TestDynamo;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
  });
  afterAll(() => dynamo?.close());

  async function bench(label: string) {
    const tableName = await dynamo.newTable(label);
    const clock = { now: T0 };
    const now = () => clock.now;
    const client = dynamo.client;
    const store = createDynamoStore({ client, tableName, now });
    const subscriptions = createSubscriptionStore({ client, tableName, now });
    const target: DeliveryTarget = { platform: 'discord', kind: 'channel', id: '123456789012345678' };
    for (const address of [ALICE, BOB, ERIN])
      await subscriptions.subscribe({ ...target, createdBy: '1' }, { kind: 'address', address });
    const deps = {
      store,
      differ: createVersionDiffer({ client, tableName }),
      subscriptions,
      records: createAlertRecordStore({ client, tableName, now }),
      queue: { send: async () => {} },
      now,
    };
    /** Commits a version and detects it, the clock a minute after its chain time. */
    const run = async (relay: number, referenda: ReferendumInfo[], voting: Record<string, unknown>) => {
      clock.now = T0 + (relay - R1) * 6_000 + 60_000;
      await store.writeVersion({ relayBlock: relay }, entities(relay, referenda, voting));
      return (await detectAndEnqueue(deps))!;
    };
    return { run, deps };
  }

  const voterKinds = new Set(['delegate-voted', 'delegate-not-voted', 'voted-ref-ended', 'lock-unlockable']);
  const mine = (alerts: Alert[]) =>
    alerts
      .filter((a) => voterKinds.has(a.facts.kind))
      .map((a) => `${a.facts.kind} ${(a.scope as { address: string }).address}`)
      .sort();

  it('a delegate that has not voted, then votes; a referendum ending; a prior lock expiring', async () => {
    const { run } = await bench('voters-flow');
    // Referendum 1's decision period ends 20 h after R1; 5 is deciding too.
    const one = ongoing(1, R1 + 20 * 600 - kusamaTrack(32).decisionPeriod);
    const five = ongoing(5, R1 - 1_000);
    const alice = record(
      {
        32: {
          type: 'delegating',
          target: DAN,
          conviction: 2,
          balance: 40n * KSM,
          delegations: none,
          prior: { until: 0, amount: 0n },
        },
      },
      [[32, 40n]],
    );
    const bob = record({ 32: casting([[5, aye(3, 25n)]]) }, [[32, 25n]]);
    const erin = record({ 11: casting([], { until: R1 + 50, amount: 30n * KSM }) }, [[11, 30n]]);
    const danBefore = record({ 32: casting([[5, aye(1, 1n)]]) }, [[32, 1n]]);

    const first = await run(R1, [one, five], { [ALICE]: alice, [BOB]: bob, [ERIN]: erin, [DAN]: danBefore });
    expect(mine(first.alerts)).toEqual([`delegate-not-voted ${ALICE}`]);
    expect(first.alerts.find((a) => a.facts.kind === 'delegate-not-voted')!.facts).toMatchObject({
      referendum: 1,
      delegate: { address: DAN, delegating: false },
    });

    // 100 blocks later: dan votes on 1, 5 is approved, erin's prior lock has ended.
    const R2 = R1 + 100;
    const danAfter = record(
      {
        32: casting([
          [1, aye(3, 120n)],
          [5, aye(1, 1n)],
        ]),
      },
      [[32, 120n]],
    );
    const approved: ReferendumInfo = {
      status: 'approved',
      id: 5,
      block: R2 - 5,
      submissionDeposit: null,
      decisionDeposit: null,
    };
    const second = await run(R2, [one, approved], {
      [ALICE]: alice,
      [BOB]: bob,
      [ERIN]: erin,
      [DAN]: danAfter,
    });
    expect(mine(second.alerts)).toEqual(
      [
        `delegate-voted ${ALICE}`,
        `voted-ref-ended ${ALICE}`,
        `voted-ref-ended ${BOB}`,
        `lock-unlockable ${ERIN}`,
      ].sort(),
    );
    const byKind = (kind: string, address: string) =>
      second.alerts.find(
        (a) => a.facts.kind === kind && (a.scope as { address: string }).address === address,
      )!;
    expect(byKind('delegate-voted', ALICE).facts).toMatchObject({
      referendum: 1,
      title: 'Proposal 1',
      delegate: { address: DAN },
    });
    expect(byKind('voted-ref-ended', BOB).facts).toMatchObject({
      outcome: 'approved',
      lock: { state: 'locked', amount: String(25n * KSM), until: { block: R2 - 5 + 4 * 100_800 } },
    });
    expect(byKind('lock-unlockable', ERIN).facts).toMatchObject({
      amount: String(30n * KSM),
      calls: [{ call: 'unlock', track: 11 }],
    });
    expect(second.deliveries.filter((d) => voterKinds.has(d.alert.facts.kind)).length).toBe(4);

    // The next version changes nothing of theirs: no voter news, only time passed.
    const third = await run(R2 + 10, [one, approved], {
      [ALICE]: alice,
      [BOB]: bob,
      [ERIN]: erin,
      [DAN]: danAfter,
    });
    expect(mine(third.alerts)).toEqual([]);
  });

  it('records stored in the shape before full voting count as unchanged: the new shape is no news', async () => {
    const { run } = await bench('voters-shape');
    const five = ongoing(5, R1 - 1_000);
    const old = { 32: { type: 'casting', referenda: [5] } };
    const first = await run(R1, [five], { [BOB]: old, [ALICE]: {}, [ERIN]: {} });
    expect(mine(first.alerts)).toEqual([]);
    const bob = record({ 32: casting([[5, aye(3, 25n)]]) }, [[32, 25n]]);
    const erin = record({ 11: casting([], { until: R1 + 50, amount: 30n * KSM }) }, [[11, 30n]]);
    const second = await run(R1 + 100, [five], { [BOB]: bob, [ALICE]: record({}, []), [ERIN]: erin });
    // Erin's expired lock is a standing state the previous version could not show: told once.
    expect(mine(second.alerts)).toEqual([`lock-unlockable ${ERIN}`]);
  });
});
