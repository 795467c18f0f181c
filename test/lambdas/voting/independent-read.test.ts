/**
 * The acceptance test of /votes and /delegate: a scenario's voters on the dev chain, one snapshot
 * run into dynalite, and for every named voter case (and other accounts with a voting record) the
 * reply intents compared with an independent read of the same block through @polkadot/api: each
 * vote, delegation, prior lock and class lock, the delegator counts, and the amount that can be
 * unlocked, computed here from the raw values and the pallet's rules. The small scenario checks
 * every account; the kusama one (about 2,900 voters, three big delegates) checks the named cases,
 * every delegate and a fixed sample of the rest.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand, commandContext, SnapshotCache } from '../../../bots/commands/index.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { DelegateReply, Reply, VotesReply } from '../../../core/reply/reply-types.js';
import type { AccountVote } from '../../../core/types/voting.js';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { generateScenario, type Scenario, seedStorage } from '../../../dev/scenario/index.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import {
  delegatorsOf,
  expectedUnlock,
  multiplierTenths,
  type RawClass,
  type RawVote,
  type RawVoting,
  readVoting,
} from './independent-read.js';

const ss58 = (a: string) => encodeAddress(decodeAddress(a), 2);

let scenario: Scenario;
let chain: DevChain;
let dynamo: TestDynamo;
let store: SnapshotStore;
let api: ApiPromise;
let raw: RawVoting;
let period: number;
/** Accounts beyond the named cases and the delegates: all of them, or every n-th. */
let sampleEvery = 1;

async function setUp(size: 'small' | 'kusama', seed: number): Promise<void> {
  scenario = generateScenario({ size, seed, onProgress: () => {} });
  [chain, dynamo] = await Promise.all([startDevChain({ identity: `${size}/${seed}` }), startTestDynamo()]);
  await seedStorage(chain.endpoint, scenario.storage);
  store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('independent-read') });
  const summary = await runSnapshotJob({
    store,
    endpoints: { assetHub: [chain.endpoint] },
    archive: new MemoryEraArchive(),
    // The kusama scenario's first run reads 84 eras; on a busy two-core machine that takes minutes.
    readTimeoutMs: 840_000,
  });
  api = await ApiPromise.create({ provider: new WsProvider(chain.endpoint), noInitWarn: true });
  const at = await api.at(await api.rpc.chain.getBlockHash(summary.blockNumber));
  raw = await readVoting(at, ss58);
  period = Number(api.consts.convictionVoting!.voteLockingPeriod!.toString());
}

async function tearDown(): Promise<void> {
  await api?.disconnect();
  await chain?.close();
  await dynamo?.close();
}

async function ask<T extends 'votes' | 'delegate'>(
  line: string,
  type: T,
): Promise<Extract<Reply, { type: T }>> {
  const reply = await answerCommand(
    line,
    commandContext({ store, caller: null, cache: new SnapshotCache(), staleAfterMs: 60 * 60_000 }),
  );
  expect(reply.type, `${line}: ${reply.type === 'error' ? reply.error.message : ''}`).toBe(type);
  return reply as Extract<Reply, { type: T }>;
}

/** One vote as text both sides can be compared in. */
function rawVoteKey(track: number, v: RawVote): string {
  if (v.kind === 'standard')
    return `${track}/${v.referendum} standard ${v.aye ? 'aye' : 'nay'} ${v.conviction} ${v.balance}`;
  return `${track}/${v.referendum} ${v.kind} ${v.sides.aye} ${v.sides.nay}${v.kind === 'splitAbstain' ? ` ${v.sides.abstain}` : ''}`;
}
function voteKey(track: number, referendum: number, v: AccountVote): string {
  if (v.type === 'standard')
    return `${track}/${referendum} standard ${v.aye ? 'aye' : 'nay'} ${v.conviction} ${v.balance}`;
  return `${track}/${referendum} ${v.type} ${v.aye} ${v.nay}${v.type === 'splitAbstain' ? ` ${v.abstain}` : ''}`;
}

function classesOf(account: string): Array<[number, RawClass]> {
  return [...(raw.votingFor.get(account) ?? new Map<number, RawClass>())].sort((a, b) => a[0] - b[0]);
}

function rawVotes(account: string, ongoing: boolean): string[] {
  return classesOf(account)
    .flatMap(([track, c]) => (c.kind === 'casting' ? c.votes.map((v) => [track, v] as const) : []))
    .filter(([, v]) => (raw.outcomes.get(v.referendum)?.status === 'ongoing') === ongoing)
    .map(([track, v]) => rawVoteKey(track, v))
    .sort();
}

function expectedDelegated(account: string) {
  const counted = delegatorsOf(raw).get(account) ?? new Map();
  const classes = raw.votingFor.get(account);
  return [...counted]
    .sort((a, b) => a[0] - b[0])
    .map(([track, d]) => ({ track, ...d, chain: classes?.get(track)?.delegations ?? null }));
}

function accountsToCheck(): string[] {
  const c = scenario.fixtures.voterCases;
  const named = [
    c.direct.address,
    c.split.address,
    c.splitAbstain.address,
    c.delegate.address,
    ...c.delegate.delegators,
    c.delegating.address,
    c.delegating.target,
    c.priorLocked.address,
    c.priorExpired.address,
    c.endedWinner.address,
    c.endedFree.address,
    c.noVotes.address,
  ];
  const delegates = [...delegatorsOf(raw).keys()];
  const rest = [...new Set([...raw.votingFor.keys(), ...raw.classLocks.keys()])].filter(
    (_, i) => i % sampleEvery === 0,
  );
  return [...new Set([...named, ...delegates, ...rest])];
}

function compareVotes(account: string, reply: VotesReply): void {
  const v = reply.view;
  const at = (what: string) => `${account}: ${what}`;
  expect(v.now.block, at('relay block')).toBe(raw.relayBlock);
  expect(v.ongoing.map((r) => voteKey(r.track.id, r.referendum, r.vote)).sort(), at('ongoing votes')).toEqual(
    rawVotes(account, true),
  );
  expect(v.ended.map((r) => voteKey(r.track.id, r.referendum, r.vote)).sort(), at('ended votes')).toEqual(
    rawVotes(account, false),
  );
  expect(
    v.delegating.map((d) => [d.track.id, d.target, d.conviction, d.balance]),
    at('delegating'),
  ).toEqual(
    classesOf(account).flatMap(([track, c]) =>
      c.kind === 'delegating' ? [[track, c.target, c.conviction, c.balance]] : [],
    ),
  );
  expect(
    v.locks
      .filter((l) => l.prior)
      .map((l) => [l.track.id, l.prior!.until.block, l.prior!.amount, l.prior!.expired]),
    at('prior locks'),
  ).toEqual(
    classesOf(account)
      .filter(([, c]) => c.prior.amount > 0n)
      .map(([track, c]) => [track, c.prior.until, c.prior.amount, raw.relayBlock >= c.prior.until]),
  );
  const classLocks = [...(raw.classLocks.get(account) ?? [])].sort((a, b) => a[0] - b[0]);
  expect(
    v.locks.filter((l) => l.lockedNow > 0n).map((l) => [l.track.id, l.lockedNow]),
    at('class locks'),
  ).toEqual(classLocks.filter(([, amount]) => amount > 0n));
  expect(v.lockedNow, at('locked now')).toBe(
    [...classLocks.map(([, a]) => a)].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))[0] ?? 0n,
  );
  expect(
    v.delegated.map((d) => ({
      track: d.track.id,
      count: d.count,
      capital: d.capital,
      votes: d.votes,
      chain: d.chain,
    })),
    at('delegators'),
  ).toEqual(expectedDelegated(account));
  const unlock = expectedUnlock(raw, account, period);
  expect(v.unlockable, at('unlockable')).toBe(unlock.unlockable);
  expect(
    v.calls.filter((c) => c.call === 'unlock').map((c) => c.track),
    at('unlock calls'),
  ).toEqual(unlock.lowered);
  expect(
    v.calls.flatMap((c) => (c.call === 'removeVote' ? [`${c.track}/${c.referendum}`] : [])).sort(),
    at('removeVote calls'),
  ).toEqual(unlock.lowered.flatMap((t) => (unlock.removable.get(t) ?? []).map((r) => `${t}/${r}`)).sort());
  expect(v.empty, at('empty')).toBe(classesOf(account).length === 0 && classLocks.length === 0);
}

function compareDelegate(account: string, reply: DelegateReply): void {
  const v = reply.view;
  expect(
    v.delegated.map((d) => ({
      track: d.track.id,
      count: d.count,
      capital: d.capital,
      votes: d.votes,
      chain: d.chain,
    })),
  ).toEqual(expectedDelegated(account));
  const expectedVotes = classesOf(account)
    .flatMap(([track, c]) =>
      c.kind === 'casting'
        ? c.votes
            .filter((x) => raw.outcomes.get(x.referendum)?.status === 'ongoing')
            .map((x) => `${rawVoteKey(track, x)} +${x.kind === 'standard' ? c.delegations.votes : 0n}`)
        : [],
    )
    .sort();
  expect(
    v.votes.map((r) => `${voteKey(r.track.id, r.referendum, r.vote)} +${r.delegatedVotes}`).sort(),
  ).toEqual(expectedVotes);
}

describe.each([
  { size: 'small' as const, seed: 42, every: 1 },
  { size: 'kusama' as const, seed: 42, every: 10 },
])(
  '/votes and /delegate agree with an independent read of the chain ($size scenario)',
  ({ size, seed, every }) => {
    beforeAll(async () => {
      sampleEvery = every;
      await setUp(size, seed);
    }, 900_000);
    afterAll(tearDown);

    it('the scenario has every named case on chain', () => {
      const c = scenario.fixtures.voterCases;
      for (const who of [
        c.direct,
        c.split,
        c.splitAbstain,
        c.delegate,
        c.delegating,
        c.priorLocked,
        c.priorExpired,
        c.endedWinner,
        c.endedFree,
      ])
        expect(raw.votingFor.get(who.address)?.has(who.track), who.address).toBe(true);
      expect(raw.votingFor.has(c.noVotes.address)).toBe(false);
      expect(delegatorsOf(raw).get(c.delegate.address)?.get(c.delegate.track)?.count).toBe(
        c.delegate.delegators.length,
      );
      // The cases reach every branch of the unlock maths.
      expect(expectedUnlock(raw, c.endedFree.address, period).unlockable).toBeGreaterThan(0n);
      expect(raw.relayBlock).toBeGreaterThan(0);
      expect(multiplierTenths(6)).toBe(60n);
    });

    it('/votes of every voter: votes, delegations, prior and class locks, delegators and what can be unlocked', async () => {
      const accounts = accountsToCheck();
      expect(accounts.length).toBeGreaterThan(size === 'kusama' ? 300 : 10);
      for (const account of accounts) compareVotes(account, await ask(`/votes ${account}`, 'votes'));
    }, 600_000);

    it('/delegate of every voter: its delegators per track and its votes with the delegated votes they carry', async () => {
      for (const account of accountsToCheck())
        compareDelegate(account, await ask(`/delegate ${account}`, 'delegate'));
    }, 600_000);
  },
);
