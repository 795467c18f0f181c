import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../../core/alerts/alert-types.js';
import type { DeliveryTarget } from '../../../../core/ports/notifier.js';
import { createAlertRecordStore } from '../../../../lambdas/store/alert-records/index.js';
import {
  type Answer,
  CHANNEL_ID,
  CHANNEL_MANAGER,
  type DiscordHarness,
  opt,
  slash,
  startDiscordHarness,
  sub,
  USER_ID,
} from '../harness.js';

type Embed = { title: string; description?: string; fields?: Array<{ name: string; value: string }> };

const CHANNEL: DeliveryTarget = { platform: 'discord', kind: 'channel', id: CHANNEL_ID };
const DM: DeliveryTarget = { platform: 'discord', kind: 'dm', id: USER_ID };
const embed = (a: Answer) => (a.body.data!.embeds as Embed[])[0]!;
const ephemeral = (a: Answer) => a.body.data?.flags === 64;
const manager = { place: 'guild' as const, permissions: CHANNEL_MANAGER };
const field = (a: Answer, name: string) => embed(a).fields?.find((f) => f.name === name)?.value;

describe('Discord alert settings over HTTP', () => {
  let h: DiscordHarness;
  const settingsOf = async (target: DeliveryTarget) =>
    (await h.alertRecords.getSettings([target])).get(`discord:${target.kind}:${target.id}`)?.get('*') ?? null;

  beforeAll(async () => {
    h = await startDiscordHarness(8);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a member without Manage Channels, and stores nothing', async () => {
    const cases = [
      slash('quiet', [sub('set', [opt('from', '22:00'), opt('to', '07:00')])]),
      slash('quiet', [sub('off')]),
      slash('mute', [opt('kinds', 'staking')]),
      slash('unmute', [opt('kinds', 'all')]),
    ];
    for (const payload of cases) {
      const answer = await h.post(payload);
      expect(answer.status).toBe(200);
      expect(ephemeral(answer)).toBe(true);
      expect(embed(answer).description).toContain('Manage Channels');
      expect(embed(answer).description).toContain('in your DM with Herald');
    }
    expect(await settingsOf(CHANNEL)).toBeNull();
    // Looking is open to everyone.
    const shown = await h.post(slash('quiet', [sub('show')]));
    expect(ephemeral(shown)).toBe(false);
    expect(embed(shown).title).toBe('Alert settings of this Discord channel');
    expect(embed(shown).description).toContain('**Quiet hours:** none.');
  });

  it('sets quiet hours and mutes kinds for a channel manager, and shows them in /subscriptions', async () => {
    const set = await h.post(
      slash(
        'quiet',
        [sub('set', [opt('from', '23:30'), opt('to', '6'), opt('utc', '-5'), opt('all', true, 5)])],
        manager,
      ),
    );
    expect(embed(set).title).toBe('Quiet hours set for this Discord channel');
    expect(embed(set).description).toContain(
      '**Quiet hours:** `23:30-06:00 UTC-5` \\(04:30\\-11:00 UTC\\); critical alerts wait too.',
    );
    const muted = await h.post(slash('mute', [opt('kinds', 'deadlines era-paid')], manager));
    expect(embed(muted).title).toBe('Muted in this Discord channel: deadlines, era-paid');
    expect(await settingsOf(CHANNEL)).toEqual({
      muted: ['ref-deadline', 'era-paid'],
      quietHours: { startMinute: 1410, endMinute: 360, utcOffsetMinutes: -300, holdCritical: true },
    });
    const listed = await h.post(slash('subscriptions'));
    expect(field(listed, 'For all of this channel')).toContain('**Muted:** deadlines, era\\-paid.');

    const unmuted = await h.post(slash('unmute', [opt('kinds', 'all')], manager));
    expect(embed(unmuted).title).toBe('Unmuted in this Discord channel: deadlines, era-paid');
    const off = await h.post(slash('quiet', [sub('off')], manager));
    expect(embed(off).title).toBe('Quiet hours are off in this Discord channel');
    expect(await settingsOf(CHANNEL)).toBeNull();
  });

  it('in the DM with the bot anyone changes their own DM settings', async () => {
    const answer = await h.post(slash('mute', [opt('kinds', 'staking')], { place: 'dm' }));
    expect(ephemeral(answer)).toBe(false);
    expect(embed(answer).title).toBe('Muted in your Discord DMs: staking');
    expect((await settingsOf(DM))?.muted).toHaveLength(9);
  });

  it('refuses bad settings with an ephemeral error and changes nothing', async () => {
    await h.post(slash('mute', [opt('kinds', 'slashes')], manager));
    const before = await settingsOf(CHANNEL);
    const cases: Array<[unknown, string]> = [
      [
        slash('quiet', [sub('set', [opt('from', '25:00'), opt('to', '07:00')])], manager),
        '"25:00" is not a time',
      ],
      [slash('quiet', [sub('set', [opt('from', '7'), opt('to', '07:00')])], manager), 'same time'],
      [
        slash('quiet', [sub('set', [opt('from', '22'), opt('to', '7'), opt('utc', '+15')])], manager),
        'beyond any time zone',
      ],
      [slash('mute', [opt('kinds', 'weather')], manager), 'not a kind of alert'],
      [slash('missed', [opt('hours', 500, 4)]), '7 days'],
    ];
    for (const [payload, message] of cases) {
      const answer = await h.post(payload);
      expect(ephemeral(answer), message).toBe(true);
      expect(embed(answer).description, message).toContain(message);
    }
    expect(await settingsOf(CHANNEL)).toEqual(before);
  });

  it("/missed lists the channel's recent alerts with their state, to anyone", async () => {
    const empty = await h.post(slash('missed'));
    expect(embed(empty).title).toBe('No alerts in this Discord channel in the last 24 hours');
    const pointer = (await h.store.getPointer())!;
    const clock = h.scenario.expected.anchor.timestampMs + (Date.now() - pointer.committedAt);
    const at = clock - 2 * 3_600_000;
    const records = createAlertRecordStore({
      client: h.dynamo.client,
      tableName: h.tableName,
      now: () => at,
    });
    const alert: Alert = {
      id: 'ref:44:rejected',
      severity: 'info',
      scope: { type: 'referendum', referendum: 44, track: 0 },
      version: 1,
      relayBlock: h.scenario.expected.anchor.relayBlock,
      dataAtMs: at,
      facts: {
        kind: 'ref-ended',
        referendum: 44,
        track: 0,
        outcome: 'rejected',
        ended: { block: h.scenario.expected.anchor.relayBlock, atMs: at },
      },
    };
    await records.claim(CHANNEL, alert, 'r00001', 'o', 60_000);
    await records.markFinal(CHANNEL, alert.id, 'o', 'failed', '50035: Invalid Form Body');
    const answer = await h.post(slash('missed', [opt('hours', 3, 4)]));
    expect(ephemeral(answer)).toBe(false);
    expect(embed(answer).title).toBe('Alerts in this Discord channel in the last 3 hours: 1, newest first');
    expect(embed(answer).fields).toEqual([
      {
        name: 'Referendum #44 rejected',
        value: expect.stringContaining('**State:** failed: 50035: Invalid Form Body'),
      },
    ]);
    expect(embed(await h.post(slash('missed', [opt('hours', 1, 4)]))).title).toContain('No alerts');
  });

  it('autocompletes alert kinds, keeping the words already typed', async () => {
    const focused = (command: string, value: string) => ({
      ...slash(command, [{ name: 'kinds', type: 3, value, focused: true }]),
      type: 4,
    });
    const values = async (command: string, value: string) => {
      const choices = (await h.post(focused(command, value))).body.data?.choices;
      return ((choices ?? []) as Array<{ value: string }>).map((c) => c.value);
    };
    const sta = await values('mute', 'sta');
    expect(sta[0]).toBe('staking');
    expect(sta).toContain('health'); // "stale data": found by its description, after the names
    const era = await values('mute', 'era');
    expect(era[0]).toBe('era-paid');
    expect(era).toContain('no-active-nomination'); // "…active this era"
    expect(era).not.toContain('health'); // "operators" holds "era", but not as a word
    expect(await values('mute', 'staking, dead')).toEqual(['staking deadlines']);
    expect(await values('mute', 'ref-con')).toEqual(['ref-confirm-started', 'ref-confirm-aborted']);
    expect((await values('unmute', ''))[0]).toBe('all');
    expect(await values('mute', '')).not.toContain('all');
  });

  it("the subscription option changes one subscription's own settings, for a channel manager only", async () => {
    await h.post(slash('subscribe', [sub('referenda')], manager));
    await h.post(slash('subscribe', [sub('deadlines')], manager));
    const list = (await h.subscriptions.listSubscriptions(CHANNEL))!.subscriptions;
    const referenda = list.find((s) => s.spec.kind === 'referenda')!;
    const deadlines = list.find((s) => s.spec.kind === 'deadlines')!;
    const ownOf = async (key: string) =>
      (await h.alertRecords.getSettings([CHANNEL])).get(`discord:channel:${CHANNEL_ID}`)?.get(key) ?? null;
    const chatBefore = await settingsOf(CHANNEL);

    // Without Manage Channels: refused, nothing stored.
    for (const payload of [
      slash('mute', [opt('kinds', 'staking'), opt('subscription', referenda.id)]),
      slash('quiet', [sub('off', [opt('subscription', referenda.id)])]),
      slash('quiet', [sub('default', [opt('subscription', referenda.id)])]),
    ]) {
      const answer = await h.post(payload);
      expect(ephemeral(answer)).toBe(true);
      expect(embed(answer).description).toContain('Manage Channels');
    }
    expect(await ownOf(referenda.key)).toBeNull();

    const muted = await h.post(
      slash('mute', [opt('kinds', 'ref-submitted'), opt('subscription', referenda.id)], manager),
    );
    expect(ephemeral(muted)).toBe(false);
    expect(embed(muted).title).toBe(`Muted for subscription ${referenda.id}: ref-submitted`);
    expect(embed(muted).description).toContain(
      `\`${referenda.id}\`: new referenda and phase changes, all tracks, in this Discord channel.`,
    );
    expect(embed(muted).description).toContain('**Its own settings:** muted: ref\\-submitted');
    const quiet = await h.post(
      slash(
        'quiet',
        [
          sub('set', [
            opt('from', '22'),
            opt('to', '6'),
            opt('utc', '+1'),
            opt('subscription', referenda.id),
          ]),
        ],
        manager,
      ),
    );
    expect(embed(quiet).title).toBe(`Quiet hours set for subscription ${referenda.id}`);
    expect(await ownOf(referenda.key)).toEqual({
      muted: ['ref-submitted'],
      quietHours: { startMinute: 1320, endMinute: 360, utcOffsetMinutes: 60, holdCritical: false },
    });
    const off = await h.post(slash('quiet', [sub('off', [opt('subscription', deadlines.id)])], manager));
    expect(embed(off).title).toBe(
      `No quiet hours for subscription ${deadlines.id}, whatever the quiet hours of this channel`,
    );
    expect(await ownOf(deadlines.key)).toEqual({ muted: [], quietHours: null, noQuietHours: true });
    // The channel's own entry is untouched by all of it.
    expect(await settingsOf(CHANNEL)).toEqual(chatBefore);

    // Showing is open to everyone; /subscriptions shows each one's own settings next to it.
    const shown = await h.post(slash('quiet', [sub('show', [opt('subscription', deadlines.id)])]));
    expect(ephemeral(shown)).toBe(false);
    expect(embed(shown).title).toBe(`Alert settings of subscription ${deadlines.id}`);
    expect(embed(shown).description).toContain('**Its own settings:** no quiet hours');
    const listed = embed(await h.post(slash('subscriptions')));
    expect(listed.description).toContain(
      `\`${referenda.id}\` new referenda and phase changes, all tracks\n    its own: quiet hours \`22:00-06:00 UTC+1\`; muted: ref\\-submitted`,
    );
    expect(listed.description).toContain(
      `\`${deadlines.id}\` decision and confirm deadlines of all referenda, 1d and 1h ahead\n    its own: no quiet hours`,
    );

    // An id the channel does not have: an ephemeral error, nothing written.
    const everything = async () =>
      JSON.stringify([
        ...((await h.alertRecords.getSettings([CHANNEL])).get(`discord:channel:${CHANNEL_ID}`) ?? []),
      ]);
    const before = await everything();
    const unknown = await h.post(
      slash('mute', [opt('kinds', 'staking'), opt('subscription', 'a00000')], manager),
    );
    expect(ephemeral(unknown)).toBe(true);
    expect(embed(unknown).description).toContain('no subscription a00000');
    expect(await everything()).toBe(before);

    const back = await h.post(slash('quiet', [sub('default', [opt('subscription', deadlines.id)])], manager));
    expect(embed(back).title).toBe(
      `Subscription ${deadlines.id} follows the quiet hours of this channel again`,
    );
    expect(await ownOf(deadlines.key)).toBeNull();

    // Unsubscribing drops the subscription's own settings.
    await h.post(slash('unsubscribe', [opt('which', referenda.id)], manager));
    expect(await ownOf(referenda.key)).toBeNull();
  });

  it('autocompletes the subscription option with the channel\'s subscriptions, without "all"', async () => {
    const list = (await h.subscriptions.listSubscriptions(CHANNEL))!.subscriptions;
    expect(list.length).toBeGreaterThan(0);
    const focused = {
      ...slash('mute', [
        { name: 'kinds', type: 3, value: 'staking' },
        { name: 'subscription', type: 3, value: '', focused: true },
      ]),
      type: 4,
    };
    const choices = ((await h.post(focused)).body.data?.choices ?? []) as Array<{
      name: string;
      value: string;
    }>;
    expect(choices.map((c) => c.value).sort()).toEqual(list.map((s) => s.id).sort());
    const quiet = {
      ...slash('quiet', [
        sub('off', [{ name: 'subscription', type: 3, value: list[0]!.id.slice(0, 3), focused: true }]),
      ]),
      type: 4,
    };
    const some = ((await h.post(quiet)).body.data?.choices ?? []) as Array<{ value: string }>;
    expect(some.map((c) => c.value)).toContain(list[0]!.id);
    expect(some.map((c) => c.value)).not.toContain('all');
  });
});
