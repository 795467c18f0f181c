import { Telegram } from 'telegraf';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramNotifier, type DisableTarget } from '../../../bots/telegram/notifier.js';
import { TELEGRAM_LIMITS, TelegramRateLimiter } from '../../../bots/telegram/rate-limiter.js';
import type { DeliveryTarget, NotifierMessage } from '../../../core/ports/notifier.js';
import { type FakeTelegram, htmlProblem, startFakeTelegram } from '../../helpers/fake-telegram.js';

const chat = (id: string, kind: DeliveryTarget['kind'] = 'chat'): DeliveryTarget => ({
  platform: 'telegram',
  kind,
  id,
});
const msg = (id: string, lines = ['Track small_spender, ends in 23 h']): NotifierMessage => ({
  alertId: id,
  severity: 'info',
  title: `Alert ${id}`,
  lines,
});

describe('Telegram notifier over HTTP', () => {
  let fake: FakeTelegram;
  let telegram: Telegram;
  const disabled: Array<{ target: DeliveryTarget; reason: string }> = [];
  const disableTarget: DisableTarget = async (target, reason) => {
    disabled.push({ target, reason });
  };
  const notifier = (extra: Partial<Parameters<typeof createTelegramNotifier>[0]> = {}) =>
    createTelegramNotifier({ telegram, disableTarget, backoffMs: 5, ...extra });

  beforeAll(async () => {
    fake = await startFakeTelegram();
    telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    disabled.length = 0;
  });

  it('sends several alerts for one chat as one HTML message and reports its id', async () => {
    const outcomes = await notifier().send(chat('-1001'), [msg('ref:1:submitted'), msg('ref:2:approved')]);
    expect(outcomes).toEqual([
      { status: 'sent', alertIds: ['ref:1:submitted', 'ref:2:approved'], messageIds: ['1'] },
    ]);
    const [call] = fake.delivered('-1001');
    expect(call!.params).toMatchObject({
      chat_id: '-1001',
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
    expect(htmlProblem(String(call!.params.text))).toBeNull();
  });

  it("puts the alerts' links as URL buttons under the message, and times relative to the send clock", async () => {
    const end = Date.UTC(2026, 6, 21, 11, 57);
    const links = [
      { label: 'Subsquare #1', url: 'https://kusama.subsquare.io/referenda/1' },
      { label: 'Polkassembly #1', url: 'https://kusama.polkassembly.io/referenda/1' },
    ];
    const timed: NotifierMessage = {
      ...msg('ref:1:deadline', ['Ends 2026-07-21 11:57 UTC.']),
      spans: { title: ['Alert ref:1:deadline'], lines: [['Ends ', { atMs: end }, '.']] },
      links,
      timeZone: 'Europe/Berlin',
    };
    const now = () => Date.UTC(2026, 6, 20, 12, 0);
    await notifier({ now }).send(chat('-1002'), [timed, { ...msg('ref:1:approved'), links }]);
    const [call] = fake.delivered('-1002');
    expect(String(call!.params.text)).toContain(
      'Ends 2026-07-21 11:57 UTC (13:57 Europe/Berlin, in 23h 57m).',
    );
    expect(call!.params.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'Subsquare #1', url: 'https://kusama.subsquare.io/referenda/1' },
          { text: 'Polkassembly #1', url: 'https://kusama.polkassembly.io/referenda/1' },
        ],
      ],
    });
  });

  it('puts the buttons of a long alert under its last part only', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(30)}`);
    const links = [
      { label: 'Subscan: HNZata…Upf74F', url: 'https://assethub-kusama.subscan.io/account/HNZ' },
    ];
    const [outcome] = await notifier().send(chat('-1003'), [{ ...msg('long', long), links }]);
    expect(outcome!.status).toBe('sent');
    const calls = fake.delivered('-1003');
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.map((c) => c.params.reply_markup === undefined)).toEqual([
      ...calls.slice(1).map(() => true),
      false,
    ]);
  });

  it('maps a 429 to retry after retry_after, for that message and the ones behind it', async () => {
    fake.fail({ method: 'sendMessage', chatId: '55', failure: { code: 429, retryAfter: 7 } });
    const long = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(30)}`);
    const outcomes = await notifier().send(chat('55', 'dm'), [msg('a', long), msg('b')]);
    expect(outcomes).toEqual([
      { status: 'retry', alertIds: ['a'], afterMs: 7000, reason: expect.stringContaining('429') },
      { status: 'retry', alertIds: ['b'], afterMs: 7000, reason: expect.stringContaining('429') },
    ]);
    expect(fake.callsOf('sendMessage')).toHaveLength(1);
    expect(disabled).toEqual([]);
  });

  it('a 429 holds the chat: the next send answers retry without calling Telegram', async () => {
    const limiter = new TelegramRateLimiter();
    fake.fail({ method: 'sendMessage', chatId: '56', failure: { code: 429, retryAfter: 30 } });
    const n = notifier({ limiter, maxWaitMs: 1000 });
    await n.send(chat('56'), [msg('a')]);
    const again = await n.send(chat('56'), [msg('b')]);
    expect(again[0]).toMatchObject({ status: 'retry', alertIds: ['b'] });
    expect((again[0] as { afterMs: number }).afterMs).toBeGreaterThan(25_000);
    expect(fake.callsOf('sendMessage')).toHaveLength(1);
  });

  it('maps a 403 to gone and disables the chat once, with the reason', async () => {
    fake.setChat('77', { code: 403, description: 'Forbidden: bot was blocked by the user' });
    const outcomes = await notifier().send(chat('77', 'dm'), [msg('a', ['x'.repeat(4070)]), msg('b')]);
    expect(outcomes.map((o) => o.status)).toEqual(['gone', 'gone']);
    expect(disabled).toEqual([
      { target: chat('77', 'dm'), reason: '403: Forbidden: bot was blocked by the user' },
    ]);
    expect(fake.callsOf('sendMessage')).toHaveLength(1);
  });

  it('maps "chat not found" and a migrated group to gone', async () => {
    fake.setChat('-88', { code: 400, description: 'Bad Request: chat not found' });
    fake.setChat('-89', {
      code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      migrateTo: -1009,
    });
    expect((await notifier().send(chat('-88'), [msg('a')]))[0]).toMatchObject({
      status: 'gone',
      reason: '400: Bad Request: chat not found',
    });
    expect((await notifier().send(chat('-89'), [msg('a')]))[0]).toMatchObject({
      status: 'gone',
      reason: expect.stringContaining('now chat -1009'),
    });
    expect(disabled.map((d) => d.target.id)).toEqual(['-88', '-89']);
  });

  it('retries a 500 within the call and delivers; a lasting 5xx answers retry with backoff', async () => {
    fake.fail({ method: 'sendMessage', failure: { code: 500 }, times: 2 });
    expect((await notifier().send(chat('90'), [msg('a')]))[0]).toMatchObject({
      status: 'sent',
      messageIds: ['1'],
    });
    expect(fake.callsOf('sendMessage').map((c) => c.status)).toEqual([500, 500, 200]);

    fake.reset();
    fake.fail({ method: 'sendMessage', failure: { code: 502 }, times: 10 });
    const outcomes = await notifier({ transientRetries: 1, backoffMs: 40 }).send(chat('91'), [msg('a')]);
    expect(outcomes).toEqual([
      { status: 'retry', alertIds: ['a'], afterMs: 80, reason: expect.stringContaining('502') },
    ]);
    expect(disabled).toEqual([]);
  });

  it('answers retry when Telegram cannot be reached at all', async () => {
    const offline = new Telegram(fake.token, { apiRoot: 'http://127.0.0.1:9' });
    const outcomes = await createTelegramNotifier({
      telegram: offline,
      backoffMs: 1,
      transientRetries: 0,
    }).send(chat('92'), [msg('a')]);
    expect(outcomes[0]).toMatchObject({ status: 'retry', reason: expect.stringContaining('network') });
  });

  it('maps any other refusal to failed for that message and carries on with the next', async () => {
    fake.fail({
      method: 'sendMessage',
      failure: { code: 400, description: "Bad Request: can't parse entities" },
    });
    const long = ['y'.repeat(3000)];
    const outcomes = await notifier().send(chat('93'), [msg('a', long), msg('b', long)]);
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'sent']);
    expect(disabled).toEqual([]);
  });

  it('refuses targets that are not Telegram chats, without calling Telegram', async () => {
    const n = notifier();
    const bad: DeliveryTarget[] = [
      { platform: 'discord', kind: 'channel', id: '1' },
      { platform: 'telegram', kind: 'channel', id: '1' },
      { platform: 'telegram', kind: 'chat', id: 'abc' },
      { platform: 'telegram', kind: 'chat', id: '0' },
    ];
    for (const target of bad)
      expect((await n.send(target, [msg('a')]))[0]).toMatchObject({ status: 'failed' });
    expect(await n.send(chat('1'), [])).toEqual([]);
    expect(fake.calls).toHaveLength(0);
  });

  it('delivers every part of a split alert, in order', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `Era ${9700 + i}: 0.0123 KSM unclaimed <${i}>`);
    const outcomes = await notifier().send(chat('94'), [msg('long', lines)]);
    expect(outcomes).toHaveLength(1);
    const sent = outcomes[0] as { status: string; messageIds: string[] };
    expect(sent.status).toBe('sent');
    expect(sent.messageIds.length).toBeGreaterThan(1);
    const texts = fake.delivered('94').map((c) => String(c.params.text));
    expect(texts.join('\n')).toContain('Era 9849: 0.0123 KSM unclaimed &lt;149&gt;');
  });
});

describe('Telegram notifier against a fake that enforces the real limits', () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    fake = await startFakeTelegram({
      limits: { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
      // The limiter paces when requests leave; on a loaded machine they can arrive up to this much bunched.
      arrivalToleranceMs: 200,
    });
  });
  afterAll(() => fake.close());

  it('fans out to 45 chats and 3 sends to one chat with no 429', async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    const n = createTelegramNotifier({ telegram, limiter: new TelegramRateLimiter(TELEGRAM_LIMITS) });
    const started = Date.now();
    const sends = [
      ...Array.from({ length: 45 }, (_, i) => n.send(chat(String(2000 + i)), [msg(`a${i}`)])),
      ...Array.from({ length: 3 }, (_, i) => n.send(chat('-5000'), [msg(`g${i}`)])),
    ];
    const outcomes = (await Promise.all(sends)).flat();
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    expect(fake.limitViolations()).toBe(0);
    expect(fake.delivered()).toHaveLength(48);
    // 48 messages at ~29.5/s need a little over 1.5 s; the group's third one waits 2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });
});
