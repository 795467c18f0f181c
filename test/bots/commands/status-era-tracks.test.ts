import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpCommand } from '../../../bots/commands/help/index.js';
import { answerCommand } from '../../../bots/commands/index.js';
import { COMMAND_SET, parseCommand } from '../../../bots/commands/parse.js';
import { apyFootnote } from '../../../core/staking/describe.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { type CommandHarness, startCommandHarness } from './harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('/status', () => {
  it('states the relay block, the commit time and the counts of the snapshot', async () => {
    const reply = await answerCommand('/status', h.context());
    if (reply.type !== 'status') throw new Error(reply.type);
    const e = h.scenario.expected;
    expect(reply.anchor.relayBlock).toBe(e.anchor.relayBlock);
    expect(reply.anchor.timestampMs).toBe(e.anchor.timestampMs);
    expect(reply.activeEra).toBe(e.staking.activeEra.index);
    expect(reply.counts.validators).toBe(Object.keys(e.staking.validators).length);
    expect(reply.counts.referenda).toBe(Object.keys(e.governance.referenda).length);
    expect(reply.version).toBe(h.summary.version);
    expect(reply.freshness).toMatchObject({
      relayBlock: e.anchor.relayBlock,
      stale: false,
      version: h.summary.version,
    });
  });

  it('says plainly when the snapshot is older than the threshold', async () => {
    const pointer = (await h.store.getPointer())!;
    const late = h.context({ now: () => pointer.committedAt + 16 * 60_000 });
    const reply = await answerCommand('/status', late);
    expect(reply.freshness).toMatchObject({ stale: true, ageMs: 16 * 60_000 });
    const tight = h.context({ now: () => pointer.committedAt + 61_000, staleAfterMs: 60_000 });
    expect((await answerCommand('/era', tight)).freshness?.stale).toBe(true);
  });

  it('answers "no snapshot yet" from an empty table, and "unavailable" when the table is gone', async () => {
    const empty = await h.dynamo.newTable('empty');
    const ctx = { ...h.context(), store: createDynamoStore({ client: h.dynamo.client, tableName: empty }) };
    const none = await answerCommand('/status', ctx);
    expect(none).toMatchObject({ type: 'error', error: { code: 'no-snapshot' }, freshness: null });
    const missing = {
      ...h.context(),
      store: createDynamoStore({ client: h.dynamo.client, tableName: 'no-such-table' }),
    };
    expect(await answerCommand('/era', missing)).toMatchObject({
      type: 'error',
      error: { code: 'unavailable' },
    });
    expect(await answerCommand('/help', missing)).toMatchObject({ type: 'help', freshness: null });
  });
});

describe('/era and /tracks', () => {
  it('era: the active and planned era and the network figures', async () => {
    const reply = await answerCommand('/era', h.context());
    if (reply.type !== 'era') throw new Error(reply.type);
    expect(reply.view.activeEra).toBe(h.scenario.fixtures.eras.active);
    expect(reply.view.currentEra).toBe(h.scenario.expected.staking.currentEra);
    expect(reply.view.validatorCount).toBe(h.scenario.fixtures.validators.elected.length);
    expect(reply.view.totalStake).toBeGreaterThan(0n);
  });

  it('tracks: every track of the runtime with deciding and ongoing counts', async () => {
    const reply = await answerCommand('/tracks', h.context());
    if (reply.type !== 'tracks') throw new Error(reply.type);
    const g = h.scenario.expected.governance;
    expect(reply.tracks.map((t) => t.id)).toEqual(g.tracks.map((t) => t.id).sort((a, b) => a - b));
    for (const t of reply.tracks) expect(t.deciding).toBe(g.decidingCount[t.id] ?? 0);
    const ongoing = Object.values(g.referenda).filter((r) => r.status === 'ongoing').length;
    expect(reply.tracks.reduce((s, t) => s + t.ongoing, 0)).toBe(ongoing);
  });
});

describe('/help', () => {
  it('lists every command, or one in detail', async () => {
    const all = await answerCommand('/help', h.context());
    if (all.type !== 'help') throw new Error(all.type);
    expect(all.commands.map((c) => c.name)).toContain('referendum');
    expect(all.freshness).not.toBeNull();
    const one = await answerCommand('/help subscribe', h.context());
    expect(one).toMatchObject({ type: 'help', topic: { name: 'subscribe' } });
  });

  it("every command's entry has examples, and each example is a line of that very command", () => {
    for (const spec of COMMAND_SET.specs) {
      expect(spec.examples.length, spec.name).toBeGreaterThan(0);
      for (const example of spec.examples) {
        const parsed = parseCommand(example);
        expect(parsed.ok ? parsed.value.name : parsed.error.message, example).toBe(spec.name);
      }
    }
  });

  it('/help apy says how APY is estimated, with the eras and era length of the snapshot', async () => {
    const reply = await answerCommand('/help APY', h.context());
    if (reply.type !== 'help' || !reply.topic) throw new Error(reply.type);
    expect(reply.topic.name).toBe('apy');
    const era = await answerCommand('/era', h.context());
    if (era.type !== 'era') throw new Error(era.type);
    expect(reply.topic.summary).toContain(apyFootnote(era.view.apy, era.view.timing));
    expect(reply.topic.summary).toContain('Your APR =');
    expect(reply.topic.summary).toContain('Pool APR =');
    expect(await answerCommand('/help apr', h.context())).toMatchObject({ topic: { name: 'apy' } });
    // Without a snapshot: the formulas alone.
    const offline = helpCommand.offline!({ name: 'help', topic: 'apy' }, COMMAND_SET);
    expect(offline).toMatchObject({ type: 'help', freshness: null, topic: { name: 'apy' } });
    if (offline.type === 'help') expect(offline.topic?.summary).toMatch(/^Network APR = /);
    expect(await answerCommand('/apy', h.context())).toMatchObject({ error: { code: 'unknown-command' } });
  });
});
