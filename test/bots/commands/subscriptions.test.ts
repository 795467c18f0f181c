import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { MAX_INPUT_CHARS } from '../../../core/commands/limits.js';
import { CHAT, type CommandHarness, startCommandHarness } from './harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => {
  await h?.close();
});

const DM = {
  platform: 'discord' as const,
  kind: 'dm' as const,
  id: '310000000000000001',
  createdBy: '310000000000000001',
};

describe('/subscribe, /subscriptions, /unsubscribe', () => {
  it('subscribes once, answers "unchanged" the second time, and lists it with its id', async () => {
    const ctx = h.context({ caller: DM });
    const first = await answerCommand('/subscribe referenda Treasurer', ctx);
    if (first.type !== 'subscribed') throw new Error(JSON.stringify(first));
    expect(first).toMatchObject({
      outcome: 'created',
      count: 1,
      limit: 25,
      target: { platform: 'discord', kind: 'dm' },
    });
    expect(first.subscription.spec).toEqual({ kind: 'referenda', track: 11 });
    expect(first.freshness).not.toBeNull();
    const again = await answerCommand('/sub referenda 11', ctx);
    expect(again).toMatchObject({
      type: 'subscribed',
      outcome: 'unchanged',
      subscription: { id: first.subscription.id },
    });
    const list = await answerCommand('/subscriptions', ctx);
    if (list.type !== 'subscriptions') throw new Error(list.type);
    expect(list.subscriptions.map((s) => s.id)).toEqual([first.subscription.id]);
    expect(list.actions).toEqual([
      {
        type: 'unsubscribe',
        subscriptionId: first.subscription.id,
        command: `/unsub ${first.subscription.id}`,
      },
    ]);
    const removed = await answerCommand(`/unsubscribe ${first.subscription.id}`, ctx);
    expect(removed).toMatchObject({
      type: 'unsubscribed',
      remaining: 0,
      removed: [{ id: first.subscription.id }],
    });
    expect(await answerCommand(`/unsubscribe ${first.subscription.id}`, ctx)).toMatchObject({
      error: { code: 'unknown-subscription' },
    });
  });

  it('deadlines: default lead times, new ones update, a referendum scope must exist', async () => {
    const ctx = h.context();
    const id = h.scenario.fixtures.referenda.deciding[0]!;
    const created = await answerCommand(`/subscribe deadlines #${id}`, ctx);
    expect(created).toMatchObject({
      outcome: 'created',
      subscription: {
        spec: { kind: 'deadlines', scope: { type: 'referendum', referendum: id }, leadMinutes: [1440, 60] },
      },
    });
    const updated = await answerCommand(`/subscribe deadlines #${id} 2h`, ctx);
    expect(updated).toMatchObject({ outcome: 'updated', subscription: { spec: { leadMinutes: [120] } } });
    const missing = h.scenario.expected.governance.referendumCount + 3;
    expect(await answerCommand(`/subscribe deadlines #${missing}`, ctx)).toMatchObject({
      error: { code: 'unknown-referendum' },
    });
    expect(await answerCommand(`/unsubscribe deadlines #${id}`, ctx)).toMatchObject({ type: 'unsubscribed' });
  });

  it('address subscriptions from the /stake action line', async () => {
    const who = h.scenario.fixtures.nominators.allTargetsActive;
    const stake = await answerCommand(`/stake ${who}`, h.context());
    const line = stake.actions[0]!.command;
    const reply = await answerCommand(line, h.context());
    expect(reply).toMatchObject({
      type: 'subscribed',
      subscription: { spec: { kind: 'address', address: who } },
    });
    const subs = await h.subscriptions.subscribersOf({ kind: 'address', address: who });
    expect(subs.map((s) => s.target.id)).toEqual([CHAT.id]);
    expect(await answerCommand('/unsubscribe address', h.context())).toMatchObject({
      removed: [{ spec: { address: who } }],
    });
  });

  it('stops at the per-chat limit with a clear message', async () => {
    const crowded = { ...CHAT, id: '-100555' };
    const ctx = h.context({ caller: crowded });
    const tracks = h.scenario.expected.governance.tracks.map((t) => t.id);
    await answerCommand('/subscribe referenda', ctx);
    await answerCommand('/subscribe deadlines', ctx);
    for (const t of tracks) await answerCommand(`/subscribe referenda ${t}`, ctx);
    for (const t of tracks.slice(0, 25 - 2 - tracks.length))
      await answerCommand(`/subscribe deadlines ${t}`, ctx);
    const full = await answerCommand(`/subscribe deadlines ${tracks.at(-1)}`, ctx);
    expect(full).toMatchObject({ type: 'error', error: { code: 'subscription-limit' } });
    if (full.type === 'error') expect(full.error.message).toContain('(25)');
    expect(await answerCommand('/unsubscribe all', ctx)).toMatchObject({
      type: 'unsubscribed',
      remaining: 0,
    });
  });

  it('without a chat to deliver to, subscription commands say so', async () => {
    const ctx = h.context({ caller: null });
    for (const line of ['/subscribe referenda', '/subscriptions', '/unsubscribe all'])
      expect(await answerCommand(line, ctx)).toMatchObject({ type: 'error', error: { code: 'no-target' } });
  });
});

describe('bad input changes nothing', () => {
  it('every kind of bad input gets its own error, and the table is untouched', async () => {
    await answerCommand('/subscribe referenda', h.context());
    const before = await h.tableState();
    const cases: Array<[string, string]> = [
      ['/frobnicate', 'unknown-command'],
      ['/subscribe', 'missing-argument'],
      ['/subscriptions please', 'extra-argument'],
      ['/subscribe address HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74G', 'invalid-address'],
      ['/subscribe deadlines #abc', 'invalid-referendum-id'],
      ['/subscribe deadlines #99999', 'unknown-referendum'],
      ['/subscribe referenda galactic_senate', 'unknown-track'],
      ['/unsubscribe referenda galactic_senate', 'unknown-track'],
      ['/subscribe deadlines 3m', 'invalid-lead-time'],
      ['/subscribe horoscopes', 'unknown-subscription-kind'],
      ['/unsubscribe zz', 'unknown-subscription'],
      ['/unsubscribe deadlines', 'unknown-subscription'],
      [`/subscribe referenda ${'x'.repeat(MAX_INPUT_CHARS)}`, 'too-long'],
      ['/subscribe referenda\u200b', 'odd-unicode'],
      ['/unsubscribe all\u202e', 'odd-unicode'],
    ];
    for (const [line, code] of cases) {
      const reply = await answerCommand(line, h.context());
      expect(reply, line).toMatchObject({ type: 'error', error: { code } });
      if (reply.type === 'error')
        expect(reply.freshness?.relayBlock, line).toBe(h.scenario.expected.anchor.relayBlock);
    }
    expect(await h.tableState()).toBe(before);
  });
});
