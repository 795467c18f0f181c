import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REFERENDA_PAGE_SIZE } from '../../../core/commands/limits.js';
import { htmlProblem, type RecordedCall } from '../../helpers/fake-telegram.js';
import { startTelegramHarness, type TelegramHarness } from './harness.js';
import { callbackQuery, privateMessage, USER } from './updates.js';

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const DM = { platform: 'telegram', kind: 'dm', id: String(USER.id) } as const;

type Button = { text: string; callback_data: string };
function buttons(call: RecordedCall | undefined): Button[] {
  const markup = call?.params.reply_markup as { inline_keyboard: Button[][] } | undefined;
  return markup?.inline_keyboard.flat().filter((b) => b.callback_data !== undefined) ?? [];
}

async function ask(text: string) {
  const update = privateMessage(text);
  const res = await h.post(update);
  expect(res.status).toBe(200);
  const sent = h.fake.calls.filter((c) => c.method === 'sendMessage' || c.method === 'sendPhoto');
  for (const c of sent) expect(htmlProblem(String(c.params.text ?? c.params.caption ?? ''))).toBeNull();
  return { update, sent, text: sent.map((c) => String(c.params.text ?? c.params.caption ?? '')).join('\n') };
}

describe('Telegram commands', () => {
  it('/stake shows the account with its address copyable, the data age, and an "alert me" button that subscribes', async () => {
    const address = h.scenario.fixtures.nominators.allTargetsActive;
    const { sent, text } = await ask(`/stake ${address}`);
    expect(text).toContain(`<code>${address}</code>`);
    expect(text).toMatch(/<i>Data as of relay block #[\d,]+/);
    const [button] = buttons(sent.at(-1));
    expect(button).toMatchObject({
      text: expect.stringContaining('Alert me'),
      callback_data: expect.stringContaining(address),
    });

    h.fake.reset();
    const press = callbackQuery(button!.callback_data, { messageId: 9001 });
    expect((await h.post(press)).status).toBe(200);
    expect(h.fake.callsOf('answerCallbackQuery')[0]!.params).toMatchObject({
      callback_query_id: press.callback_query.id,
      text: 'Subscribed',
    });
    const listed = await h.subscriptions.listSubscriptions(DM);
    expect(listed?.subscriptions.map((s) => s.spec)).toContainEqual({ kind: 'address', address });
    expect(String(h.fake.callsOf('sendMessage')[0]!.params.text)).toContain('Subscribed');

    // Pressing it again is idempotent.
    h.fake.reset();
    await h.post(callbackQuery(button!.callback_data, { messageId: 9001 }));
    expect(h.fake.callsOf('answerCallbackQuery')[0]!.params.text).toBe('Already subscribed');
    expect((await h.subscriptions.listSubscriptions(DM))?.subscriptions).toHaveLength(
      listed!.subscriptions.length,
    );
  });

  it('/validator, /era, /tracks and /status answer in HTML with their titles in bold', async () => {
    const validator = h.scenario.fixtures.validators.elected[0]!;
    for (const line of [`/validator ${validator}`, '/era', '/tracks', '/status']) {
      const { sent } = await ask(line);
      expect(sent.length, line).toBeGreaterThan(0);
      expect(String(sent[0]!.params.text), line).toMatch(/^<b>.+<\/b>\n/);
      h.fake.reset();
    }
  });

  it('/referendum is one message: the chart photo with the whole text as its caption, the deadline button and link buttons', async () => {
    const id = h.scenario.fixtures.referenda.deciding[0]!;
    const { sent } = await ask(`/referendum ${id}`);
    expect(sent.map((c) => c.method)).toEqual(['sendPhoto']);
    const photo = sent[0]!;
    const png = photo.files.photo!;
    expect([...png.bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.size).toBeGreaterThan(5_000);
    const caption = String(photo.params.caption);
    expect(caption).toContain(`Referendum #${id}`);
    expect(caption).toMatch(/Tally: ayes [\d,.]+ KSM/);
    expect(caption).toMatch(/<i>Data as of relay block #[\d,]+/);
    expect(caption.replace(/<[^>]*>/g, '').length).toBeLessThanOrEqual(1024);
    expect(photo.params.parse_mode).toBe('HTML');
    expect(photo.params.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    const deadline = buttons(photo).find((b) => b.text.includes('before the deadline'));
    expect(deadline?.callback_data).toMatch(new RegExp(`#${id}`));
    const urls = (photo.params.reply_markup as { inline_keyboard: { url?: string }[][] }).inline_keyboard
      .flat()
      .flatMap((b) => (b.url ? [b.url] : []));
    expect(urls).toEqual([
      `https://kusama.subsquare.io/referenda/${id}`,
      `https://kusama.polkassembly.io/referenda/${id}`,
    ]);

    h.fake.reset();
    await h.post(callbackQuery(deadline!.callback_data, { messageId: 77 }));
    const subs = (await h.subscriptions.listSubscriptions(DM))!.subscriptions.map((s) => s.spec);
    expect(subs).toContainEqual(
      expect.objectContaining({ kind: 'deadlines', scope: { type: 'referendum', referendum: id } }),
    );
  });

  it('/referenda pages by editing the message the buttons sit on', async () => {
    const { sent } = await ask('/referenda all');
    const first = sent[0]!;
    const next = buttons(first).find((b) => b.text.startsWith('Next'));
    const rows = String(first.params.text).match(/#\d+ · /g) ?? [];
    expect(rows.length).toBeLessThanOrEqual(REFERENDA_PAGE_SIZE);
    if (!next) throw new Error(`the small scenario has one page of referenda only: ${first.params.text}`);
    h.fake.reset();
    await h.post(callbackQuery(next.callback_data, { messageId: 4242, text: String(first.params.text) }));
    expect(h.fake.callsOf('sendMessage')).toHaveLength(0);
    const [edit] = h.fake.callsOf('editMessageText');
    expect(edit!.params).toMatchObject({ chat_id: USER.id, message_id: 4242, parse_mode: 'HTML' });
    expect(String(edit!.params.text)).toContain('page 2/');
    expect(buttons(edit).some((b) => b.text.startsWith('◀ Previous'))).toBe(true);
    expect(h.fake.callsOf('answerCallbackQuery')).toHaveLength(1);
  });

  it("every button fits Telegram's 64-byte callback limit", async () => {
    const address = h.scenario.fixtures.validators.elected[0]!;
    for (const line of ['/referenda', `/validator ${address}`, '/subscriptions']) {
      const { sent } = await ask(line);
      for (const b of sent.flatMap((c) => buttons(c)))
        expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
      h.fake.reset();
    }
  });

  it('bad input gets one clear message, escaped, and changes nothing', async () => {
    const before = await h.subscriptions.listSubscriptions(DM);
    const cases: Array<[string, RegExp]> = [
      [
        '/stake <b>not-an-address</b>',
        /&quot;&lt;b&gt;not-an-address&lt;\/b&gt;&quot; is not a valid address/,
      ],
      ['/referendum <script>', /&quot;&lt;script&gt;&quot; is not a referendum number/],
      ['/referendum 99999999', /99,?999,?999/],
      ['/stakee', /Did you mean \/stake\?/],
      ['/referenda nosuchtrack', /nosuchtrack/],
      ['/subscribe', /Say what to subscribe to/],
      [`/era ${'x'.repeat(600)}`, /the limit is 512/],
      ['/era \u202e', /U\+202E/],
    ];
    for (const [line, expected] of cases) {
      const { text } = await ask(line);
      expect(text, line).toMatch(/^<b>(\/\w+: that|That) did not work<\/b>\n/);
      expect(text, line).toMatch(expected);
      h.fake.reset();
    }
    expect(await h.subscriptions.listSubscriptions(DM)).toEqual(before);
  });

  it('/subscriptions lists this chat with a remove button per subscription, and the button removes it', async () => {
    await ask('/subscribe referenda');
    h.fake.reset();
    const { sent } = await ask('/subscriptions');
    const remove = buttons(sent.at(-1)).find((b) => b.text.includes('Remove'));
    expect(remove).toBeDefined();
    const count = (await h.subscriptions.listSubscriptions(DM))!.subscriptions.length;
    h.fake.reset();
    await h.post(callbackQuery(remove!.callback_data, { messageId: 5 }));
    expect(h.fake.callsOf('answerCallbackQuery')[0]!.params.text).toBe('Removed 1');
    expect((await h.subscriptions.listSubscriptions(DM))!.subscriptions).toHaveLength(count - 1);
  });

  it('a stale snapshot is said plainly at the top of the answer', async () => {
    const { text } = await ask('/era');
    expect(text).not.toContain('stale data');
    // The same store seen with a clock an hour ahead, through the bot built directly.
    const { createTelegramWebhook } = await import('../../../bots/telegram/app.js');
    const { MemoryUpdateLedger } = await import('../../../bots/telegram/update-ledger.js');
    const webhook = createTelegramWebhook({
      settings: {
        token: h.fake.token,
        username: h.fake.bot.username,
        secret: 'later_secret',
        apiRoot: h.fake.apiRoot,
      },
      store: h.store,
      subscriptions: h.subscriptions,
      ledger: new MemoryUpdateLedger(),
      staleAfterMs: 15 * 60_000,
      now: () => Date.now() + 3600_000,
    });
    h.fake.reset();
    const res = await webhook({
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': 'later_secret' },
      body: JSON.stringify(privateMessage('/era')),
    });
    expect(res.status).toBe(200);
    const stale = String(h.fake.callsOf('sendMessage')[0]!.params.text);
    expect(stale.startsWith('⚠️ <b>WARNING: stale data.')).toBe(true);
  });
});
