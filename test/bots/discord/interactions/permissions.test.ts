/**
 * The Manage Channels check follows what a command does, whatever the slash name says: an alias or
 * a letter case the shared parser accepts (a signed interaction may carry any name) is refused for
 * a member without the permission, and writes nothing.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from '../harness.js';

const CHANNEL: DeliveryTarget = { platform: 'discord', kind: 'channel', id: CHANNEL_ID };
const manager = { place: 'guild' as const, permissions: CHANNEL_MANAGER };
const description = (a: Answer) => (a.body.data!.embeds as Array<{ description: string }>)[0]!.description;

describe('Discord permission checks by what a command does', () => {
  let h: DiscordHarness;
  const state = async () => ({
    subscriptions: (await h.subscriptions.listSubscriptions(CHANNEL))?.subscriptions.map((s) => s.key) ?? [],
    settings: [...((await h.alertRecords.getSettings([CHANNEL])).get(`discord:channel:${CHANNEL_ID}`) ?? [])],
  });

  beforeAll(async () => {
    h = await startDiscordHarness(11);
    await h.post(slash('subscribe', [sub('referenda')], manager));
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['sub', [opt('which', 'referenda')]],
    ['sub', [sub('deadlines')]],
    ['unsub', [opt('which', 'all')]],
    ['Subscribe', [sub('address', [opt('address', 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F')])]],
    ['MUTE', [opt('kinds', 'staking')]],
    ['Unsubscribe', [opt('which', 'all')]],
  ])('refuses /%s from a member without Manage Channels and writes nothing', async (name, options) => {
    const before = await state();
    expect(before.subscriptions).toEqual(['referenda:all']);
    const answer = await h.post(slash(name, options));
    expect(answer.body.data?.flags).toBe(64);
    expect(description(answer)).toContain('Manage Channels');
    expect(await state()).toEqual(before);
  });

  it('still answers a reading command under an odd name without asking for the permission', async () => {
    const answer = await h.post(slash('SUBS'));
    expect(JSON.stringify(answer.body)).not.toContain('Manage Channels');
    expect(description(answer)).toContain('referenda');
  });
});
