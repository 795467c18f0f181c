/**
 * Bot secrets from Secrets Manager, fetched once per Lambda container and cached. A reference is
 * `<secret name or ARN>#<JSON field>` (one secret per platform holds several values), or the bare
 * name or ARN when the whole secret string is the value. Failed fetches and unusable values (empty,
 * missing field) are not cached, so a secret set after the deploy is picked up by warm containers.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { EnvName } from '../config/env-names.js';
import { HandlerConfigError, SecretError } from './errors.js';

export interface SecretRef {
  secretId: string;
  field?: string;
}

/** Where secret strings come from: Secrets Manager in AWS, a map in tests. */
export type SecretSource = (secretId: string) => Promise<string | undefined>;

export function parseSecretRef(ref: string): SecretRef {
  const trimmed = typeof ref === 'string' ? ref.trim() : '';
  const hash = trimmed.indexOf('#');
  const secretId = hash < 0 ? trimmed : trimmed.slice(0, hash);
  const field = hash < 0 ? undefined : trimmed.slice(hash + 1);
  if (!secretId) throw new SecretError(`"${String(ref)}" is not a secret reference (<name or ARN>[#field])`);
  if (field !== undefined && !/^[A-Za-z0-9_]+$/.test(field))
    throw new SecretError(`secret reference "${ref}": the field after # must be letters, digits or _`);
  return field === undefined ? { secretId } : { secretId, field };
}

export class SecretReader {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly source: SecretSource) {}

  /** The secret's value, or one field of its JSON. Rejects with a SecretError saying what is wrong. */
  async read(ref: string): Promise<string> {
    const { secretId, field } = parseSecretRef(ref);
    const text = await this.secretString(secretId);
    try {
      const value = field === undefined ? text : jsonField(text, secretId, field);
      if (value.trim() === '')
        throw new SecretError(`secret ${secretId}${field ? ` field ${field}` : ''} is empty: set it first`);
      return value;
    } catch (error) {
      // Not set yet (or set wrongly): fetch again next time, so a fix applies without a cold start.
      this.cache.delete(secretId);
      throw error;
    }
  }

  private secretString(secretId: string): Promise<string> {
    const cached = this.cache.get(secretId);
    if (cached) return cached;
    const pending = this.source(secretId).then(
      (text) => {
        if (text === undefined) throw new SecretError(`secret ${secretId} has no string value`);
        return text;
      },
      (error: Error) => {
        throw new SecretError(`secret ${secretId} could not be read: ${error.message}`);
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
    throw new SecretError(`secret ${secretId} is not JSON, so it has no field ${field}`);
  }
  const value = (parsed as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'string') throw new SecretError(`secret ${secretId} has no string field ${field}`);
  return value;
}

let defaultReader: SecretReader | undefined;

/** The container-wide reader over Secrets Manager (created on first use). */
export function secretReader(): SecretReader {
  if (!defaultReader) {
    const client = new SecretsManagerClient({});
    defaultReader = new SecretReader(
      async (secretId) => (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString,
    );
  }
  return defaultReader;
}

/**
 * A secret configured either as a plain variable (local development) or as a secret reference in
 * another variable (AWS): `secretOrEnv(ENV.telegramBotToken, ENV.telegramBotTokenSecret)`.
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
