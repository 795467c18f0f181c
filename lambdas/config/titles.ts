/** Where the snapshot job looks referendum titles up, from the environment; null when it does not. */
import { ENV } from '../../core/config/env-names.js';
import type { TitleSourceOptions } from '../titles/refresh.js';
import { optionalPositiveInt } from './env-values.js';
import { HandlerConfigError } from './errors.js';

export function titleSourceFromEnv(env: NodeJS.ProcessEnv = process.env): TitleSourceOptions | undefined {
  const raw = env[ENV.titlesUrl]?.trim();
  if (!raw || raw.toLowerCase() === 'off') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HandlerConfigError(
      `${ENV.titlesUrl} must be an http(s) URL such as https://kusama-api.subsquare.io, or off`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HandlerConfigError(`${ENV.titlesUrl} must be an http(s) URL, not ${url.protocol}`);
  return { baseUrl: raw.replace(/\/+$/, ''), timeoutMs: optionalPositiveInt(env, ENV.titlesTimeoutMs) };
}
