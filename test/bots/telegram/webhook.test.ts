import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlProblem } from '../../helpers/fake-telegram.js';
import { startTelegramHarness, type TelegramHarness } from './harness.js';
import { editedMessage, photoMessage, privateMessage, USER, updateId } from './updates.js';

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.fake.reset());

const sentTexts = () => h.fake.callsOf('sendMessage').map((c) => String(c.params.text));

describe('Telegram webhook over HTTP: status codes', () => {
  it('answers /start with its greeting in HTML, replying to the command, with no getMe call', async () => {
    const update = privateMessage('/start');
    const res = await h.post(update);
    expect(res).toEqual({ status: 200, body: { ok: true, update_id: update.update_id } });
    const [call] = h.fake.callsOf('sendMessage');
    expect(call!.params).toMatchObject({
      chat_id: USER.id,
      parse_mode: 'HTML',
      reply_parameters: { message_id: update.message.message_id, allow_sending_without_reply: true },
    });
    expect(String(call!.params.text)).toMatch(
      /^<b>Welcome to Herald<\/b>\n[\s\S]*\/help &lt;command&gt; explains one/,
    );
    expect(htmlProblem(String(call!.params.text))).toBeNull();
    expect(h.fake.callsOf('getMe')).toHaveLength(0);
  });

  it('refuses a missing or wrong secret with 401 and calls nothing, then handles the next good update', async () => {
    expect((await h.post(privateMessage('/era'), { secret: null })).status).toBe(401);
    expect((await h.post(privateMessage('/era'), { secret: 'wrong' })).status).toBe(401);
    expect((await h.post(privateMessage('/era'), { secret: `${'test-secret_0123456789'}x` })).status).toBe(
      401,
    );
    expect(h.fake.calls).toHaveLength(0);
    const good = privateMessage('/era');
    expect((await h.post(good)).status).toBe(200);
    expect(h.fake.callsOf('sendMessage')).toHaveLength(1);
  });

  it('refuses bodies that are not updates with 400, calling nothing', async () => {
    for (const body of [
      '{"update_id": 1, "message": ',
      '[1,2]',
      '"text"',
      '{"message": {"text": "/era"}}',
      '{"update_id": -4, "message": {}}',
      '{"update_id": 1.5, "message": {}}',
      '{"update_id": 7}',
    ]) {
      const res = await h.post(body, { raw: true });
      expect(res.status, body).toBe(400);
      expect(res.body.ok).toBe(false);
    }
    expect(h.fake.calls).toHaveLength(0);
  });

  it('acknowledges update types it does not handle with 200 and sends nothing', async () => {
    const unknown = [
      { update_id: updateId(), poll: { id: '1', question: 'Aye?', options: [], total_voter_count: 0 } },
      { update_id: updateId(), message_reaction: { chat: { id: USER.id, type: 'private' }, message_id: 3 } },
      { update_id: updateId(), some_future_update: { field: true } },
    ];
    for (const update of unknown) expect((await h.post(update)).status).toBe(200);
    expect(h.fake.calls).toHaveLength(0);
  });

  it('handles a redelivered update_id once', async () => {
    const update = privateMessage('/tracks');
    expect((await h.post(update)).body).toEqual({ ok: true, update_id: update.update_id });
    expect((await h.post(update)).body).toEqual({ ok: true, update_id: update.update_id, duplicate: true });
    expect(h.fake.callsOf('sendMessage')).toHaveLength(1);
  });

  it('answers an edited command again, replying to the edited message', async () => {
    const update = editedMessage('/status');
    expect((await h.post(update)).status).toBe(200);
    const [call] = h.fake.callsOf('sendMessage');
    expect(call!.params.reply_parameters).toMatchObject({ message_id: update.edited_message.message_id });
    expect(String(call!.params.text)).toContain('Relay block');
  });

  it('tells a private chat that sent a photo what to type', async () => {
    expect((await h.post(photoMessage())).status).toBe(200);
    expect(sentTexts()[0]).toContain('/help');
  });

  it('answers with an apology and 200 when the answer itself is refused, so Telegram does not retry', async () => {
    h.fake.fail({
      method: 'sendMessage',
      failure: { code: 400, description: 'Bad Request: replied message not found' },
    });
    const update = privateMessage('/era');
    expect((await h.post(update)).status).toBe(200);
    expect(h.fake.callsOf('sendMessage').map((c) => c.status)).toEqual([400, 200]);
    expect(sentTexts()[1]).toContain('Something went wrong');
    expect(h.logs.some((l) => l.includes(`update ${update.update_id} failed`))).toBe(true);
    // Acknowledged, so a redelivery is not handled again.
    expect((await h.post(update)).body.duplicate).toBe(true);
  });

  it('sits out a short 429 and a 500 on the answer and still delivers it', async () => {
    h.fake.fail({ method: 'sendMessage', failure: { code: 429, retryAfter: 1 } });
    expect((await h.post(privateMessage('/tracks'))).status).toBe(200);
    h.fake.fail({ method: 'sendMessage', failure: { code: 500 } });
    expect((await h.post(privateMessage('/tracks'))).status).toBe(200);
    expect(h.fake.callsOf('sendMessage').map((c) => c.status)).toEqual([429, 200, 500, 200]);
  });
});
