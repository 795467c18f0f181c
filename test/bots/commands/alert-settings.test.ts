import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { renderText } from '../../../bots/text/render.js';
import type { Alert, AlertFacts } from '../../../core/alerts/alert-types.js';
import { fanOut } from '../../../core/alerts/matching.js';
import type { AlertSeverity } from '../../../core/delivery/notifier.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records.js';
import { CHAT, type CommandHarness, startCommandHarness } from './harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => {
  await h?.close();
});

const GROUP = { ...CHAT, id: '-100777' };
const REF = { platform: GROUP.platform, kind: GROUP.kind, id: GROUP.id };

function expectType<T extends Reply['type']>(reply: Reply, type: T): Extract<Reply, { type: T }> {
  if (reply.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(reply)}`);
  return reply as Extract<Reply, { type: T }>;
}

async function stored() {
  const all = await h.alertRecords.getSettings([REF]);
  return all.get(`telegram:chat:${GROUP.id}`)?.get('*') ?? null;
}

describe('/quiet', () => {
  it('shows none, sets, shows, is idempotent, and clears', async () => {
    const ctx = h.context({ caller: GROUP });
    const shown = expectType(await answerCommand('/quiet', ctx), 'alert-settings');
    expect(shown).toMatchObject({
      action: 'shown',
      changed: false,
      settings: { muted: [], quietHours: null },
    });
    expect(shown.freshness?.relayBlock).toBe(h.scenario.expected.anchor.relayBlock);

    const set = expectType(await answerCommand('/quiet 22:00-07:00 UTC+2 all', ctx), 'alert-settings');
    const quietHours = { startMinute: 1320, endMinute: 420, utcOffsetMinutes: 120, holdCritical: true };
    expect(set).toMatchObject({ action: 'quiet-set', changed: true, settings: { quietHours } });
    expect(await stored()).toEqual({ muted: [], quietHours });
    expect(renderText(set)).toContain(
      'Quiet hours: 22:00-07:00 UTC+2 (20:00-05:00 UTC); critical alerts wait too.',
    );

    const before = await h.tableState();
    const again = expectType(await answerCommand('/quiet 22-7 utc+2 all', ctx), 'alert-settings');
    expect(again).toMatchObject({ changed: false, settings: { quietHours } });
    expect(await h.tableState()).toBe(before);
    expect(expectType(await answerCommand('/quiet', ctx), 'alert-settings').settings.quietHours).toEqual(
      quietHours,
    );

    const off = expectType(await answerCommand('/quiet off', ctx), 'alert-settings');
    expect(off).toMatchObject({ action: 'quiet-off', changed: true, settings: { quietHours: null } });
    expect(await stored()).toBeNull();
    expect(expectType(await answerCommand('/quiet off', ctx), 'alert-settings').changed).toBe(false);
  });
});

describe('/mute and /unmute', () => {
  it('add and remove kinds, keep the quiet hours, and show the result', async () => {
    const ctx = h.context({ caller: GROUP });
    await answerCommand('/quiet 23:00-06:00', ctx);
    const muted = expectType(await answerCommand('/mute staking', ctx), 'alert-settings');
    expect(muted.settings.muted).toHaveLength(9);
    expect(muted.kinds).toEqual(muted.settings.muted);
    const more = expectType(await answerCommand('/mute deadlines, ref-submitted', ctx), 'alert-settings');
    expect(more.settings.muted.slice(0, 2)).toEqual(['ref-submitted', 'ref-deadline']);
    expect(renderText(more)).toContain('Muted: ref-submitted, deadlines, staking.');
    expect((await stored())?.quietHours).toMatchObject({ startMinute: 1380, endMinute: 360 });

    expect(expectType(await answerCommand('/mute deadlines', ctx), 'alert-settings').changed).toBe(false);
    const unmuted = expectType(await answerCommand('/unmute staking votes', ctx), 'alert-settings');
    expect(unmuted).toMatchObject({ action: 'unmuted', changed: true });
    expect(unmuted.settings.muted).toEqual(['ref-submitted', 'ref-deadline']);
    expect((await stored())?.muted).toEqual(['ref-submitted', 'ref-deadline']);

    const all = expectType(await answerCommand('/unmute all', ctx), 'alert-settings');
    expect(all).toMatchObject({ changed: true, kinds: ['ref-submitted', 'ref-deadline'] });
    expect(expectType(await answerCommand('/unmute all', ctx), 'alert-settings')).toMatchObject({
      changed: false,
      kinds: [],
    });
    await answerCommand('/quiet off', ctx);
    expect(await stored()).toBeNull();
  });

  it('what is stored is what the alert engine reads: a muted kind is not fanned out to the chat', async () => {
    const chat = { ...CHAT, id: '-100778' };
    const ref = { platform: chat.platform, kind: chat.kind, id: chat.id };
    const ctx = h.context({ caller: chat });
    const created = expectType(await answerCommand('/subscribe referenda', ctx), 'subscribed');
    await answerCommand('/mute referenda', ctx);
    await answerCommand('/quiet 21-8 UTC-5', ctx);
    const settings = await h.alertRecords.getSettings([ref]);
    const subscribers = [{ target: ref, subscription: created.subscription }];
    const submitted = alert('ref:9:submitted', {
      kind: 'ref-submitted',
      referendum: 9,
      track: 0,
      proposal: null,
    });
    expect(fanOut([submitted], subscribers, (t) => settings.get(`${t.platform}:${t.kind}:${t.id}`))).toEqual(
      [],
    );

    await answerCommand('/unmute ref-submitted', ctx);
    const after = await h.alertRecords.getSettings([ref]);
    const [delivery] = fanOut([submitted], subscribers, (t) => after.get(`${t.platform}:${t.kind}:${t.id}`));
    expect(delivery?.quietHours).toEqual({
      startMinute: 1260,
      endMinute: 480,
      utcOffsetMinutes: -300,
      holdCritical: false,
    });
  });

  it('/subscriptions shows the quiet hours and muted kinds with the subscriptions', async () => {
    const chat = { ...CHAT, id: '-100779' };
    const ctx = h.context({ caller: chat });
    await answerCommand('/subscribe deadlines', ctx);
    await answerCommand('/mute era-paid', ctx);
    await answerCommand('/quiet 22-6 UTC+1', ctx);
    const list = expectType(await answerCommand('/subscriptions', ctx), 'subscriptions');
    expect(list.settings).toMatchObject({
      muted: ['era-paid'],
      quietHours: { startMinute: 1320, endMinute: 360, utcOffsetMinutes: 60 },
    });
    const text = renderText(list);
    expect(text).toContain(
      'Quiet hours: 22:00-06:00 UTC+1 (21:00-05:00 UTC); critical alerts still come through.',
    );
    expect(text).toContain('Muted: era-paid.');
    // Where alert settings are not offered, /subscriptions still answers, without them.
    const without = expectType(
      await answerCommand('/subscriptions', h.context({ caller: chat, alertRecords: null })),
      'subscriptions',
    );
    expect(without.settings).toBeNull();
    expect(renderText(without)).not.toContain('Quiet hours');
  });
});

const HOUR = 3_600_000;

function alert(id: string, facts: AlertFacts, severity: AlertSeverity = 'info'): Alert {
  return {
    id,
    severity,
    scope: { type: 'referendum', referendum: 9, track: 0 },
    version: 1,
    relayBlock: h.scenario.expected.anchor.relayBlock,
    dataAtMs: h.scenario.expected.anchor.timestampMs,
    facts,
  };
}

describe('/missed', () => {
  it("lists the chat's recent alerts newest first with what became of each, within the window", async () => {
    const chat = { ...CHAT, id: '-100780' };
    const target = { platform: chat.platform, kind: chat.kind, id: chat.id };
    const wall = Date.now();
    const ctx = h.context({ caller: chat, now: () => wall });
    const empty = expectType(await answerCommand('/missed', ctx), 'missed');
    expect(empty).toMatchObject({ rows: [], hours: 24, more: false });
    expect(renderText(empty)).toContain('No alerts in this Telegram chat in the last 24 hours.');
    // The alert engine's clock: under the dev chain, the snapshot's chain time moved on by its age.
    const clock = empty.nowMs;
    expect(clock - empty.sinceMs).toBe(24 * HOUR);

    let at = 0;
    const records = createAlertRecordStore({
      client: h.dynamo.client,
      tableName: h.tableName,
      now: () => at,
    });
    const seed = async (hoursAgo: number, a: Alert, then: (owner: string) => Promise<unknown>) => {
      at = clock - hoursAgo * HOUR;
      const owner = `test-${a.id}`;
      await records.claim(target, a, 'r00001', owner, 60_000);
      at += 1_000;
      await then(owner);
    };
    const facts = (referendum: number): AlertFacts => ({
      kind: 'ref-submitted',
      referendum,
      track: 0,
      proposal: null,
    });
    await seed(30, alert('ref:1:submitted', facts(1)), (o) =>
      records.markSent(target, 'ref:1:submitted', o, ['1']),
    );
    await seed(5, alert('ref:2:submitted', facts(2)), (o) =>
      records.markSent(target, 'ref:2:submitted', o, ['2']),
    );
    await seed(4, alert('ref:3:submitted', facts(3)), (o) =>
      records.markDeferred(target, 'ref:3:submitted', o, clock + 2 * HOUR),
    );
    await seed(3, alert('ref:4:submitted', facts(4)), (o) =>
      records.markRetry(target, 'ref:4:submitted', o, clock + 60_000, '429: Too Many Requests'),
    );
    await seed(2, alert('ref:5:submitted', facts(5)), (o) =>
      records.markFinal(target, 'ref:5:submitted', o, 'failed', '400: Bad Request: message is too long'),
    );
    await seed(1, alert('ref:6:submitted', facts(6)), (o) =>
      records.markFinal(target, 'ref:6:submitted', o, 'gone', '403: Forbidden: bot was kicked'),
    );
    // Another chat's alert is not this chat's.
    const other = { ...target, id: '-100781' };
    at = clock - HOUR;
    await records.claim(other, alert('ref:7:submitted', facts(7)), 'r00001', 'x', 60_000);

    const missed = expectType(await answerCommand('/missed', ctx), 'missed');
    expect(missed.rows.map((r) => [r.message.title, r.state])).toEqual([
      ['Referendum #6 submitted', 'gone'],
      ['Referendum #5 submitted', 'failed'],
      ['Referendum #4 submitted', 'retrying'],
      ['Referendum #3 submitted', 'quiet-hours'],
      ['Referendum #2 submitted', 'sent'],
    ]);
    expect(missed.rows[1]).toMatchObject({ error: '400: Bad Request: message is too long', nextAtMs: null });
    expect(missed.rows[2]).toMatchObject({
      error: '429: Too Many Requests',
      attempts: 1,
      nextAtMs: clock + 60_000,
    });
    expect(missed.rows[3]).toMatchObject({ error: null, nextAtMs: clock + 2 * HOUR });
    expect(missed.rows[4]!.detectedAtMs).toBe(clock - 5 * HOUR);
    const text = renderText(missed);
    expect(text).toContain('Alerts in this Telegram chat in the last 24 hours: 5, newest first');
    expect(text).toContain('• Referendum #5 submitted · failed: 400: Bad Request: message is too long');
    expect(text).toContain('• Referendum #3 submitted · held for the quiet hours, goes out');
    expect(text).toContain('• Referendum #4 submitted · failed once, next try');
    expect(text).toContain('• Referendum #6 submitted · not delivered: Herald can no longer post here');

    const wider = expectType(await answerCommand('/missed 2d', ctx), 'missed');
    expect(wider.rows.map((r) => r.message.title).at(-1)).toBe('Referendum #1 submitted');
    const narrow = expectType(await answerCommand('/missed 2', ctx), 'missed');
    expect(narrow.rows.map((r) => r.message.title)).toEqual([
      'Referendum #6 submitted',
      'Referendum #5 submitted',
    ]);
  });

  it('shows at most the newest 20 and says more were left out', async () => {
    const chat = { ...CHAT, id: '-100782' };
    const target = { platform: chat.platform, kind: chat.kind, id: chat.id };
    const wall = Date.now();
    const ctx = h.context({ caller: chat, now: () => wall });
    const clock = expectType(await answerCommand('/missed', ctx), 'missed').nowMs;
    let at = 0;
    const records = createAlertRecordStore({
      client: h.dynamo.client,
      tableName: h.tableName,
      now: () => at,
    });
    for (let i = 0; i < 22; i++) {
      at = clock - (22 - i) * 60_000;
      const a = alert(`ref:${100 + i}:submitted`, {
        kind: 'ref-submitted',
        referendum: 100 + i,
        track: 0,
        proposal: null,
      });
      await records.claim(target, a, 'r00001', 'o', 60_000);
    }
    const missed = expectType(await answerCommand('/missed', ctx), 'missed');
    expect(missed.rows).toHaveLength(20);
    expect(missed.more).toBe(true);
    expect(missed.rows[0]).toMatchObject({
      state: 'sending',
      message: { title: 'Referendum #121 submitted' },
    });
    expect(renderText(missed)).toContain('only the newest 20 are shown');
  });
});

describe('alert settings refuse what they cannot do, and bad input changes nothing', () => {
  it('need a chat, and alert records to read', async () => {
    for (const line of ['/missed', '/quiet', '/mute staking', '/unmute all'])
      expect(await answerCommand(line, h.context({ caller: null })), line).toMatchObject({
        type: 'error',
        error: { code: 'no-target' },
      });
    expect(await answerCommand('/quiet 22-7', h.context({ alertRecords: null }))).toMatchObject({
      type: 'error',
      error: { code: 'unavailable' },
    });
  });

  it('every bad line gets its own error and the table is untouched', async () => {
    const ctx = h.context({ caller: GROUP });
    await answerCommand('/mute era-paid', ctx);
    await answerCommand('/quiet 22-7', ctx);
    const before = await h.tableState();
    const cases: Array<[string, string]> = [
      ['/quiet 25:00-07:00', 'invalid-quiet-hours'],
      ['/quiet 07:00-07:00', 'invalid-quiet-hours'],
      ['/quiet 22-7 UTC+15', 'invalid-quiet-hours'],
      ['/quiet 22-7 Europe/Berlin', 'invalid-quiet-hours'],
      ['/quiet 22:00', 'invalid-quiet-hours'],
      ['/quiet off now', 'extra-argument'],
      ['/mute', 'missing-argument'],
      ['/mute staking weather', 'unknown-alert-kind'],
      ['/mute all', 'unknown-alert-kind'],
      ['/unmute all staking', 'extra-argument'],
      ['/unmute', 'missing-argument'],
      ['/missed 8d', 'invalid-hours'],
      ['/missed 0', 'invalid-hours'],
      ['/missed soon', 'invalid-hours'],
      ['/mute\u200b staking', 'odd-unicode'],
    ];
    for (const [line, code] of cases) {
      const reply = await answerCommand(line, ctx);
      expect(reply, line).toMatchObject({ type: 'error', error: { code } });
      // The usage line of the command named, except where the line is unreadable as a whole.
      if (reply.type === 'error' && code !== 'odd-unicode')
        expect(reply.usage, line).toMatch(/^\/(quiet|mute|unmute|missed)/);
    }
    expect(await h.tableState()).toBe(before);
    expect(await stored()).toMatchObject({ muted: ['era-paid'], quietHours: { startMinute: 1320 } });
  });
});
