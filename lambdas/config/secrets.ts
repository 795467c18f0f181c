/**
 * Bot secrets from SSM Parameter Store (SecureString, decrypted by SSM), fetched once per Lambda
 * container and cached. A reference is `<parameter name>#<JSON field>` (one parameter per platform
 * holds several values), or the bare name when the whole value is the secret. Failed fetches and
 * unusable values (missing parameter, empty or missing field) are not cached, so a parameter created
 * or fixed after the deploy is picked up by warm containers.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ENV, type EnvName } from '../../core/config/env-names.js';
import { HandlerConfigError, SecretError } from './errors.js';

export interface SecretRef {
  secretId: string;
  field?: string;
}

/** Where secret strings come from: Parameter Store in AWS, a map in tests. */
export type SecretSource = (secretId: string) => Promise<string | undefined>;

/** The CLI command that creates or replaces a parameter, as the README's deploy steps give it. */
export function putParameterCommand(name: string): string {
  return `aws ssm put-parameter --name ${name} --type SecureString --overwrite --value file://<JSON file>`;
}

export function parseSecretRef(ref: string): SecretRef {
  const trimmed = typeof ref === 'string' ? ref.trim() : '';
  const hash = trimmed.indexOf('#');
  const secretId = hash < 0 ? trimmed : trimmed.slice(0, hash);
  const field = hash < 0 ? undefined : trimmed.slice(hash + 1);
  if (!secretId)
    throw new SecretError(`"${String(ref)}" is not a secret reference (<parameter name>[#field])`);
  if (field !== undefined && !/^[A-Za-z0-9_]+$/.test(field))
    throw new SecretError(`secret reference "${ref}": the field after # must be letters, digits or _`);
  return field === undefined ? { secretId } : { secretId, field };
}

export class SecretReader {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly source: SecretSource) {}

  /** The parameter's value, or one field of its JSON. Rejects with a SecretError saying what is wrong. */
  async read(ref: string): Promise<string> {
    const { secretId, field } = parseSecretRef(ref);
    const text = await this.secretString(secretId);
    try {
      const value = field === undefined ? text : jsonField(text, secretId, field);
      if (value.trim() === '')
        throw new SecretError(
          `parameter ${secretId}${field ? ` field ${field}` : ''} is empty: set it with ${putParameterCommand(secretId)}`,
        );
      return value;
    } catch (error) {
      // Set wrongly: fetch again next time, so a fix applies without a cold start.
      this.cache.delete(secretId);
      throw error;
    }
  }

  private secretString(secretId: string): Promise<string> {
    const cached = this.cache.get(secretId);
    if (cached) return cached;
    const pending = this.source(secretId).then(
      (text) => {
        if (text === undefined) throw new SecretError(`parameter ${secretId} has no value`);
        return text;
      },
      (error: Error) => {
        // Not created yet: say how to create it. Either way the next read fetches again.
        if (error?.name === 'ParameterNotFound')
          throw new SecretError(
            `parameter ${secretId} does not exist yet: create it with ${putParameterCommand(secretId)}`,
          );
        throw new SecretError(`parameter ${secretId} could not be read: ${error?.message ?? String(error)}`);
      },
    );
    this.cache.set(secretId, pending);
    pending.catch(() => this.cache.delete(secretId));
    return pending;
  }
}

function jsonField(text: string, secretId: string, field: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SecretError(`parameter ${secretId} is not JSON, so it has no field ${field}`);
  }
  const value = (parsed as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'string') throw new SecretError(`parameter ${secretId} has no string field ${field}`);
  return value;
}

/** Parameter Store as a SecretSource: GetParameter, decrypted (SecureString with the aws/ssm key). */
export function ssmSource(client: SSMClient): SecretSource {
  return async (name) =>
    (await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }))).Parameter?.Value;
}

let defaultReader: SecretReader | undefined;

/** The container-wide reader over Parameter Store (created on first use). */
export function secretReader(): SecretReader {
  defaultReader ??= new SecretReader(ssmSource(new SSMClient({})));
  return defaultReader;
}

/**
 * A secret configured either as a plain variable (local development) or as a parameter reference
 * in another variable (AWS): `secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret)`.
 */
export async function secretOrEnv(
  plain: EnvName,
  secretRef: EnvName,
  env: NodeJS.ProcessEnv = process.env,
  reader: () => SecretReader = secretReader,
): Promise<string> {
  const direct = env[plain]?.trim();
  if (direct) return direct;
  const ref = env[secretRef]?.trim();
  if (!ref) throw new HandlerConfigError(`neither ${plain} nor ${secretRef} is set`);
  return reader().read(ref);
}

/** A bot's token, and its API root when the environment names one (a local fake). */
export interface BotAccess {
  token: string;
  apiRoot?: string;
}

/**
 * The bots' tokens for sending alerts: each from its environment value or its parameter. A
 * platform whose token cannot be had is left out, and the log says why (e.g. the put-parameter to
 * run); the caller decides whether one platform is enough.
 */
export async function botAccessFromEnv(
  env: NodeJS.ProcessEnv,
  warn: (line: string) => void,
  reader: () => SecretReader = secretReader,
): Promise<{ telegram: BotAccess | null; discord: BotAccess | null }> {
  const access =
    (apiRoot: EnvName) =>
    (token: string): BotAccess => {
      const root = env[apiRoot]?.trim();
      return root ? { token, apiRoot: root } : { token };
    };
  const missing = (platform: string) => (error: Error) => {
    warn(`no ${platform} bot token: ${error.message}`);
    return null;
  };
  const [telegram, discord] = await Promise.all([
    secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret, env, reader)
      .then(access(ENV.telegramApiRoot))
      .catch(missing('telegram')),
    secretOrEnv(ENV.discordBotToken, ENV.discordBotTokenSecret, env, reader)
      .then(access(ENV.discordApiRoot))
      .catch(missing('discord')),
  ]);
  return { telegram, discord };
}
