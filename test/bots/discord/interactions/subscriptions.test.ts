import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertNotifiers } from '../../../../bots/alert-notifiers/index.js';
import type { DeliveryTarget } from '../../../../core/ports/notifier.js';
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

const CHANNEL: DeliveryTarget = { platform: 'discord', kind: 'channel', id: CHANNEL_ID };
const DM: DeliveryTarget = { platform: 'discord', kind: 'dm', id: USER_ID };

const embed = (a: Answer) => (a.body.data!.embeds as Array<{ title: string; description: string }>)[0]!;
const ephemeral = (a: Answer) => a.body.data?.flags === 64;
const manager = { place: 'guild' as const, permissions: CHANNEL_MANAGER };

describe('Discord subscriptions over HTTP', () => {
  let h: DiscordHarness;
  const ids = async (target: DeliveryTarget) =>
    ((await h.subscriptions.listSubscriptions(target))?.subscriptions ?? []).map((s) => s.key).sort();

  beforeAll(async () => {
    h = await startDiscordHarness(7);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses to subscribe a channel for a member without Manage Channels, and stores nothing', async () => {
    const answer = await h.post(slash('subscribe', [sub('referenda')]));
    expect(ephemeral(answer)).toBe(true);
    expect(embed(answer).description).toContain('Manage Channels');
    expect(embed(answer).description).toContain('/alerts');
    expect(await ids(CHANNEL)).toEqual([]);
  });

  it('refuses a channel the bot cannot post in', async () => {
    const answer = await h.post(
      slash('subscribe', [sub('referenda')], { ...manager, appPermissions: String(1n << 10n) }),
    );
    expect(ephemeral(answer)).toBe(true);
    expect(embed(answer).description).toMatch(/lacks Send Messages, Embed Links/);
    expect(await ids(CHANNEL)).toEqual([]);
  });

  it('subscribes the channel for a channel manager, idempotently', async () => {
    const first = await h.post(
      slash('subscribe', [sub('referenda', [opt('track', 'small_spender')])], manager),
    );
    expect(ephemeral(first)).toBe(false);
    expect(embed(first).title).toBe('Subscribed');
    expect(embed(first).description).toContain('on Small Spender \\(track 32\\), in this Discord channel.');
    const again = await h.post(
      slash('subscribe', [sub('referenda', [opt('track', 'small_spender')])], manager),
    );
    expect(embed(again).title).toBe('Already subscribed');
    expect(await ids(CHANNEL)).toEqual(['referenda:t32']);
  });

  it('lets anyone subscribe their own DMs with /alerts, and a DM with the bot with /subscribe', async () => {
    const address = h.scenario.fixtures.nominators.allTargetsActive;
    const answer = await h.post(slash('alerts', [sub('address', [opt('address', address)])]));
    expect(embed(answer).title).toBe('Subscribed');
    expect(embed(answer).description).toContain('in your Discord DMs.');
    const inDm = await h.post(
      slash('subscribe', [sub('deadlines', [opt('lead', '2d,6h')])], { place: 'dm' }),
    );
    expect(embed(inDm).title).toBe('Subscribed');
    expect(await ids(DM)).toEqual([`address:${address}`, 'deadlines:all']);
    expect(await ids(CHANNEL)).toEqual(['referenda:t32']);
  });

  it('refuses bad subscription input with an ephemeral answer and changes nothing', async () => {
    const before = [await ids(DM), await ids(CHANNEL)];
    const cases = [
      slash('alerts', [sub('address', [opt('address', 'garbage-address')])]),
      slash('alerts', [sub('deadlines', [opt('lead', 'soon')])]),
      slash('alerts', [sub('referenda', [opt('track', 'nope')])]),
      slash('alerts', [sub('address')]),
      slash('alerts', [sub('remove', [opt('which', 'zzzzzz')])]),
      slash('subscribe', [], manager),
    ];
    for (const payload of cases) {
      const answer = await h.post(payload);
      expect(answer.status).toBe(200);
      expect(ephemeral(answer)).toBe(true);
    }
    expect([await ids(DM), await ids(CHANNEL)]).toEqual(before);
  });

  it('autocompletes the addresses the user watches and the subscriptions to remove', async () => {
    const address = h.scenario.fixtures.nominators.allTargetsActive;
    const focusedAddress = {
      ...slash('stake', [{ name: 'address', type: 3, value: '', focused: true }]),
      type: 4,
    };
    const choices = (await h.post(focusedAddress)).body.data?.choices as Array<{
      name: string;
      value: string;
    }>;
    expect(choices).toEqual([{ name: `${address} (watched in your DMs)`, value: address }]);
    const typed = { ...slash('stake', [{ name: 'address', type: 3, value: 'zzz', focused: true }]), type: 4 };
    expect((await h.post(typed)).body.data?.choices).toEqual([]);

    const which = {
      ...slash('alerts', [sub('remove', [{ name: 'which', type: 3, value: '', focused: true }])]),
      type: 4,
    };
    const removable = (await h.post(which)).body.data?.choices as Array<{ value: string }>;
    const stored = (await h.subscriptions.listSubscriptions(DM))!.subscriptions.map((s) => s.id);
    expect(removable.map((c) => c.value).sort()).toEqual([...stored, 'all'].sort());
  });

  it('"Alert me before the deadline" subscribes the presser\'s DMs to that referendum', async () => {
    const id = h.scenario.fixtures.referenda.deciding[0]!;
    const pressed = await h.post({
      ...slash('x'),
      type: 3,
      data: { component_type: 2, custom_id: `h1:d:/sub deadlines #${id}` },
      message: { id: '1300000000000000088', embeds: [] },
    });
    expect(pressed.body.type).toBe(4);
    expect(embed(pressed).description).toContain(`referendum \\#${id}`);
    expect(await ids(DM)).toContain(`deadlines:r${id}`);
  });

  it('unsubscribes by id for a channel manager only', async () => {
    const [subscription] = (await h.subscriptions.listSubscriptions(CHANNEL))!.subscriptions;
    const denied = await h.post(slash('unsubscribe', [opt('which', subscription!.id)]));
    expect(ephemeral(denied)).toBe(true);
    expect(await ids(CHANNEL)).toEqual(['referenda:t32']);
    const listed = await h.post(slash('subscriptions'));
    expect(embed(listed).description).toContain(subscription!.id);
    const done = await h.post(slash('unsubscribe', [opt('which', subscription!.id)], manager));
    expect(embed(done).title).toBe('Removed 1 subscription from this Discord channel');
    expect(await ids(CHANNEL)).toEqual([]);
  });

  it('a channel Discord reports gone has its subscriptions disabled with the reason', async () => {
    await h.post(slash('subscribe', [sub('referenda')], manager));
    const notifier = createAlertNotifiers({
      discord: { token: 'bot-token', apiRoot: h.fake.api },
      subscriptions: h.subscriptions,
    }).discord!;
    h.fake.fail('POST', /^\/channels\/[0-9]+\/messages$/, { status: 403, code: 50001 });
    const [outcome] = await notifier.send({ platform: 'discord', kind: 'channel', id: CHANNEL_ID }, [
      { alertId: 'ref:1:approved', severity: 'info', title: 'Referendum #1 approved', lines: ['Track root'] },
    ]);
    expect(outcome?.status).toBe('gone');
    const record = await h.subscriptions.listSubscriptions(CHANNEL);
    expect(record?.disabled?.reason).toMatch(/^Discord: .*Missing Access/);
    expect(await h.subscriptions.subscribersOf({ kind: 'referenda', track: 0 })).not.toContainEqual(
      expect.objectContaining({ target: CHANNEL }),
    );
    const listed = await h.post(slash('subscriptions'));
    expect(embed(listed).description).toMatch(/paused.*Missing Access/);
  });
  it('answers a settings change slower than the budget in place: the follow-up, which only reads, never gets it', async () => {
    const slow = await h.slowEndpoint(400);
    h.fake.reset();
    const answer = await slow.post(slash('subscribe', [sub('referenda', [opt('track', 'root')])], manager));
    expect(answer.body.type).toBe(4);
    expect(embed(answer).title).toBe('Subscribed');
    await slow.followups.drain();
    expect(h.fake.matching('PATCH', /@original$/)).toEqual([]);
    // The same endpoint does defer a read as slow.
    expect((await slow.post(slash('era'))).body).toEqual({ type: 5 });
    await slow.followups.drain();
  });
});
