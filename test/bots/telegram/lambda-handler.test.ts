import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleTelegramWebhook } from '../../../dev/telegram-bundle.js';
import { scanTable, startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type FakeTelegram, startFakeTelegram } from '../../helpers/fake-telegram.js';
import { privateMessage } from './updates.js';

type Handler = typeof import('../../../lambdas/handlers/telegram-webhook.js').handler;

let dynamo: TestDynamo;
let fake: FakeTelegram;
let tableName: string;
const saved = { ...process.env };

async function freshContainer(): Promise<Handler> {
  vi.resetModules();
  return (await import('../../../lambdas/handlers/telegram-webhook.js')).handler;
}

const event = (body: unknown, secret = 'lambda_secret') => ({
  headers: { 'x-telegram-bot-api-secret-token': secret, 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify(body)).toString('base64'),
  isBase64Encoded: true,
  requestContext: { http: { method: 'POST' } },
});

beforeAll(async () => {
  [dynamo, fake] = await Promise.all([startTestDynamo(), startFakeTelegram()]);
  tableName = await dynamo.newTable('tg-lambda');
  Object.assign(process.env, {
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_BOT_USERNAME: fake.bot.username,
    TELEGRAM_WEBHOOK_SECRET: 'lambda_secret',
    TELEGRAM_API_ROOT: fake.apiRoot,
    HERALD_TABLE_NAME: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
});
afterAll(async () => {
  process.env = saved;
  await fake?.close();
  await dynamo?.close();
});

describe('the Telegram webhook Lambda handler', () => {
  it('answers a base64 function-URL event and records the update in DynamoDB', async () => {
    const handler = await freshContainer();
    const update = privateMessage('/help');
    const result = await handler(event(update));
    expect(result).toMatchObject({
      statusCode: 200,
      body: JSON.stringify({ ok: true, update_id: update.update_id }),
    });
    expect(String(fake.callsOf('sendMessage')[0]!.params.text)).toContain(
      '<code>/stake</code>: Bond, nominations',
    );
    expect(fake.callsOf('getMe')).toHaveLength(0);
    const rows = await scanTable(dynamo.client, tableName);
    expect(rows.map((r) => r.pk)).toContain(`TGUPD#${fake.bot.id}#${update.update_id}`);

    // Another container sees the same update as handled.
    const other = await freshContainer();
    expect((await other(event(update))).body).toContain('"duplicate":true');
    expect(fake.callsOf('sendMessage')).toHaveLength(1);
  });

  it('says there is no data yet, rather than failing, before the first snapshot', async () => {
    const handler = await freshContainer();
    fake.reset();
    expect((await handler(event(privateMessage('/era')))).statusCode).toBe(200);
    expect(String(fake.callsOf('sendMessage')[0]!.params.text)).toContain('No snapshot has been taken yet');
  });

  it('refuses a wrong secret with 401 and answers 503 while the configuration is incomplete', async () => {
    const handler = await freshContainer();
    expect((await handler(event(privateMessage('/era'), 'nope'))).statusCode).toBe(401);
    const token = process.env.TELEGRAM_BOT_TOKEN;
    delete process.env.TELEGRAM_BOT_TOKEN;
    try {
      const broken = await freshContainer();
      expect(await broken(event(privateMessage('/era')))).toMatchObject({
        statusCode: 503,
        headers: { 'retry-after': '30' },
      });
    } finally {
      process.env.TELEGRAM_BOT_TOKEN = token;
    }
  });
});

describe('the bundled handler', () => {
  it('is under 1 MB minified and answers an update from the bundle alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-tg-bundle-'));
    try {
      const file = join(dir, 'index.mjs');
      const { bytes } = await bundleTelegramWebhook(file, { shim: true });
      expect(bytes).toBeLessThanOrEqual(1024 * 1024);
      const bundled = (await import(pathToFileURL(file).href)) as { handler: Handler };
      fake.reset();
      const update = privateMessage('/help referenda');
      expect((await bundled.handler(event(update))).statusCode).toBe(200);
      expect(String(fake.callsOf('sendMessage')[0]!.params.text)).toContain('/referenda [track]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
