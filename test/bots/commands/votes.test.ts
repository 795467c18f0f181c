/**
 * /votes and /delegate answered from a store seeded with hand-built voting entities beside the
 * small scenario's snapshot (dynalite): the reply intents, what the text says, the reads they make,
 * and the clear refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { renderText } from '../../../bots/text/index.js';
import type { DelegateReply, Reply, VotesReply } from '../../../core/reply/reply-types.js';
import {
  ALICE,
  aye,
  BOB,
  casting,
  delegating,
  KUSAMA_RULES,
  ksm,
  PERIOD,
  record,
} from '../../core/voting/voting-fixture.js';
import { startVotesWorld, type VotesWorld } from './votes-world.js';

let world: VotesWorld;
let NOW: number;
let R1: { id: number; track: number };
let R2: { id: number; track: number };
let VOTER: string;
const LOCKED = 9_001;
const LOST = 9_002;

beforeAll(async () => {
  world = await startVotesWorld((scenario) => {
    NOW = scenario.expected.anchor.relayBlock;
    const ongoing = Object.values(scenario.expected.governance.referenda)
      .flatMap((r) => (r.status === 'ongoing' ? [{ id: r.id, track: r.track }] : []))
      .sort((a, b) => a.id - b.id);
    R1 = ongoing[0]!;
    R2 = ongoing.find((r) => r.track !== R1.track)!;
    VOTER = scenario.fixtures.ledgers.withdrawableChunk;
    return {
      rules: KUSAMA_RULES,
      outcomes: {
        [LOCKED]: { status: 'approved', block: NOW - PERIOD },
        [LOST]: { status: 'rejected', block: NOW - 100 },
      },
      voters: {
        [VOTER]: record(
          {
            [R1.track]: casting(
              [
                [R1.id, aye(ksm(40), 3)],
                [LOCKED, aye(ksm(25), 2)],
                [LOST, aye(ksm(60), 1)],
              ],
              { until: NOW + 500, amount: ksm(10) },
              { votes: ksm(180), capital: ksm(90) },
            ),
            [R2.track]: delegating(BOB, 2, ksm(100), { until: NOW - 5, amount: ksm(150) }),
          },
          [
            [R1.track, ksm(60)],
            [R2.track, ksm(150)],
          ],
          { [R1.track]: { count: 3, capital: ksm(90), votes: ksm(180) } },
        ),
        [BOB]: record(
          {
            [R1.track]: casting([[R1.id, { type: 'split', aye: ksm(1), nay: ksm(2) }]]),
            [R2.track]: casting([[R2.id, aye(ksm(5), 6)]], undefined, { votes: ksm(200), capital: ksm(100) }),
          },
          [
            [R2.track, ksm(5)],
            [R1.track, ksm(3)],
          ],
          { [R2.track]: { count: 1, capital: ksm(100), votes: ksm(200) } },
        ),
      },
    };
  });
});
afterAll(async () => {
  await world?.close();
});

async function ask<T extends Reply['type']>(line: string, type: T, store?: 'main' | 'old' | 'noRules') {
  const reply = await answerCommand(line, world.context(store));
  expect(reply.type, JSON.stringify(reply.type === 'error' ? reply.error : null)).toBe(type);
  return reply as Extract<Reply, { type: T }>;
}

describe('/votes', () => {
  it('shows each vote, delegation, delegator count and lock of a voter, and the unlock calls in order', async () => {
    const reply: VotesReply = await ask(`/votes ${VOTER}`, 'votes');
    const v = reply.view;
    expect(v.ongoing.map((r) => [r.referendum, r.track.id, r.votes, r.lockAfterBlocks])).toEqual([
      [R1.id, R1.track, ksm(120), 4 * PERIOD],
    ]);
    expect(v.ended.map((r) => [r.referendum, r.lock])).toEqual([
      [LOCKED, { state: 'locked', until: { block: NOW + PERIOD, atMs: expect.any(Number) } }],
      [LOST, { state: 'free', reason: 'losing-side' }],
    ]);
    // The until block's time is 6 s a block from the snapshot's relay block and chain time.
    const ended = v.ended[0]!.lock;
    expect(ended.state === 'locked' && ended.until.atMs).toBe(
      world.snapshot.anchor.timestampMs + PERIOD * 6000,
    );
    expect(v.delegating).toMatchObject([
      {
        track: { id: R2.track },
        target: BOB,
        conviction: 2,
        balance: ksm(100),
        votes: ksm(200),
        lockAfterBlocks: 2 * PERIOD,
      },
    ]);
    expect(v.delegated).toMatchObject([
      {
        track: { id: R1.track },
        count: 3,
        capital: ksm(90),
        votes: ksm(180),
        chain: { votes: ksm(180), capital: ksm(90) },
      },
    ]);
    expect(v.locks.map((l) => [l.track.id, l.lockedNow, l.neededAfter, l.freesNow])).toEqual(
      [
        [R1.track, ksm(60), ksm(40), ksm(20)],
        [R2.track, ksm(150), ksm(100), ksm(50)],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect([v.lockedNow, v.lockedAfter, v.unlockable]).toEqual([ksm(150), ksm(100), ksm(50)]);
    const byTrack = [
      [
        { call: 'removeVote', track: R1.track, referendum: LOST },
        { call: 'unlock', track: R1.track, target: VOTER },
      ],
      [{ call: 'unlock', track: R2.track, target: VOTER }],
    ];
    expect(v.calls).toEqual((R1.track < R2.track ? byTrack : byTrack.reverse()).flat());
    expect(v.nextExpiry?.block).toBe(NOW + 500);
    expect(v.staking?.withdrawable).toBeGreaterThan(0n);
    expect(v.empty).toBe(false);

    const text = renderText(reply);
    expect(text).toContain(`convictionVoting.removeVote(${R1.track}, ${LOST})`);
    expect(text).toContain(`convictionVoting.unlock(${R2.track}, ${VOTER})`);
    expect(text).toContain('staking.withdrawUnbonded(0)');
    expect(text).toContain('Unlockable now: 50 KSM');
    expect(text).toContain(`locked while #${R1.id} runs, then 28 days if aye wins`);
    expect(text).toContain('free to remove (it was on the losing side)');
    expect(text).toContain(`locked until relay block #${(NOW + PERIOD).toLocaleString('en')}`);
    expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
  });

  it('reads a bounded set of entities at the pointer, whatever the record holds', async () => {
    world.reads.getEntity.length = 0;
    world.reads.getEntities = 0;
    await ask(`/votes ${VOTER}`, 'votes');
    expect(new Set(world.reads.getEntity)).toEqual(
      new Set([
        'status/current',
        `voting/${VOTER}`,
        'voting-rules/current',
        'index/outcomes',
        'index/referenda',
        'tracks/all',
        'stake-set/current',
        'era/current',
      ]),
    );
    expect(world.reads.getEntity).toHaveLength(8);
    // The account's staking parts in a few batches (core/staking/stored-read.ts), then the names
    // of every address shown in one.
    expect(world.reads.getEntities).toBe(8);
  });

  it('answers an account with no voting record in a friendly sentence', async () => {
    const reply = await ask(`/votes ${ALICE}`, 'votes');
    expect(reply.view.empty).toBe(true);
    expect(renderText(reply)).toContain('No conviction votes, delegations or locks.');
  });

  it('refuses bad input with a clear message and the usage', async () => {
    const bad = await ask('/votes notanaddress', 'error');
    expect(bad.error.message).toMatch(/address/i);
    expect(bad.usage).toBe('/votes <address>');
    const none = await ask('/votes', 'error');
    expect(none.error.message).toMatch(/address/i);
    const two = await ask(`/votes ${ALICE} ${BOB}`, 'error');
    expect(two.usage).toBe('/votes <address>');
  });

  it('says what is missing when the snapshot predates full voting or lacks the rules', async () => {
    const old = await ask(`/votes ${VOTER}`, 'error', 'old');
    expect(old.error.message).toContain('conviction-voting');
    const noRules = await ask(`/votes ${VOTER}`, 'error', 'noRules');
    expect(noRules.error.message).toContain('conviction-voting rules');
  });
});

describe('/delegate', () => {
  it('counts the delegators per track and shows the delegate votes with the delegated votes they carry', async () => {
    const reply: DelegateReply = await ask(`/delegate ${BOB}`, 'delegate');
    const v = reply.view;
    expect(v.delegated).toMatchObject([
      { track: { id: R2.track }, count: 1, capital: ksm(100), votes: ksm(200) },
    ]);
    expect(v.totals).toEqual({ tracks: 1, delegations: 1, capital: ksm(100), votes: ksm(200) });
    const votes = v.votes.map((r) => [r.referendum, r.vote.type, r.votes, r.delegatedVotes]);
    expect(votes).toEqual(
      [
        [R1.id, 'split', null, 0n],
        [R2.id, 'standard', ksm(30), ksm(200)],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    const text = renderText(reply);
    expect(text).toContain('Delegated to it: 1 delegation on 1 track: 100 KSM capital, 200 votes');
    expect(text).toContain('Aye, 6x conviction, 5 KSM (30 votes) + 200 delegated votes');
    expect(text).toContain('split: 1 KSM aye, 2 KSM nay (0.1x each)');
  });

  it('answers an account nobody delegates to, and refuses bad input', async () => {
    const nobody = await ask(`/delegate ${ALICE}`, 'delegate');
    expect(nobody.view.empty).toBe(true);
    expect(renderText(nobody)).toContain('No delegators');
    const bad = await ask('/delegate 0x1234', 'error');
    expect(bad.usage).toBe('/delegate <address>');
  });
});
