/** Reading one setting from the environment: required, or an optional positive whole number. */
import type { EnvName } from '../../core/config/env-names.js';
import { HandlerConfigError } from './errors.js';

export function requiredEnv(env: NodeJS.ProcessEnv, name: EnvName): string {
  const value = env[name]?.trim();
  if (!value) throw new HandlerConfigError(`${name} is not set`);
  return value;
}

export function optionalPositiveInt(env: NodeJS.ProcessEnv, name: EnvName): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new HandlerConfigError(`${name} must be a positive integer`);
  return value;
}
