/**
 * Reading one setting from CDK context (`cdk.json` or `-c herald:<key>=<value>`): text, a whole
 * number in a range, an endpoint list, or a setting the deployment must give, whose absence fails
 * the synth with what it is and how to set it.
 */
import { parseEndpointList } from '../lambdas/config/endpoints.js';
import { InfraConfigError } from './errors.js';

export const CONTEXT_PREFIX = 'herald:';

export type Lookup = (key: string) => unknown;

export function text(get: Lookup, key: string): string | undefined {
  const value = get(CONTEXT_PREFIX + key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new InfraConfigError(`${CONTEXT_PREFIX}${key} must be a string, got ${JSON.stringify(value)}`);
  return String(value).trim();
}

export function integer(get: Lookup, key: string, min: number, max: number): number | undefined {
  const raw = text(get, key);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InfraConfigError(
      `${CONTEXT_PREFIX}${key} must be a whole number from ${min} to ${max}, got "${raw}"`,
    );
  return n;
}

export function endpoints(get: Lookup, key: string, fallback: string[]): string[] {
  const raw = text(get, key);
  if (raw === undefined) return fallback;
  try {
    return parseEndpointList(raw, CONTEXT_PREFIX + key);
  } catch (error) {
    throw new InfraConfigError((error as Error).message);
  }
}

/** What to tell an operator who left out a setting the deployment cannot do without. */
export function notSetMessage(key: string, what: string): string {
  const name = CONTEXT_PREFIX + key;
  return (
    `${name} is not set: ${what}. Add "${name}": "…" to the "context" of cdk.json, ` +
    `or pass -c ${name}=<value> to npm run synth and npm run deploy.`
  );
}

/**
 * The settings a deployment must give, read together: every one missing is named in one error, so
 * a single synth says all there is to set. `what` says what each is and where to find it.
 */
export function requiredTexts<K extends string>(get: Lookup, what: Record<K, string>): Record<K, string> {
  const found = {} as Record<K, string>;
  const missing: string[] = [];
  for (const key of Object.keys(what) as K[]) {
    const value = text(get, key);
    if (value === undefined) missing.push(notSetMessage(key, what[key]));
    else found[key] = value;
  }
  if (missing.length > 0) throw new InfraConfigError(missing.join('\n'));
  return found;
}
