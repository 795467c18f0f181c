import { describe, expect, it } from 'vitest';
import { httpEventHandler } from '../../../bots/telegram/http-event.js';
import { secretMatches, secretTokenProblem } from '../../../bots/telegram/secret.js';
import { MAX_UPDATE_BYTES, parseUpdateBody } from '../../../bots/telegram/update-body.js';
import { MemoryUpdateLedger, type UpdateLedger } from '../../../bots/telegram/update-ledger.js';
import { createWebhookHandler, type UpdateHandler } from '../../../bots/telegram/webhook.js';

const SECRET = 'abc_DEF-123';
const headers = { 'X-Telegram-Bot-Api-Secret-Token': SECRET };
const update = (id: number) => JSON.stringify({ update_id: id, message: { message_id: 1, text: '/era' } });

function recordingBot(fail = false): UpdateHandler & { seen: number[] } {
  const seen: number[] = [];
  return {
    seen,
    handleUpdate: async (u) => {
      seen.push(u.update_id);
      if (fail) throw new Error('boom');
    },
  };
}

describe('webhook handler', () => {
  it('only takes POST', async () => {
    const bot = recordingBot();
    const handle = createWebhookHandler({ bot, secret: SECRET, ledger: new MemoryUpdateLedger() });
    const res = await handle({ method: 'GET', headers, body: update(1) });
    expect(res).toMatchObject({ status: 405, headers: { allow: 'POST' } });
    expect(bot.seen).toEqual([]);
  });

  it('reads the secret header in any case, and refuses a repeated header', async () => {
    const bot = recordingBot();
    const handle = createWebhookHandler({ bot, secret: SECRET, ledger: new MemoryUpdateLedger() });
    expect((await handle({ method: 'post', headers, body: update(2) })).status).toBe(200);
    const twice = { 'x-telegram-bot-api-secret-token': [SECRET, SECRET] };
    expect((await handle({ method: 'POST', headers: twice, body: update(3) })).status).toBe(401);
    expect(bot.seen).toEqual([2]);
  });

  it('decodes base64 bodies as API Gateway and function URLs send them', async () => {
    const bot = recordingBot();
    const handle = createWebhookHandler({ bot, secret: SECRET, ledger: new MemoryUpdateLedger() });
    const body = Buffer.from(update(4)).toString('base64');
    expect((await handle({ method: 'POST', headers, body, isBase64Encoded: true })).status).toBe(200);
    expect((await handle({ method: 'POST', headers, body: '%%%', isBase64Encoded: true })).status).toBe(400);
    expect(bot.seen).toEqual([4]);
  });

  it('refuses an oversized body with 413 and an empty one with 400', () => {
    expect(parseUpdateBody('x'.repeat(MAX_UPDATE_BYTES + 1))).toMatchObject({ ok: false, status: 413 });
    expect(parseUpdateBody('')).toMatchObject({ ok: false, status: 400 });
    expect(parseUpdateBody(undefined)).toMatchObject({ ok: false, status: 400 });
    expect(parseUpdateBody(Buffer.from(update(5)))).toMatchObject({ ok: true, update: { update_id: 5 } });
  });

  it('acknowledges an update whose handling threw, after logging it, and never handles it again', async () => {
    const bot = recordingBot(true);
    const logs: string[] = [];
    const handle = createWebhookHandler({
      bot,
      secret: SECRET,
      ledger: new MemoryUpdateLedger(),
      log: (l) => logs.push(l),
    });
    expect((await handle({ method: 'POST', headers, body: update(6) })).status).toBe(200);
    expect((await handle({ method: 'POST', headers, body: update(6) })).body).toContain('"duplicate":true');
    expect(bot.seen).toEqual([6]);
    expect(logs.join('\n')).toContain('boom');
  });

  it('answers 503 while the same update is being handled elsewhere, and when the ledger is unreachable', async () => {
    const ledger = new MemoryUpdateLedger();
    await ledger.claim(7);
    const bot = recordingBot();
    const handle = createWebhookHandler({ bot, secret: SECRET, ledger });
    expect(await handle({ method: 'POST', headers, body: update(7) })).toMatchObject({
      status: 503,
      headers: { 'retry-after': '10' },
    });
    const down: UpdateLedger = {
      claim: async () => {
        throw new Error('DynamoDB unreachable');
      },
      complete: async () => {},
      release: async () => {},
    };
    const handleDown = createWebhookHandler({ bot, secret: SECRET, ledger: down });
    expect((await handleDown({ method: 'POST', headers, body: update(8) })).status).toBe(503);
    expect(bot.seen).toEqual([]);
  });

  it('a claim whose handler died is handled again once its lease has passed', async () => {
    let now = 0;
    const ledger = new MemoryUpdateLedger(100, 1000, () => now);
    expect(await ledger.claim(9)).toBe('claimed');
    expect(await ledger.claim(9)).toBe('in-progress');
    now = 1001;
    expect(await ledger.claim(9)).toBe('claimed');
    await ledger.complete(9);
    expect(await ledger.claim(9)).toBe('done');
    await ledger.release(9);
    expect(await ledger.claim(9)).toBe('done');
  });

  it('forgets the oldest updates beyond its capacity', async () => {
    const ledger = new MemoryUpdateLedger(3);
    for (const id of [1, 2, 3, 4]) {
      await ledger.claim(id);
      await ledger.complete(id);
    }
    expect(await ledger.claim(4)).toBe('done');
    expect(await ledger.claim(1)).toBe('claimed');
  });
});

describe('Lambda HTTP events', () => {
  it('passes method, headers and the base64 flag through, and maps the answer back', async () => {
    const bot = recordingBot();
    const serve = httpEventHandler(
      async () => createWebhookHandler({ bot, secret: SECRET, ledger: new MemoryUpdateLedger() }),
      () => {},
    );
    const ok = await serve({
      headers: { 'x-telegram-bot-api-secret-token': SECRET, 'content-type': 'application/json' },
      body: Buffer.from(update(10)).toString('base64'),
      isBase64Encoded: true,
      requestContext: { http: { method: 'POST' } },
    });
    expect(ok).toMatchObject({ statusCode: 200, body: '{"ok":true,"update_id":10}' });
    const get = await serve({ headers: {}, requestContext: { http: { method: 'GET' } } });
    expect(get.statusCode).toBe(405);
  });

  it('answers 503 while set-up fails, and tries again on the next event', async () => {
    let attempts = 0;
    const errors: string[] = [];
    const serve = httpEventHandler(
      async () => {
        attempts++;
        if (attempts === 1) throw new Error('secret not readable');
        return createWebhookHandler({
          bot: recordingBot(),
          secret: SECRET,
          ledger: new MemoryUpdateLedger(),
        });
      },
      (e) => errors.push(e.message),
    );
    const event = { headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: update(11) };
    expect((await serve(event)).statusCode).toBe(503);
    expect((await serve(event)).statusCode).toBe(200);
    expect(attempts).toBe(2);
    expect(errors).toEqual(['secret not readable']);
  });
});

describe('secret token', () => {
  it('accepts only what Telegram accepts as a secret', () => {
    expect(secretTokenProblem(SECRET)).toBeNull();
    expect(secretTokenProblem('')).toMatch(/empty/);
    expect(secretTokenProblem('a'.repeat(257))).toMatch(/256/);
    expect(secretTokenProblem('has space')).toMatch(/A-Z/);
    expect(secretTokenProblem(undefined)).toMatch(/empty/);
  });

  it('matches exactly, never an empty expectation', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(SECRET, `${SECRET} `)).toBe(false);
    expect(secretMatches(SECRET, SECRET.slice(0, -1))).toBe(false);
    expect(secretMatches(SECRET, undefined)).toBe(false);
    expect(secretMatches('', '')).toBe(false);
  });
});
