import { describe, expect, it } from 'vitest';
import { ENV } from '../../../lambdas/config/env-names.js';
import { HandlerConfigError, SecretError } from '../../../lambdas/handlers/errors.js';
import { parseSecretRef, SecretReader, secretOrEnv } from '../../../lambdas/handlers/secrets.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:Herald/telegram-AbCdEf';

function fakeSource(values: Record<string, string | undefined | Error>) {
  const calls: string[] = [];
  const source = async (id: string) => {
    calls.push(id);
    const value = values[id];
    if (value instanceof Error) throw value;
    return value;
  };
  return { source, calls };
}

describe('parseSecretRef', () => {
  it('splits an ARN or name from its JSON field', () => {
    expect(parseSecretRef(`${ARN}#botToken`)).toEqual({ secretId: ARN, field: 'botToken' });
    expect(parseSecretRef('Herald/discord')).toEqual({ secretId: 'Herald/discord' });
  });

  it('rejects empty references and odd fields', () => {
    expect(() => parseSecretRef('')).toThrow(SecretError);
    expect(() => parseSecretRef('#botToken')).toThrow(/is not a secret reference/);
    expect(() => parseSecretRef(`${ARN}#bot token`)).toThrow(
      /the field after # must be letters, digits or _/,
    );
  });
});

describe('SecretReader', () => {
  it('fetches a secret once per container and reads several fields from it', async () => {
    const { source, calls } = fakeSource({ [ARN]: '{"botToken":"123:abc","webhookSecret":"s3cret"}' });
    const reader = new SecretReader(source);
    const [token, secret] = await Promise.all([
      reader.read(`${ARN}#botToken`),
      reader.read(`${ARN}#webhookSecret`),
    ]);
    expect([token, secret]).toEqual(['123:abc', 's3cret']);
    expect(await reader.read(`${ARN}#botToken`)).toBe('123:abc');
    expect(calls).toEqual([ARN]);
  });

  it('returns a whole plain secret when no field is named', async () => {
    const reader = new SecretReader(fakeSource({ plain: 'token-value' }).source);
    expect(await reader.read('plain')).toBe('token-value');
  });

  it('says which secret and field is empty, missing or not JSON', async () => {
    const reader = new SecretReader(
      fakeSource({ [ARN]: '{"botToken":"","webhookSecret":7}', text: 'not json', none: undefined }).source,
    );
    await expect(reader.read(`${ARN}#botToken`)).rejects.toThrow(
      `secret ${ARN} field botToken is empty: set it first`,
    );
    await expect(reader.read(`${ARN}#webhookSecret`)).rejects.toThrow(
      `secret ${ARN} has no string field webhookSecret`,
    );
    await expect(reader.read(`${ARN}#other`)).rejects.toThrow(`has no string field other`);
    await expect(reader.read('text#botToken')).rejects.toThrow(
      'secret text is not JSON, so it has no field botToken',
    );
    await expect(reader.read('none')).rejects.toThrow('secret none has no string value');
  });

  it('does not cache a failed fetch, so the next invocation tries again', async () => {
    let fail = true;
    let calls = 0;
    const reader = new SecretReader(async () => {
      calls++;
      if (fail) throw new Error('AccessDeniedException');
      return '{"botToken":"ok"}';
    });
    await expect(reader.read(`${ARN}#botToken`)).rejects.toThrow(
      `secret ${ARN} could not be read: AccessDeniedException`,
    );
    fail = false;
    expect(await reader.read(`${ARN}#botToken`)).toBe('ok');
    expect(calls).toBe(2);
  });
});

describe('SecretReader after the secret is set', () => {
  it('fetches again while the value is still the empty placeholder', async () => {
    const values: Record<string, string> = { [ARN]: '{"botToken":"","webhookSecret":""}' };
    let calls = 0;
    const reader = new SecretReader(async (id) => {
      calls++;
      return values[id];
    });
    await expect(reader.read(`${ARN}#botToken`)).rejects.toThrow('is empty');
    values[ARN] = '{"botToken":"123:abc","webhookSecret":"s"}';
    expect(await reader.read(`${ARN}#botToken`)).toBe('123:abc');
    expect(await reader.read(`${ARN}#webhookSecret`)).toBe('s');
    expect(calls).toBe(2);
  });
});

describe('secretOrEnv', () => {
  const reader = new SecretReader(fakeSource({ [ARN]: '{"botToken":"from-secret"}' }).source);

  it('prefers a plain variable (local development)', async () => {
    const env = { [ENV.telegramBotToken]: 'plain', [ENV.telegramBotTokenSecret]: `${ARN}#botToken` };
    expect(await secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret, env, () => reader)).toBe(
      'plain',
    );
  });

  it('reads the referenced secret in AWS', async () => {
    const env = { [ENV.telegramBotTokenSecret]: `${ARN}#botToken` };
    expect(await secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret, env, () => reader)).toBe(
      'from-secret',
    );
  });

  it('names both variables when neither is set', async () => {
    await expect(
      secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret, {}, () => reader),
    ).rejects.toThrow(HandlerConfigError);
    await expect(
      secretOrEnv(
        ENV.telegramBotToken,
        ENV.telegramBotTokenSecret,
        { [ENV.telegramBotToken]: '  ' },
        () => reader,
      ),
    ).rejects.toThrow('neither TELEGRAM_BOT_TOKEN nor TELEGRAM_BOT_TOKEN_SECRET_ID is set');
  });
});
