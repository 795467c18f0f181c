import { describe, expect, it } from 'vitest';
import {
  addressedToUs,
  chatTarget,
  commandLineFor,
  mayManageSubscriptions,
} from '../../../bots/telegram/chat.js';
import { botIdOf, botInfoFor, telegramSettings } from '../../../bots/telegram/config.js';

const privateChat = { id: 42, type: 'private' };
const group = { id: -100123, type: 'supergroup' };

describe('which messages are commands for the bot', () => {
  it('takes any text in a private chat, with or without "/"', () => {
    expect(commandLineFor('/era', privateChat, 'HeraldBot')).toBe('/era');
    expect(commandLineFor('  stake HNZ  ', privateChat, 'HeraldBot')).toBe('stake HNZ');
    expect(commandLineFor('   ', privateChat, 'HeraldBot')).toBeNull();
    expect(commandLineFor(undefined, privateChat, 'HeraldBot')).toBeNull();
  });

  it('drops the payload of a /start deep link, which is no help topic', () => {
    expect(commandLineFor('/start ref-412', privateChat, 'HeraldBot')).toBe('/start');
    expect(commandLineFor('/start@HeraldBot xyz', group, 'HeraldBot')).toBe('/start@HeraldBot');
    expect(commandLineFor('/starts', privateChat, 'HeraldBot')).toBe('/starts');
  });

  it('takes only "/" lines in groups, and never one addressed to another bot', () => {
    expect(commandLineFor('/era', group, 'HeraldBot')).toBe('/era');
    expect(commandLineFor('/era@heraldbot', group, 'HeraldBot')).toBe('/era@heraldbot');
    expect(commandLineFor('/era@OtherBot', group, 'HeraldBot')).toBeNull();
    expect(commandLineFor('/era@OtherBot', privateChat, 'HeraldBot')).toBeNull();
    expect(commandLineFor('era', group, 'HeraldBot')).toBeNull();
    expect(addressedToUs('/x@HeraldBot y', 'heraldbot')).toBe(true);
    expect(addressedToUs('/x y', 'heraldbot')).toBe(false);
  });

  it('maps chats to targets: private chats are DMs, everything else a chat', () => {
    expect(chatTarget(privateChat, 42)).toEqual({
      platform: 'telegram',
      kind: 'dm',
      id: '42',
      createdBy: '42',
    });
    expect(chatTarget(group, 7)).toEqual({
      platform: 'telegram',
      kind: 'chat',
      id: '-100123',
      createdBy: '7',
    });
    expect(chatTarget({ id: -100999, type: 'channel' }, undefined).createdBy).toBe('-100999');
  });

  it('asks Telegram about admins in groups only', async () => {
    const asked: Array<[number, number]> = [];
    const lookup = (status: string) => ({
      getChatMember: async (chatId: number, userId: number) => {
        asked.push([chatId, userId]);
        return { status };
      },
    });
    expect(await mayManageSubscriptions(lookup('member'), privateChat, 42, undefined)).toBe(true);
    expect(
      await mayManageSubscriptions(lookup('member'), { id: -1, type: 'channel' }, undefined, undefined),
    ).toBe(true);
    expect(asked).toEqual([]);
    expect(await mayManageSubscriptions(lookup('creator'), group, 7, undefined)).toBe(true);
    expect(await mayManageSubscriptions(lookup('administrator'), group, 7, undefined)).toBe(true);
    expect(await mayManageSubscriptions(lookup('member'), group, 7, undefined)).toBe(false);
    expect(await mayManageSubscriptions(lookup('restricted'), group, 7, undefined)).toBe(false);
    expect(await mayManageSubscriptions(lookup('member'), group, undefined, undefined)).toBe(false);
    expect(await mayManageSubscriptions(lookup('member'), group, 7, group.id)).toBe(true);
    expect(await mayManageSubscriptions(lookup('member'), group, 7, -5)).toBe(false);
  });
});

describe('settings', () => {
  const token = '7000000001:AAFakeTokenForTests_abcdefghijklmnop';

  it('builds what getMe would answer from the token and username', () => {
    expect(botIdOf(token)).toBe('7000000001');
    expect(botInfoFor(token, '@HeraldBot')).toMatchObject({
      id: 7000000001,
      username: 'HeraldBot',
      is_bot: true,
    });
  });

  it('names what is missing or malformed', () => {
    const good = { token, username: 'HeraldBot', secret: 'abc_123' };
    expect(telegramSettings(good)).toEqual({ ...good, apiRoot: 'https://api.telegram.org' });
    expect(telegramSettings({ ...good, apiRoot: 'http://127.0.0.1:9/' }).apiRoot).toBe('http://127.0.0.1:9');
    expect(() => telegramSettings({ ...good, token: undefined })).toThrow(/TELEGRAM_BOT_TOKEN is not set/);
    expect(() => telegramSettings({ ...good, token: 'nope' })).toThrow(/<bot id>:<secret>/);
    expect(() => telegramSettings({ ...good, username: '' })).toThrow(/TELEGRAM_BOT_USERNAME/);
    expect(() => telegramSettings({ ...good, username: 'a b' })).toThrow(/not a Telegram bot username/);
    expect(() => telegramSettings({ ...good, secret: 'bad secret' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => telegramSettings({ ...good, apiRoot: 'ftp://x' })).toThrow(/TELEGRAM_API_ROOT/);
  });
});
