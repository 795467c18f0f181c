import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Telegram } from 'telegraf';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../bots/commands/registry.js';
import { commandMenu, registerCommands, registerWebhook } from '../../../bots/telegram/registration.js';
import { type FakeTelegram, startFakeTelegram } from '../../helpers/fake-telegram.js';

const run = promisify(execFile);
let fake: FakeTelegram;
beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('webhook and command registration', () => {
  it('sets the webhook with the secret token and exactly the update types the bot handles', async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    const info = await registerWebhook(telegram, {
      url: 'https://herald.example/telegram',
      secret: 'S3cret_x',
    });
    expect(info.url).toBe('https://herald.example/telegram');
    expect(fake.callsOf('setWebhook')[0]!.params).toMatchObject({
      url: 'https://herald.example/telegram',
      secret_token: 'S3cret_x',
      allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
      drop_pending_updates: false,
    });
  });

  it('refuses what Telegram would refuse before calling it', async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    await expect(registerWebhook(telegram, { url: 'http://herald.example', secret: 'ok' })).rejects.toThrow(
      /https/,
    );
    await expect(registerWebhook(telegram, { url: 'not a url', secret: 'ok' })).rejects.toThrow(/not a URL/);
    await expect(
      registerWebhook(telegram, { url: 'https://h.example', secret: 'no spaces' }),
    ).rejects.toThrow(/A-Z/);
    await expect(
      registerWebhook(telegram, { url: 'https://h.example', secret: 'ok', maxConnections: 0 }),
    ).rejects.toThrow(/1-100/);
    expect(fake.calls).toHaveLength(0);
  });

  it('sets the command menu from the shared grammar', async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    const menu = await registerCommands(telegram);
    expect(menu.map((c) => c.command)).toEqual(COMMANDS.map((c) => c.help.name));
    expect(fake.callsOf('setMyCommands')[0]!.params.commands).toEqual(commandMenu());
    for (const c of menu) expect(c.description.length).toBeLessThanOrEqual(256);
  });

  it('the npm scripts do the same against the API root they are given', async () => {
    const env = {
      ...process.env,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: 'script_secret',
      TELEGRAM_WEBHOOK_URL: 'http://127.0.0.1:3000/telegram/webhook',
    };
    const hook = await run('npx', ['tsx', 'dev/telegram-webhook.ts', '--drop-pending'], { env });
    expect(hook.stdout).toContain('Webhook set to http://127.0.0.1:3000/telegram/webhook');
    expect(fake.callsOf('setWebhook')[0]!.params).toMatchObject({
      secret_token: 'script_secret',
      drop_pending_updates: true,
    });
    const commands = await run('npx', ['tsx', 'dev/telegram-commands.ts'], { env });
    expect(commands.stdout).toContain(`Command menu set (${COMMANDS.length} commands)`);
    const failing = run('npx', ['tsx', 'dev/telegram-commands.ts'], {
      env: { ...env, TELEGRAM_BOT_TOKEN: '' },
    });
    await expect(failing).rejects.toMatchObject({
      stderr: expect.stringContaining('TELEGRAM_BOT_TOKEN is not set'),
    });
  }, 60_000);
});
