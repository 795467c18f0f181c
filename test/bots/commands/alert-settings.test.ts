import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { renderText } from '../../../bots/text/render.js';
import type { Alert, AlertFacts } from '../../../core/alerts/alert-types.js';
import { fanOut } from '../../../core/alerts/matching.js';
import type { AlertScope } from '../../../core/alerts/scope.js';
import type { AlertSeverity } from '../../../core/ports/notifier.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
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

describe('/quiet in an IANA zone', () => {
  it('stores the zone with its offset at the time, and shows it in the reply and in /subscriptions', async () => {
    const chat = { ...GROUP, id: '-100778' };
    const winter = h.context({ caller: chat, now: () => Date.UTC(2026, 0, 15, 12) });
    const set = expectType(await answerCommand('/quiet 22:00-07:00 europe/berlin', winter), 'alert-settings');
    const quietHours = {
      startMinute: 1320,
      endMinute: 420,
      utcOffsetMinutes: 60,
      timeZone: 'Europe/Berlin',
      holdCritical: false,
    };
    expect(set).toMatchObject({ action: 'quiet-set', changed: true, settings: { quietHours } });
    const all = await h.alertRecords.getSettings([{ platform: 'telegram', kind: 'chat', id: chat.id }]);
    expect(all.get(`telegram:chat:${chat.id}`)?.get('*')).toEqual({ muted: [], quietHours });
    expect(renderText(set)).toContain(
      'Quiet hours: 22:00-07:00 Europe/Berlin (21:00-06:00 UTC, 20:00-05:00 UTC in daylight saving time)',
    );
    const summer = h.context({ caller: chat, now: () => Date.UTC(2026, 6, 15, 12) });
    const list = await answerCommand('/subscriptions', summer);
    expect(renderText(list)).toContain('22:00-07:00 Europe/Berlin');
    await answerCommand('/quiet off', summer);
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

describe('"for <id>": one subscription\'s own settings', () => {
  const ADDRESS = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
  const chatOf = (id: string) => ({ ...CHAT, id });
  const refOf = (id: string) => ({ platform: CHAT.platform, kind: CHAT.kind, id });
  const entries = async (id: string) =>
    (await h.alertRecords.getSettings([refOf(id)])).get(`telegram:chat:${id}`) ?? new Map();

  it('sets, shows and clears the settings of one subscription under its key; the chat entry stays as it was', async () => {
    const id = '-100790';
    const ctx = h.context({ caller: chatOf(id) });
    const sub = expectType(await answerCommand('/subscribe referenda', ctx), 'subscribed').subscription;
    await answerCommand('/quiet 22-7 UTC+2', ctx);

    const muted = expectType(
      await answerCommand(`/mute staking for ${sub.id.toUpperCase()}`, ctx),
      'alert-settings',
    );
    expect(muted).toMatchObject({
      action: 'muted',
      changed: true,
      subscription: { subscription: { id: sub.id } },
    });
    expect(muted.settings).toMatchObject({ muted: [], quietHours: { startMinute: 1320 } });
    expect(muted.subscription?.own.muted).toHaveLength(9);
    expect(muted.subscription?.effective).toMatchObject({
      quietHours: { startMinute: 1320, utcOffsetMinutes: 120 },
    });
    expect(renderText(muted)).toContain(`Muted for subscription ${sub.id}: staking\n${sub.id}: `);
    expect(renderText(muted)).toContain('For all of this chat: quiet hours 22:00-07:00 UTC+2');

    const own = expectType(
      await answerCommand(`/quiet 21:00-08:00 UTC-5 all for ${sub.id}`, ctx),
      'alert-settings',
    );
    const quietHours = { startMinute: 1260, endMinute: 480, utcOffsetMinutes: -300, holdCritical: true };
    expect(own).toMatchObject({ action: 'quiet-set', changed: true });
    expect(own.subscription?.effective.quietHours).toEqual(quietHours);
    expect((await entries(id)).get(sub.key)).toMatchObject({
      quietHours,
      muted: expect.arrayContaining(['era-paid']),
    });
    expect((await entries(id)).get('*')).toEqual({
      muted: [],
      quietHours: { startMinute: 1320, endMinute: 420, utcOffsetMinutes: 120, holdCritical: false },
    });

    // "off" for one subscription is its own "none", whatever the chat's; "default" follows the chat again.
    const off = expectType(await answerCommand(`/quiet off for ${sub.id}`, ctx), 'alert-settings');
    expect(off).toMatchObject({ action: 'quiet-off', changed: true });
    expect(off.subscription?.effective.quietHours).toBeNull();
    expect((await entries(id)).get(sub.key)).toMatchObject({ quietHours: null, noQuietHours: true });
    expect(renderText(off)).toContain(
      `No quiet hours for subscription ${sub.id}, whatever the quiet hours of this chat`,
    );
    const before = await h.tableState();
    expect(expectType(await answerCommand(`/quiet off for ${sub.id}`, ctx), 'alert-settings').changed).toBe(
      false,
    );
    expect(await h.tableState()).toBe(before);

    const shown = expectType(await answerCommand(`/quiet for ${sub.id}`, ctx), 'alert-settings');
    expect(shown).toMatchObject({ action: 'shown', changed: false });
    expect(renderText(shown)).toContain('Its own settings: no quiet hours; muted: staking');

    const back = expectType(await answerCommand(`/quiet default for ${sub.id}`, ctx), 'alert-settings');
    expect(back).toMatchObject({ action: 'quiet-default', changed: true });
    expect(back.subscription?.effective.quietHours).toMatchObject({
      startMinute: 1320,
      utcOffsetMinutes: 120,
    });
    expect(renderText(back)).toContain(`Subscription ${sub.id} follows the quiet hours of this chat again`);

    const unmuted = expectType(await answerCommand(`/unmute all for ${sub.id}`, ctx), 'alert-settings');
    expect(unmuted).toMatchObject({ action: 'unmuted', changed: true });
    expect(unmuted.kinds).toHaveLength(9);
    // Nothing of its own left: the entry is gone, the chat's stays.
    expect([...(await entries(id)).keys()]).toEqual(['*']);
  });

  it('unmuting on a subscription says what stays muted for the whole chat', async () => {
    const id = '-100791';
    const ctx = h.context({ caller: chatOf(id) });
    const sub = expectType(await answerCommand('/subscribe deadlines', ctx), 'subscribed').subscription;
    await answerCommand('/mute deadlines', ctx);
    const reply = expectType(await answerCommand(`/unmute deadlines for ${sub.id}`, ctx), 'alert-settings');
    expect(reply).toMatchObject({ changed: false, kinds: ['ref-deadline'] });
    expect(reply.subscription?.effective.muted).toEqual(['ref-deadline']);
    const text = renderText(reply);
    expect(text).toContain(`Not muted for subscription ${sub.id} itself, so nothing changed: deadlines`);
    expect(text).toContain('Still muted for all of this chat: deadlines');
  });

  it('an id this chat does not have is refused and nothing is written', async () => {
    const id = '-100792';
    const ctx = h.context({ caller: chatOf(id) });
    await answerCommand('/subscribe referenda', ctx);
    const elsewhere = expectType(
      await answerCommand(`/subscribe address ${ADDRESS}`, h.context({ caller: chatOf('-100793') })),
      'subscribed',
    ).subscription;
    const before = await h.tableState();
    for (const line of [
      `/mute staking for ${elsewhere.id}`,
      `/quiet 22-7 for ${elsewhere.id}`,
      `/quiet off for ${elsewhere.id}`,
      `/unmute all for ${elsewhere.id}`,
      `/quiet for ${elsewhere.id}`,
    ]) {
      const reply = await answerCommand(line, ctx);
      expect(reply, line).toMatchObject({
        type: 'error',
        error: { code: 'unknown-subscription', input: elsewhere.id },
      });
      if (reply.type === 'error') expect(reply.error.message).toContain(`no subscription ${elsewhere.id}`);
    }
    const cases: Array<[string, string]> = [
      ['/mute staking for', 'missing-argument'],
      ['/mute staking for treasury', 'unknown-subscription'],
      ['/quiet default', 'missing-argument'],
      ['/unmute all for all', 'unknown-subscription'],
      ['/mute weather for r1x9kq', 'unknown-alert-kind'],
    ];
    for (const [line, code] of cases)
      expect(await answerCommand(line, ctx), line).toMatchObject({ type: 'error', error: { code } });
    expect(await h.tableState()).toBe(before);
    // Without subscriptions to look the id up in, the whole chat's settings still work; one subscription's do not.
    const noSubs = h.context({ caller: chatOf(id) });
    noSubs.subscriptions = null;
    expect(await answerCommand('/mute staking for r1x9kq', noSubs)).toMatchObject({
      type: 'error',
      error: { code: 'unavailable' },
    });
  });

  it("the fan-out honours one subscription's mute and quiet hours while the chat's other subscriptions still get theirs", async () => {
    const id = '-100794';
    const ref = refOf(id);
    const ctx = h.context({ caller: chatOf(id) });
    const all = expectType(await answerCommand('/subscribe referenda', ctx), 'subscribed').subscription;
    const track0 = expectType(await answerCommand('/subscribe referenda 0', ctx), 'subscribed').subscription;
    const watched = expectType(
      await answerCommand(`/subscribe address ${ADDRESS}`, ctx),
      'subscribed',
    ).subscription;
    await answerCommand(`/mute ref-approved for ${all.id}`, ctx);
    await answerCommand(`/mute ref-submitted for ${track0.id}`, ctx);
    await answerCommand(`/quiet 21-8 UTC-5 for ${watched.id}`, ctx);
    const subscribers = [all, track0, watched].map((subscription) => ({ target: ref, subscription }));
    const settings = await h.alertRecords.getSettings([ref]);
    const route = (alerts: Alert[]) =>
      fanOut(alerts, subscribers, (t) => settings.get(`${t.platform}:${t.kind}:${t.id}`)).map((d) => [
        d.alert.id,
        d.subscriptionId,
        d.quietHours,
      ]);
    const submitted = (referendum: number, track: number) =>
      alert(
        `ref:${referendum}:submitted`,
        { kind: 'ref-submitted', referendum, track, proposal: null },
        'info',
        {
          type: 'referendum',
          referendum,
          track,
        },
      );
    const approved = (referendum: number, track: number) =>
      alert(
        `ref:${referendum}:approved`,
        { kind: 'ref-approved', referendum, track, approved: { block: 1, atMs: 1 }, enactment: null },
        'info',
        { type: 'referendum', referendum, track },
      );
    const address = watched.spec.kind === 'address' ? watched.spec.address : ADDRESS;
    const paid = alert('era:7:paid', { kind: 'era-paid', address, era: 7, estimate: '1' }, 'info', {
      type: 'address',
      address,
    });
    const window = { startMinute: 1260, endMinute: 480, utcOffsetMinutes: -300, holdCritical: false };
    expect(route([submitted(1, 0), approved(2, 0), submitted(3, 30), approved(4, 30), paid])).toEqual([
      // Track 0 muted ref-submitted for itself; the all-tracks subscription still brings it.
      ['ref:1:submitted', all.id, null],
      // The all-tracks subscription muted ref-approved; track 0's still brings it.
      ['ref:2:approved', track0.id, null],
      ['ref:3:submitted', all.id, null],
      // Track 30 has only the all-tracks subscription, which muted approvals.
      ['era:7:paid', watched.id, window],
    ]);
    // The chat muting a kind mutes it through every subscription.
    await answerCommand('/mute ref-submitted', ctx);
    const after = await h.alertRecords.getSettings([ref]);
    expect(
      fanOut([submitted(1, 0), submitted(3, 30)], subscribers, (t) =>
        after.get(`${t.platform}:${t.kind}:${t.id}`),
      ),
    ).toEqual([]);
  });

  it("/subscriptions shows each subscription's own settings next to it; unsubscribing removes them", async () => {
    const id = '-100795';
    const ctx = h.context({ caller: chatOf(id) });
    const sub = expectType(await answerCommand('/subscribe deadlines', ctx), 'subscribed').subscription;
    const other = expectType(await answerCommand('/subscribe referenda', ctx), 'subscribed').subscription;
    await answerCommand('/quiet 22-6 UTC+1', ctx);
    await answerCommand(`/quiet 23:00-07:00 UTC+2 for ${sub.id}`, ctx);
    await answerCommand(`/mute deadlines for ${sub.id}`, ctx);
    const list = expectType(await answerCommand('/subscriptions', ctx), 'subscriptions');
    expect(Object.keys(list.ownSettings)).toEqual([sub.id]);
    expect(list.ownSettings[sub.id]).toMatchObject({
      muted: ['ref-deadline'],
      quietHours: { startMinute: 1380 },
    });
    const text = renderText(list);
    expect(text).toContain(`${sub.id} decision and confirm deadlines`);
    expect(text).toContain('its own: quiet hours 23:00-07:00 UTC+2; muted: deadlines');
    expect(text).toContain('For all of this chat:');
    expect(text).toContain('Quiet hours: 22:00-06:00 UTC+1');
    expect(text.indexOf('its own:')).toBeLessThan(text.indexOf(`${other.id} new referenda`));

    await answerCommand(`/unsubscribe ${sub.id}`, ctx);
    expect([...(await entries(id)).keys()]).toEqual(['*']);
    // Subscribing again starts from the chat's settings.
    const again = expectType(await answerCommand('/subscribe deadlines', ctx), 'subscribed').subscription;
    expect(again.id).toBe(sub.id);
    const shown = expectType(await answerCommand(`/quiet for ${again.id}`, ctx), 'alert-settings');
    expect(shown.subscription?.own).toEqual({ muted: [], quietHours: null });
    expect(shown.subscription?.effective.quietHours).toMatchObject({
      startMinute: 1320,
      utcOffsetMinutes: 60,
    });
  });

  it('a leftover entry of a removed subscription is dropped when it is subscribed again', async () => {
    const id = '-100796';
    const ctx = h.context({ caller: chatOf(id) });
    const sub = expectType(await answerCommand('/subscribe referenda', ctx), 'subscribed').subscription;
    await answerCommand(`/mute staking for ${sub.id}`, ctx);
    // Removed behind the commands' back (as if dropping its settings had failed): the entry stays.
    await h.subscriptions.unsubscribe(refOf(id), { type: 'id', id: sub.id });
    expect((await entries(id)).has(sub.key)).toBe(true);
    expect(expectType(await answerCommand('/subscriptions', ctx), 'subscriptions').ownSettings).toEqual({});
    await answerCommand('/subscribe referenda', ctx);
    expect((await entries(id)).has(sub.key)).toBe(false);
  });
});

const HOUR = 3_600_000;

function alert(
  id: string,
  facts: AlertFacts,
  severity: AlertSeverity = 'info',
  scope: AlertScope = { type: 'referendum', referendum: 9, track: 0 },
): Alert {
  return {
    id,
    severity,
    scope,
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
    expect(renderText(empty)).toContain('No alerts in this Telegram chat in the last 24 hours\n');
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
    expect(text).toContain(
      'Referendum #5 submitted:\n  Root (track 0)\n  State: failed: 400: Bad Request: message is too long',
    );
    expect(text).toContain(
      'Referendum #3 submitted:\n  Root (track 0)\n  State: held for the quiet hours, goes out',
    );
    expect(text).toContain('Referendum #4 submitted:\n  Root (track 0)\n  State: failed once, next try');
    expect(text).toContain(
      'Referendum #6 submitted:\n  Root (track 0)\n  State: not delivered: Herald can no longer post here',
    );

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
      ['/quiet 22-7 Europe/Berln', 'invalid-quiet-hours'],
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
