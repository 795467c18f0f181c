/**
 * The admin check follows what a command does: aliases and letter cases that change a chat's
 * settings are refused for a plain member of a group, and a button under a channel post is
 * checked against the presser, like one in a group.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTelegramHarness, type TelegramHarness } from './harness.js';
import { callbackQuery, GROUP, groupMessage, OTHER_USER } from './updates.js';

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness(44);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const GROUP_TARGET = { platform: 'telegram', kind: 'chat', id: String(GROUP.id) } as const;
const CHANNEL = { id: -1_001_555_000_222, title: 'Kusama news', type: 'channel' as const };
const CHANNEL_TARGET = { platform: 'telegram', kind: 'chat', id: String(CHANNEL.id) } as const;

const state = async (target: typeof GROUP_TARGET | typeof CHANNEL_TARGET) => ({
  subscriptions: (await h.subscriptions.listSubscriptions(target))?.subscriptions ?? [],
  settings: [...((await h.alertRecords.getSettings([target])).get(`telegram:chat:${target.id}`) ?? [])],
});

describe('Telegram permission checks by what a command does', () => {
  it.each(['/sub referenda', '/unsub all', '/Subscribe referenda', '/MUTE staking'])(
    'refuses %s from a plain group member and writes nothing',
    async (line) => {
      h.fake.setMember(String(GROUP.id), OTHER_USER.id, 'member');
      const before = await state(GROUP_TARGET);
      await h.post(groupMessage(line, OTHER_USER));
      expect(String(h.fake.callsOf('sendMessage')[0]!.params.text)).toContain(
        'Only the admins of this group',
      );
      expect(await state(GROUP_TARGET)).toEqual(before);
    },
  );

  it('checks a button pressed under a channel post against the presser, and changes nothing', async () => {
    h.fake.setMember(String(CHANNEL.id), OTHER_USER.id, 'member');
    const before = await state(CHANNEL_TARGET);
    await h.post(callbackQuery('/sub deadlines', { chat: CHANNEL, messageId: 7, from: OTHER_USER }));
    expect(h.fake.callsOf('getChatMember')[0]!.params).toMatchObject({
      chat_id: CHANNEL.id,
      user_id: OTHER_USER.id,
    });
    expect(h.fake.callsOf('answerCallbackQuery')[0]!.params).toMatchObject({ show_alert: true });
    expect(h.fake.callsOf('sendMessage')).toHaveLength(0);
    expect(await state(CHANNEL_TARGET)).toEqual(before);
  });
});
