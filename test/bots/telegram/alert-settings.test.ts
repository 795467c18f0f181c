import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../core/alerts/alert-types.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { htmlProblem } from '../../helpers/fake-telegram.js';
import { startTelegramHarness, type TelegramHarness } from './harness.js';
import { GROUP, groupMessage, migrateMessage, OTHER_USER, privateMessage, USER } from './updates.js';

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness(44);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const GROUP_TARGET = { platform: 'telegram', kind: 'chat', id: String(GROUP.id) } as const;
const DM = { platform: 'telegram', kind: 'dm', id: String(USER.id) } as const;

async function send(update: unknown): Promise<string> {
  expect((await h.post(update)).status).toBe(200);
  const texts = h.fake.callsOf('sendMessage').map((c) => String(c.params.text));
  for (const t of texts) expect(htmlProblem(t)).toBeNull();
  h.fake.reset();
  return texts.join('\n');
}

const settingsOf = async (target: { platform: 'telegram'; kind: 'chat' | 'dm'; id: string }) =>
  (await h.alertRecords.getSettings([target])).get(`telegram:${target.kind}:${target.id}`)?.get('*') ?? null;

describe('Telegram alert settings', () => {
  it('in a group only admins change quiet hours and muted kinds; anyone may look', async () => {
    h.fake.setMember(String(GROUP.id), OTHER_USER.id, 'member');
    h.fake.setMember(String(GROUP.id), USER.id, 'administrator');

    for (const line of ['/quiet 22:00-07:00 UTC+2', '/mute staking', '/unmute all', '/quiet off']) {
      const text = await send(groupMessage(line, OTHER_USER));
      expect(text, line).toContain('Only the admins of this group');
    }
    expect(await settingsOf(GROUP_TARGET)).toBeNull();

    const shown = await send(groupMessage('/quiet', OTHER_USER));
    expect(shown).toContain('<b>Alert settings of this Telegram chat</b>');
    expect(shown).toContain('Quiet hours: none.');

    const set = await send(groupMessage('/quiet 22:00-07:00 UTC+2', USER));
    expect(set).toContain('<b>Quiet hours set for this Telegram chat</b>');
    expect(set).toContain(
      'Quiet hours: <code>22:00-07:00 UTC+2</code> (20:00-05:00 UTC); critical alerts still come through.',
    );
    const muted = await send(groupMessage('/mute staking, deadlines', USER));
    expect(muted).toContain('Muted: deadlines, staking.');
    expect(await settingsOf(GROUP_TARGET)).toMatchObject({
      quietHours: { startMinute: 1320, endMinute: 420, utcOffsetMinutes: 120 },
      muted: expect.arrayContaining(['ref-deadline', 'era-paid', 'pool-state']),
    });

    const listed = await send(groupMessage('/subscriptions', OTHER_USER));
    expect(listed).toContain('Muted: deadlines, staking.');
    expect(h.fake.callsOf('getChatMember')).toHaveLength(0);
  });

  it('"for <id>" sets one subscription\'s own settings, by admins only, and /subscriptions shows them', async () => {
    h.fake.setMember(String(GROUP.id), OTHER_USER.id, 'member');
    h.fake.setMember(String(GROUP.id), USER.id, 'administrator');
    await send(groupMessage('/subscribe deadlines', USER));
    const list = (await h.subscriptions.listSubscriptions(GROUP_TARGET))!.subscriptions;
    const deadlines = list.find((s) => s.spec.kind === 'deadlines')!;
    const ownOf = async () =>
      (await h.alertRecords.getSettings([GROUP_TARGET]))
        .get(`telegram:chat:${GROUP.id}`)
        ?.get(deadlines.key) ?? null;
    const chatBefore = await settingsOf(GROUP_TARGET);

    for (const line of [`/mute deadlines for ${deadlines.id}`, `/quiet off for ${deadlines.id}`]) {
      expect(await send(groupMessage(line, OTHER_USER)), line).toContain('Only the admins of this group');
    }
    expect(await ownOf()).toBeNull();

    const quiet = await send(groupMessage(`/quiet 20:00-09:00 UTC+3 for ${deadlines.id}`, USER));
    expect(quiet).toContain(`<b>Quiet hours set for subscription ${deadlines.id}</b>`);
    expect(quiet).toContain(
      'Quiet hours: <code>20:00-09:00 UTC+3</code> (17:00-06:00 UTC); critical alerts still come through.',
    );
    const muted = await send(groupMessage(`/mute ref-deadline for ${deadlines.id}`, USER));
    expect(muted).toContain(`Muted for subscription ${deadlines.id}: deadlines</b>`);
    expect(await ownOf()).toEqual({
      muted: ['ref-deadline'],
      quietHours: { startMinute: 1200, endMinute: 540, utcOffsetMinutes: 180, holdCritical: false },
    });
    expect(await settingsOf(GROUP_TARGET)).toEqual(chatBefore);

    const listed = await send(groupMessage('/subscriptions', OTHER_USER));
    expect(listed).toContain(`<code>${deadlines.id}</code> decision and confirm deadlines`);
    expect(listed).toContain('its own: quiet hours <code>20:00-09:00 UTC+3</code>; muted: deadlines');
    expect(listed).toContain('<b>For all of this chat</b>');

    const unknown = await send(groupMessage('/mute staking for a00000', USER));
    expect(unknown).toContain('This chat has no subscription a00000, so nothing was changed.');
    expect(unknown).toContain('Usage: <code>/mute &lt;kind…&gt; [for &lt;id&gt;]</code>');
    expect(await ownOf()).toEqual(expect.objectContaining({ muted: ['ref-deadline'] }));

    const help = await send(privateMessage('/help quiet'));
    expect(help).toContain('/quiet off for d2k7pz');
    await send(groupMessage(`/unsubscribe ${deadlines.id}`, USER));
    expect(await ownOf()).toBeNull();
  });

  it('a bad setting is explained to an admin and changes nothing', async () => {
    const before = await settingsOf(GROUP_TARGET);
    const text = await send(groupMessage('/quiet 25:00-07:00', USER));
    expect(text).toContain('&quot;25:00&quot; is not a time of day');
    expect(text).toContain('Usage: <code>/quiet');
    expect(await send(groupMessage('/mute horoscopes', USER))).toContain('is not a kind of alert');
    expect(await settingsOf(GROUP_TARGET)).toEqual(before);
  });

  it('a group upgraded to a supergroup keeps its quiet hours and muted kinds', async () => {
    const oldTarget = { platform: 'telegram', kind: 'chat', id: '-555000333' } as const;
    await h.subscriptions.subscribe(
      { ...oldTarget, createdBy: String(USER.id) },
      { kind: 'referenda', track: null },
    );
    const settings = {
      muted: ['era-paid' as const],
      quietHours: { startMinute: 60, endMinute: 300, utcOffsetMinutes: 0, holdCritical: false },
    };
    await h.alertRecords.putSettings(oldTarget, '*', settings);
    const newId = -1_009_000_444;
    const update = migrateMessage(newId);
    update.message.chat = { ...update.message.chat, id: Number(oldTarget.id) };
    expect((await h.post(update)).status).toBe(200);
    expect(await settingsOf({ platform: 'telegram', kind: 'chat', id: String(newId) })).toEqual(settings);
  });

  it('/missed in a private chat lists what was sent and what is held, and says so when there is nothing', async () => {
    expect(await send(privateMessage('/missed'))).toContain(
      '<b>No alerts in your Telegram DMs in the last 24 hours</b>',
    );
    const pointer = (await h.store.getPointer())!;
    const clock = h.scenario.expected.anchor.timestampMs + (Date.now() - pointer.committedAt);
    let at = clock - 3_600_000;
    const records = createAlertRecordStore({
      client: h.dynamo.client,
      tableName: h.tableName,
      now: () => at,
    });
    const alert = (referendum: number): Alert => ({
      id: `ref:${referendum}:approved`,
      severity: 'info',
      scope: { type: 'referendum', referendum, track: 0 },
      version: 1,
      relayBlock: h.scenario.expected.anchor.relayBlock,
      dataAtMs: at,
      facts: {
        kind: 'ref-approved',
        referendum,
        track: 0,
        approved: { block: h.scenario.expected.anchor.relayBlock, atMs: at },
        enactment: null,
      },
    });
    await records.claim(DM, alert(31), 'r00001', 'o', 60_000);
    await records.markSent(DM, 'ref:31:approved', 'o', ['77']);
    at += 60_000;
    await records.claim(DM, alert(32), 'r00001', 'o', 60_000);
    await records.markDeferred(DM, 'ref:32:approved', 'o', clock + 5 * 3_600_000);

    const text = await send(privateMessage('/missed 12'));
    expect(text).toContain('<b>Alerts in your Telegram DMs in the last 12 hours: 2, newest first</b>');
    const held = text.indexOf('<b>Referendum #32 approved</b>');
    const sent = text.indexOf('<b>Referendum #31 approved</b>');
    expect(held).toBeGreaterThan(0);
    expect(text.indexOf('State: held for the quiet hours, goes out', held)).toBeGreaterThan(held);
    expect(sent).toBeGreaterThan(held);
    expect(text.indexOf('State: sent', sent)).toBeGreaterThan(sent);
    expect(await send(privateMessage('/missed 9d'))).toContain('looks back 1 hour to 7 days');
  });

  it("shows the answers' times in the chat's zone too once its quiet hours name one, and only in that chat", async () => {
    await send(privateMessage('/quiet off'));
    const before = await send(privateMessage('/era'));
    expect(before).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d UTC \((in|\d)/);
    expect(before).not.toContain('Europe/Berlin');

    await send(privateMessage('/quiet 22:00-07:00 Europe/Berlin'));
    const after = await send(privateMessage('/era'));
    // The same moment, then the chat's local time (with its date when that differs), then how far off.
    const utc =
      /(\d{4}-\d\d-\d\d) (\d\d):(\d\d) UTC \((?:\d{4}-\d\d-\d\d )?(\d\d):(\d\d) Europe\/Berlin, /.exec(after);
    expect(utc, after).not.toBeNull();
    const [, day, h, m, lh, lm] = utc!;
    const berlin = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(`${day}T${h}:${m}:00Z`));
    expect(`${lh}:${lm}`).toBe(berlin);

    const group = await send(groupMessage('/era', OTHER_USER));
    expect(group).not.toContain('Europe/Berlin');
    await send(privateMessage('/quiet off'));
  });
});
