import { ParameterNotFound } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../../core/config/env-names.js';
import { HandlerConfigError, SecretError } from '../../../lambdas/config/errors.js';
import {
  botAccessFromEnv,
  parseSecretRef,
  putParameterCommand,
  SecretReader,
  secretOrEnv,
} from '../../../lambdas/config/secrets.js';

const NAME = '/herald/Herald/telegram';

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

/** What the SDK throws for GetParameter on a name that does not exist. */
function notFound(): ParameterNotFound {
  return new ParameterNotFound({ message: '', $metadata: { httpStatusCode: 400 } });
}

describe('parseSecretRef', () => {
  it('splits a parameter name from its JSON field', () => {
    expect(parseSecretRef(`${NAME}#botToken`)).toEqual({ secretId: NAME, field: 'botToken' });
    expect(parseSecretRef('/herald/Herald/discord')).toEqual({ secretId: '/herald/Herald/discord' });
  });

  it('rejects empty references and odd fields', () => {
    expect(() => parseSecretRef('')).toThrow(SecretError);
    expect(() => parseSecretRef('#botToken')).toThrow(/is not a secret reference/);
    expect(() => parseSecretRef(`${NAME}#bot token`)).toThrow(
      /the field after # must be letters, digits or _/,
    );
  });
});

describe('SecretReader', () => {
  it('fetches a parameter once per container and reads several fields from it', async () => {
    const { source, calls } = fakeSource({ [NAME]: '{"botToken":"123:abc","webhookSecret":"s3cret"}' });
    const reader = new SecretReader(source);
    const [token, secret] = await Promise.all([
      reader.read(`${NAME}#botToken`),
      reader.read(`${NAME}#webhookSecret`),
    ]);
    expect([token, secret]).toEqual(['123:abc', 's3cret']);
    expect(await reader.read(`${NAME}#botToken`)).toBe('123:abc');
    expect(calls).toEqual([NAME]);
  });

  it('reads a value stored with file:// (trailing newline after the JSON)', async () => {
    const reader = new SecretReader(fakeSource({ [NAME]: '{"botToken":"123:abc"}\n' }).source);
    expect(await reader.read(`${NAME}#botToken`)).toBe('123:abc');
  });

  it('returns a whole plain value when no field is named', async () => {
    const reader = new SecretReader(fakeSource({ '/plain': 'token-value' }).source);
    expect(await reader.read('/plain')).toBe('token-value');
  });

  it('says which parameter and field is empty, missing or not JSON', async () => {
    const reader = new SecretReader(
      fakeSource({ [NAME]: '{"botToken":"","webhookSecret":7}', '/text': 'not json', '/none': undefined })
        .source,
    );
    await expect(reader.read(`${NAME}#botToken`)).rejects.toThrow(
      `parameter ${NAME} field botToken is empty: set it with ${putParameterCommand(NAME)}`,
    );
    await expect(reader.read(`${NAME}#webhookSecret`)).rejects.toThrow(
      `parameter ${NAME} has no string field webhookSecret`,
    );
    await expect(reader.read(`${NAME}#other`)).rejects.toThrow(`has no string field other`);
    await expect(reader.read('/text#botToken')).rejects.toThrow(
      'parameter /text is not JSON, so it has no field botToken',
    );
    await expect(reader.read('/none')).rejects.toThrow('parameter /none has no value');
  });

  it('names the put-parameter command for a parameter that does not exist yet', async () => {
    const reader = new SecretReader(fakeSource({ [NAME]: notFound() }).source);
    const error = await reader.read(`${NAME}#botToken`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretError);
    expect((error as Error).message).toBe(
      `parameter ${NAME} does not exist yet: create it with aws ssm put-parameter --name ${NAME} ` +
        '--type SecureString --overwrite --value file://<JSON file>',
    );
  });

  it('does not cache a failed fetch, so the next invocation tries again', async () => {
    let fail = true;
    let calls = 0;
    const reader = new SecretReader(async () => {
      calls++;
      if (fail) throw Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' });
      return '{"botToken":"ok"}';
    });
    await expect(reader.read(`${NAME}#botToken`)).rejects.toThrow(
      `parameter ${NAME} could not be read: User is not authorized`,
    );
    fail = false;
    expect(await reader.read(`${NAME}#botToken`)).toBe('ok');
    expect(await reader.read(`${NAME}#botToken`)).toBe('ok');
    expect(calls).toBe(2);
  });
});

describe('SecretReader after the parameter is created or fixed', () => {
  it('fetches again while the parameter is missing, then caches it once it is there', async () => {
    const values: Record<string, string | Error> = { [NAME]: notFound() };
    const { source, calls } = fakeSource(values);
    const reader = new SecretReader(source);
    await expect(reader.read(`${NAME}#botToken`)).rejects.toThrow('does not exist yet');
    await expect(reader.read(`${NAME}#webhookSecret`)).rejects.toThrow('does not exist yet');
    values[NAME] = '{"botToken":"123:abc","webhookSecret":"s"}';
    expect(await reader.read(`${NAME}#botToken`)).toBe('123:abc');
    expect(await reader.read(`${NAME}#webhookSecret`)).toBe('s');
    expect(calls).toEqual([NAME, NAME, NAME]);
  });

  it('fetches again while a field is still empty', async () => {
    const values: Record<string, string> = { [NAME]: '{"botToken":"","webhookSecret":""}' };
    const { source, calls } = fakeSource(values);
    const reader = new SecretReader(source);
    await expect(reader.read(`${NAME}#botToken`)).rejects.toThrow('is empty');
    values[NAME] = '{"botToken":"123:abc","webhookSecret":"s"}';
    expect(await reader.read(`${NAME}#botToken`)).toBe('123:abc');
    expect(await reader.read(`${NAME}#webhookSecret`)).toBe('s');
    expect(calls).toHaveLength(2);
  });
});

describe('secretOrEnv', () => {
  const reader = new SecretReader(fakeSource({ [NAME]: '{"botToken":"from-parameter"}' }).source);

  it('prefers a plain variable (local development)', async () => {
    const env = { [ENV.telegramBotToken]: 'plain', [ENV.telegramBotTokenSecret]: `${NAME}#botToken` };
    expect(await secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret, env, () => reader)).toBe(
      'plain',
    );
  });

  it('reads the referenced parameter in AWS', async () => {
    const env = { [ENV.telegramBotTokenSecret]: `${NAME}#botToken` };
    expect(await secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret, env, () => reader)).toBe(
      'from-parameter',
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
    ).rejects.toThrow('neither TELEGRAM_BOT_TOKEN nor TELEGRAM_BOT_TOKEN_PARAMETER is set');
  });
});

describe('botAccessFromEnv', () => {
  it('gives each bot its token and API root, and leaves out one without a token, saying why', async () => {
    const warnings: string[] = [];
    const env = { [ENV.telegramBotToken]: ' 123:abc ', [ENV.telegramApiRoot]: 'http://127.0.0.1:8081' };
    expect(await botAccessFromEnv(env, (line) => warnings.push(line))).toEqual({
      telegram: { token: '123:abc', apiRoot: 'http://127.0.0.1:8081' },
      discord: null,
    });
    expect(warnings).toEqual([
      `no discord bot token: neither ${ENV.discordBotToken} nor ${ENV.discordBotTokenSecret} is set`,
    ]);
  });
});
