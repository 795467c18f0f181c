/**
 * `/calldata` answered from a real snapshot of the dev chain. The `voting-rules/current` entity is
 * built here from the dev chain's own metadata (pallet index, the `vote` variant's index,
 * VoteLockingPeriod) and served beside the stored entities, and every call data answered is
 * decoded back with @polkadot/types through that metadata.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { renderText } from '../../../bots/text/render.js';
import type { SnapshotReader } from '../../../core/ports/snapshot-reader.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { ENTITY, type StatusEntity } from '../../../core/snapshot/entities.js';
import type { VotingRules } from '../../../core/types/voting.js';
import { assetHubRuntime, registryFor } from '../../../dev/chain/runtimes.js';
import { type CommandHarness, startCommandHarness } from './harness.js';

const KSM = 10n ** 12n;
const { registry, metadata } = registryFor(assetHubRuntime(2_003_000));

/** The rules as the runtime's metadata states them. */
function rulesFromMetadata(specVersion: number): VotingRules {
  const pallet = metadata.asLatest.pallets.find((p) => p.name.eq('ConvictionVoting'))!;
  const calls = registry.lookup.getSiType(pallet.calls.unwrap().type).def.asVariant.variants;
  const index = (name: string) => calls.find((v) => v.name.eq(name))!.index.toNumber();
  const period = pallet.constants.find((c) => c.name.eq('VoteLockingPeriod'))!;
  return {
    voteLockingPeriod: registry.createType('u32', period.value).toNumber(),
    lockPeriods: [0, 1, 2, 4, 8, 16, 32],
    voteTenths: [1, 10, 20, 30, 40, 50, 60],
    voteCall: { pallet: pallet.index.toNumber(), call: index('vote') },
    removeVoteCall: index('remove_vote'),
    unlockCall: index('unlock'),
    specVersion,
  };
}

const NO_RULES = 'none';

/** The stored snapshot, with `rules` served as `voting-rules/current` (absent when undefined). */
function withRules(store: SnapshotReader, rules: unknown): SnapshotReader {
  return {
    getPointer: () => store.getPointer(),
    getVersionInfo: (v) => store.getVersionInfo(v),
    getEntities: (kind, ids, o) => store.getEntities(kind, ids, o),
    getEntity: (<T>(kind: string, id: string, o?: Parameters<SnapshotReader['getEntity']>[2]) =>
      kind === ENTITY.votingRules && id === 'current'
        ? Promise.resolve((rules === NO_RULES ? undefined : rules) as T | undefined)
        : store.getEntity<T>(kind, id, o)) as SnapshotReader['getEntity'],
  };
}

interface StandardOnChain {
  asStandard: { vote: { isAye: boolean; conviction: { type: string } }; balance: { toBigInt(): bigint } };
}

/** The call decoded through the runtime's metadata. */
function decoded(hex: string) {
  const call = registry.createType('Call', hex);
  const standard = (call.args[1] as unknown as StandardOnChain).asStandard;
  return {
    method: `${call.section}.${call.method}`,
    poll: Number(call.args[0]!.toString()),
    aye: standard.vote.isAye,
    conviction: standard.vote.conviction.type,
    balance: standard.balance.toBigInt(),
  };
}

let h: CommandHarness;
let spec: number;
beforeAll(async () => {
  h = await startCommandHarness();
  const status = await h.store.getEntity<StatusEntity>(ENTITY.status, 'current');
  spec = status!.anchor.specVersion;
});
afterAll(async () => {
  await h?.close();
});

async function ask(line: string, rules: unknown = rulesFromMetadata(spec)): Promise<Reply> {
  const ctx = h.context();
  return answerCommand(line, { ...ctx, store: withRules(h.store, rules) });
}

function errorOf(reply: Reply) {
  if (reply.type !== 'error') throw new Error(`expected an error, got ${reply.type}`);
  return reply.error;
}

describe('/calldata', () => {
  it('with a vote: the call, its votes and lock, for the spec read', async () => {
    const id = h.scenario.fixtures.referenda.deciding[0]!;
    const reply = await ask(`/calldata ${id} aye 12.5 3x`);
    if (reply.type !== 'calldata') throw new Error(JSON.stringify(errorOf(reply)));
    expect(reply.specVersion).toBe(spec);
    expect(reply.example).toBe(false);
    expect(reply.calls).toHaveLength(1);
    const [call] = reply.calls;
    expect(call).toMatchObject({
      aye: true,
      conviction: 3,
      balance: 12_500_000_000_000n,
      votes: 37_500_000_000_000n,
    });
    expect([call!.lockPeriods, call!.lockBlocks, call!.lockMs]).toEqual([4, 403_200, 28 * 86_400_000]);
    expect(decoded(call!.callData)).toEqual({
      method: 'convictionVoting.vote',
      poll: id,
      aye: true,
      conviction: 'Locked3x',
      balance: 12_500_000_000_000n,
    });
    expect(reply.links?.map((l) => l.label)).toEqual(['Vote on Subsquare', 'Vote on Polkassembly']);
    const text = renderText(reply);
    for (const words of [
      'Aye with 3x conviction, 12.5 KSM',
      call!.callData,
      '37.5 votes, locked while it runs and 4 periods = 28 days after it ends if aye wins',
      `valid while the chain runs spec ${spec.toLocaleString('en-US')}`,
      'Herald never holds keys',
      'Polkadot.js Apps (Developer → Extrinsics → Decode)',
    ])
      expect(text).toContain(words);
  });

  it('with the referendum alone: aye and nay at 1x for 1 KSM, and how to ask for more', async () => {
    const id = h.scenario.fixtures.referenda.confirming[0]!;
    const reply = await ask(`/calldata #${id}`);
    if (reply.type !== 'calldata') throw new Error(JSON.stringify(errorOf(reply)));
    expect(reply.example).toBe(true);
    expect(reply.calls.map((c) => [c.aye, c.conviction, c.balance])).toEqual([
      [true, 1, KSM],
      [false, 1, KSM],
    ]);
    expect(reply.calls.map((c) => decoded(c.callData))).toEqual(
      [true, false].map((aye) => ({
        method: 'convictionVoting.vote',
        poll: id,
        aye,
        conviction: 'Locked1x',
        balance: KSM,
      })),
    );
    const text = renderText(reply);
    expect(text).toContain('Nay with 1x conviction, 1 KSM');
    expect(text).toContain('1 vote, locked while it runs and 1 period = 7 days after it ends if nay wins');
    expect(text).toContain(`/calldata ${id} aye 12.5 3x`);
  });

  it('no conviction: a tenth of the votes and no lock after the end', async () => {
    const id = h.scenario.fixtures.referenda.preparing[0]!;
    const reply = await ask(`/calldata ${id} nay 12.5 KSM 0.1x`);
    if (reply.type !== 'calldata') throw new Error(JSON.stringify(errorOf(reply)));
    expect(reply.calls[0]).toMatchObject({
      aye: false,
      conviction: 0,
      votes: 1_250_000_000_000n,
      lockPeriods: 0,
    });
    expect(decoded(reply.calls[0]!.callData)).toMatchObject({ poll: id, aye: false, conviction: 'None' });
    expect(renderText(reply)).toContain('1.25 votes, locked only while the referendum runs');
  });

  it('refuses an ended or unknown referendum', async () => {
    const p = h.scenario.fixtures.referenda;
    const ended = p.approved[0] ?? p.rejected[0]!;
    expect(errorOf(await ask(`/calldata ${ended} aye 1`))).toMatchObject({
      code: 'referendum-ended',
      message: expect.stringMatching(
        new RegExp(`^Referendum ${ended} has ended \\(\\w+\\); it takes no more votes\\.$`),
      ),
    });
    const count = h.scenario.expected.governance.referendumCount;
    expect(errorOf(await ask(`/calldata ${count + 5}`))).toMatchObject({
      code: 'unknown-referendum',
      hint: expect.stringContaining('/calldata '),
    });
  });

  it('refuses when the runtime has no rules, or rules read under another spec', async () => {
    const id = h.scenario.fixtures.referenda.deciding[0]!;
    expect(errorOf(await ask(`/calldata ${id}`, NO_RULES))).toMatchObject({
      code: 'no-voting-rules',
      message: `The snapshot holds no voting call indices for the runtime it read (spec ${spec.toLocaleString('en-US')}), so no call data can be made safely.`,
    });
    expect(
      errorOf(await ask(`/calldata ${id}`, { ...rulesFromMetadata(spec), voteCall: { pallet: 300 } })),
    ).toMatchObject({
      code: 'no-voting-rules',
    });
    expect(errorOf(await ask(`/calldata ${id}`, rulesFromMetadata(spec - 1)))).toMatchObject({
      code: 'no-voting-rules',
      message: `The voting call indices were read under spec ${(spec - 1).toLocaleString('en-US')}, but the chain runs spec ${spec.toLocaleString('en-US')}; call data from them could be wrong.`,
    });
  });

  it('refuses bad input with what to type instead', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/calldata', 'missing-argument', /needs a referendum number/],
      ['/calldata abc', 'invalid-referendum-id', /"abc" is not a referendum number/],
      ['/calldata 4294967296', 'invalid-referendum-id', /larger than any referendum number/],
      ['/calldata 5 maybe 1', 'invalid-vote', /"maybe" is not a vote: say aye or nay/],
      ['/calldata 5 aye', 'missing-argument', /How much to vote aye with/],
      ['/calldata 5 aye 0', 'invalid-amount', /more than 0 KSM/],
      ['/calldata 5 aye -3', 'invalid-amount', /must not be negative/],
      ['/calldata 5 aye 1.0000000000001', 'invalid-amount', /KSM has 12 decimals/],
      ['/calldata 5 aye twelve', 'invalid-amount', /"twelve" is not an amount/],
      [`/calldata 5 aye ${'9'.repeat(30)}`, 'invalid-amount', /more than a balance can hold/],
      [
        '/calldata 5 aye 1 7x',
        'invalid-conviction',
        /"7x" is not a conviction: use 0.1x \(or none\) for no lock, or 1x to 6x/,
      ],
      ['/calldata 5 aye 1 3x now', 'extra-argument', /at most four words/],
    ];
    for (const [line, code, message] of cases) {
      const error = errorOf(await ask(line));
      expect([line, error.code]).toEqual([line, code]);
      expect(error.message).toMatch(message);
      expect(error.hint).toMatch(/\/calldata|\/referenda/);
    }
  });

  it('the /referendum reply of an ongoing referendum offers voting pages and a call data button', async () => {
    const p = h.scenario.fixtures.referenda;
    const reply = await ask(`/referendum ${p.deciding[0]}`);
    if (reply.type !== 'referendum') throw new Error(reply.type);
    expect(reply.actions).toContainEqual({
      type: 'call-data',
      referendum: p.deciding[0],
      command: `/calldata ${p.deciding[0]}`,
    });
    expect(reply.links).toEqual([
      { label: 'Vote on Subsquare', url: `https://kusama.subsquare.io/referenda/${p.deciding[0]}` },
      { label: 'Vote on Polkassembly', url: `https://kusama.polkassembly.io/referenda/${p.deciding[0]}` },
    ]);
    const ended = await ask(`/referendum ${p.approved[0] ?? p.rejected[0]}`);
    expect(ended.actions.some((a) => a.type === 'call-data')).toBe(false);
    expect(ended.links?.map((l) => l.label)).toEqual(['Subsquare', 'Polkassembly']);
  });
});
