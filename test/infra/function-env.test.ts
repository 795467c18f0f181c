/**
 * What the functions read at run time is what the stack gives them: each handler starts from the
 * environment of its synthesized function (CloudFormation references replaced by stand-ins) and the
 * parameters the operator writes as the README says, with no setting of its own.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { telegramSettings } from '../../bots/telegram/config.js';
import { ENV } from '../../core/config/env-names.js';
import { SECRET_FIELDS, type SecretPlatform } from '../../infra/constructs/bot-secrets.js';
import { botAccessFromEnv, SecretReader, secretOrEnv } from '../../lambdas/config/secrets.js';
import { synthHerald, type TestApp } from './synth.js';
import { env, SERVICES } from './template-queries.js';

let herald: TestApp;

beforeAll(() => {
  herald = synthHerald();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A function's variables: text as synthesized, a reference (table name, queue URL) as a stand-in. */
function runtimeEnv(service: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env(herald.template, service)).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : `stand-in-for-${name}`,
    ]),
  );
}

/** What the operator puts in each field (README, Deploy to AWS §2): made-up values of the right form. */
const PUT: Record<string, string> = {
  'discord.botToken': 'discord-bot-token',
  'telegram.botToken': '123456:telegram-bot-token-0123456789',
  'telegram.webhookSecret': 'telegram-webhook-secret',
};

/** The bot parameters with every field the stack names, as `put-parameter` stores them. */
function operatorParameters(): SecretReader {
  const values = new Map<string, string>();
  for (const platform of Object.keys(SECRET_FIELDS) as SecretPlatform[]) {
    const fields = SECRET_FIELDS[platform].map((field) => [field, PUT[`${platform}.${field}`]]);
    values.set(`/herald/Herald/${platform}`, JSON.stringify(Object.fromEntries(fields)));
  }
  return new SecretReader(async (name) => values.get(name));
}

describe('the functions start from what the stack sets', () => {
  it('the Discord interactions endpoint: its public key from its environment, refusing an unsigned request', async () => {
    for (const [name, value] of Object.entries(runtimeEnv(SERVICES.interactions))) vi.stubEnv(name, value);
    // Nothing here should call AWS; were anything to, it would reach a closed local port, not AWS.
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:9');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
    vi.resetModules();
    const { handler } = await import('../../lambdas/handlers/discord-interactions.js');
    const result = await handler({ headers: { 'content-type': 'application/json' }, body: '{"type":1}' });
    expect(result.statusCode).toBe(401);
  });

  it('the alert dispatcher: both bot tokens through the parameter references it is given', async () => {
    const warnings: string[] = [];
    const access = await botAccessFromEnv(
      runtimeEnv(SERVICES.dispatcher),
      (line) => warnings.push(line),
      () => operatorParameters(),
    );
    expect(access).toEqual({
      telegram: { token: PUT['telegram.botToken'] },
      discord: { token: PUT['discord.botToken'] },
    });
    expect(warnings).toEqual([]);
  });

  it('the Telegram webhook: its token and webhook secret through its references, its username as set', async () => {
    const vars = runtimeEnv(SERVICES.telegram);
    const reader = () => operatorParameters();
    const settings = telegramSettings({
      token: await secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret, vars, reader),
      secret: await secretOrEnv(ENV.telegramWebhookSecret, ENV.telegramWebhookSecretSecret, vars, reader),
      username: vars[ENV.telegramBotUsername],
    });
    expect(settings.username).toBe('herald_test_bot');
    expect(settings.secret).toBe(PUT['telegram.webhookSecret']);
  });
});
