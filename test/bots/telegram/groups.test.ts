import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTelegramHarness, type TelegramHarness } from './harness.js';
import {
  anonymousAdminMessage,
  callbackQuery,
  GROUP,
  groupMessage,
  migrateMessage,
  myChatMember,
  OTHER_USER,
  privateMessage,
  USER,
} from './updates.js';

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness(43);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const GROUP_TARGET = { platform: 'telegram', kind: 'chat', id: String(GROUP.id) } as const;
const texts = () => h.fake.callsOf('sendMessage').map((c) => String(c.params.text));

describe('Telegram groups', () => {
  it('answers /cmd and /cmd@ourbot, ignores /cmd@otherbot and plain chatter', async () => {
    await h.post(groupMessage('/era'));
    await h.post(groupMessage(`/era@${h.fake.bot.username}`));
    await h.post(groupMessage('/era@SomeOtherBot'));
    await h.post(groupMessage('what a referendum'));
    await h.post(groupMessage('/notacommand'));
    expect(h.fake.callsOf('sendMessage')).toHaveLength(2);
    // Named explicitly, even an unknown command is answered with help.
    await h.post(groupMessage(`/notacommand@${h.fake.bot.username}`));
    expect(texts()[2]).toContain('is not a command');
  });

  it("only admins may change the group's subscriptions; anyone may list them", async () => {
    h.fake.setMember(String(GROUP.id), OTHER_USER.id, 'member');
    await h.post(groupMessage('/subscribe referenda', OTHER_USER));
    expect(texts()[0]).toContain('Only the admins of this group');
    expect(h.fake.callsOf('getChatMember')[0]!.params).toMatchObject({
      chat_id: GROUP.id,
      user_id: OTHER_USER.id,
    });
    expect(await h.subscriptions.listSubscriptions(GROUP_TARGET)).toBeUndefined();

    h.fake.setMember(String(GROUP.id), USER.id, 'administrator');
    await h.post(groupMessage('/subscribe referenda', USER));
    const listed = await h.subscriptions.listSubscriptions(GROUP_TARGET);
    expect(listed?.subscriptions.map((s) => s.spec)).toEqual([{ kind: 'referenda', track: null }]);
    expect(listed?.target.createdBy).toBe(String(USER.id));

    h.fake.reset();
    await h.post(groupMessage('/subscriptions', OTHER_USER));
    expect(h.fake.callsOf('getChatMember')).toHaveLength(0);
    expect(texts()[0]).toContain('new referenda and phase changes');

    await h.post(groupMessage('/unsubscribe all', OTHER_USER));
    expect((await h.subscriptions.listSubscriptions(GROUP_TARGET))?.subscriptions).toHaveLength(1);
  });

  it('a member pressing a subscribe button in a group gets an alert and changes nothing', async () => {
    h.fake.setMember(String(GROUP.id), OTHER_USER.id, 'member');
    const before = await h.subscriptions.listSubscriptions(GROUP_TARGET);
    await h.post(callbackQuery('/sub deadlines', { chat: GROUP, messageId: 12, from: OTHER_USER }));
    expect(h.fake.callsOf('answerCallbackQuery')[0]!.params).toMatchObject({ show_alert: true });
    expect(h.fake.callsOf('sendMessage')).toHaveLength(0);
    expect(await h.subscriptions.listSubscriptions(GROUP_TARGET)).toEqual(before);
  });

  it('an anonymous admin posting as the group may subscribe, without a getChatMember call', async () => {
    await h.post(anonymousAdminMessage('/subscribe deadlines 2h'));
    expect(h.fake.callsOf('getChatMember')).toHaveLength(0);
    const specs = (await h.subscriptions.listSubscriptions(GROUP_TARGET))!.subscriptions.map((s) => s.spec);
    expect(specs).toContainEqual({ kind: 'deadlines', scope: { type: 'all' }, leadMinutes: [120] });
  });

  it('when getChatMember fails the change is refused with a "try again", not made', async () => {
    h.fake.fail({ method: 'getChatMember', failure: { code: 500 }, times: 5 });
    const before = await h.subscriptions.listSubscriptions(GROUP_TARGET);
    await h.post(groupMessage('/unsubscribe all', USER));
    expect(texts()[0]).toContain('could not check whether you are an admin');
    expect(await h.subscriptions.listSubscriptions(GROUP_TARGET)).toEqual(before);
  });

  it('being removed from the group disables its subscriptions with the reason; being added back enables them', async () => {
    expect((await h.post(myChatMember(GROUP, 'member', 'kicked'))).status).toBe(200);
    const disabled = await h.subscriptions.listSubscriptions(GROUP_TARGET);
    expect(disabled?.disabled?.reason).toMatch(/removed from the supergroup .* by user 5550001/);
    expect(disabled?.subscriptions.length).toBeGreaterThan(0);
    await h.post(myChatMember(GROUP, 'kicked', 'member'));
    expect((await h.subscriptions.listSubscriptions(GROUP_TARGET))?.disabled).toBeNull();
    expect(h.fake.calls.filter((c) => c.method.startsWith('send'))).toHaveLength(0);
  });

  it('a user blocking the bot disables their DM subscriptions', async () => {
    await h.post(privateMessage('/subscribe referenda'));
    await h.post(myChatMember({ id: USER.id, type: 'private' }, 'member', 'kicked'));
    const dm = await h.subscriptions.listSubscriptions({
      platform: 'telegram',
      kind: 'dm',
      id: String(USER.id),
    });
    expect(dm?.disabled?.reason).toBe('the user blocked the bot');
  });

  it('a group upgraded to a supergroup takes its subscriptions to the new id', async () => {
    const oldTarget = { platform: 'telegram', kind: 'chat', id: '-555000111' } as const;
    await h.subscriptions.subscribe(
      { ...oldTarget, createdBy: String(USER.id) },
      { kind: 'referenda', track: 33 },
    );
    const newId = -1_009_000_222;
    expect((await h.post(migrateMessage(newId))).status).toBe(200);
    const moved = await h.subscriptions.listSubscriptions({
      platform: 'telegram',
      kind: 'chat',
      id: String(newId),
    });
    expect(moved?.subscriptions.map((s) => s.spec)).toEqual([{ kind: 'referenda', track: 33 }]);
    expect((await h.subscriptions.listSubscriptions(oldTarget))?.disabled?.reason).toContain(String(newId));
  });
});
