import { App, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../core/config/env-names.js';
import { BotSecrets, SECRET_FIELDS, secretParameterPrefix } from '../../infra/constructs/bot-secrets.js';
import { InfraConfigError } from '../../infra/errors.js';
import { synthHerald, type TestApp } from './synth.js';
import { env, resources, SERVICES } from './template-queries.js';

let herald: TestApp;

beforeAll(() => {
  herald = synthHerald();
});

function outputs(app: TestApp): Record<string, { Value: unknown; Description?: string }> {
  return app.template.toJSON().Outputs;
}

describe('the bot secrets', () => {
  it('are SecureString parameters the operator creates: the stack makes no secret or parameter', () => {
    expect(resources(herald.template, 'AWS::SecretsManager::Secret')).toEqual({});
    expect(resources(herald.template, 'AWS::SSM::Parameter')).toEqual({});
    expect(resources(herald.template, 'AWS::KMS::Key')).toEqual({});
  });

  it('are named under /herald/<stack name>, given as outputs with the fields to put', () => {
    expect(secretParameterPrefix('Herald')).toBe('/herald/Herald');
    const out = outputs(herald);
    expect(out.DiscordSecretParameter?.Value).toBe('/herald/Herald/discord');
    expect(out.TelegramSecretParameter?.Value).toBe('/herald/Herald/telegram');
    for (const field of SECRET_FIELDS.discord)
      expect(out.DiscordSecretParameter?.Description).toContain(field);
    for (const field of SECRET_FIELDS.telegram)
      expect(out.TelegramSecretParameter?.Description).toContain(field);
  });

  it('hold only secrets: the Discord parameter has the bot token alone, the public key is a setting', () => {
    expect(SECRET_FIELDS).toEqual({ discord: ['botToken'], telegram: ['botToken', 'webhookSecret'] });
    expect(outputs(herald).DiscordSecretParameter?.Description).not.toContain('publicKey');
  });

  it('reach the handlers as <parameter name>#<field> references', () => {
    expect(env(herald.template, SERVICES.telegram)).toMatchObject({
      [ENV.telegramBotTokenSecret]: '/herald/Herald/telegram#botToken',
      [ENV.telegramWebhookSecretSecret]: '/herald/Herald/telegram#webhookSecret',
    });
    expect(env(herald.template, SERVICES.dispatcher)).toMatchObject({
      [ENV.discordBotTokenSecret]: '/herald/Herald/discord#botToken',
      [ENV.telegramBotTokenSecret]: '/herald/Herald/telegram#botToken',
    });
  });

  it('follow herald:stackName, so two stacks in one account keep their own', () => {
    const staging = synthHerald({ 'herald:stackName': 'HeraldStaging' });
    expect(outputs(staging).TelegramSecretParameter?.Value).toBe('/herald/HeraldStaging/telegram');
    expect(env(staging.template, SERVICES.dispatcher)[ENV.discordBotTokenSecret]).toBe(
      '/herald/HeraldStaging/discord#botToken',
    );
  });

  it('refuse a prefix Parameter Store would not take', () => {
    const stack = new Stack(new App(), 'S');
    const bad = ['herald/x', '/herald/', '/herald//x', '/aws/herald', '/SSM/x', '/herald/a b'];
    bad.forEach((namePrefix, i) => {
      expect(() => new BotSecrets(stack, `Bad${i}`, { namePrefix }), namePrefix).toThrow(InfraConfigError);
    });
    expect(new BotSecrets(stack, 'Good', { namePrefix: '/herald/My-Stack_2.x' }).names).toEqual({
      discord: '/herald/My-Stack_2.x/discord',
      telegram: '/herald/My-Stack_2.x/telegram',
    });
  });
});
