/** Command settings from the environment: the stale threshold (HERALD_STALE_AFTER_SECONDS, default 15 min). */

import { ENV } from '../../core/config/env-names.js';
import { staleAfterMsFrom } from '../../core/reply/freshness.js';

export interface CommandConfig {
  staleAfterMs: number;
}

export function commandConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CommandConfig {
  return { staleAfterMs: staleAfterMsFrom(env[ENV.staleAfterSeconds]) };
}
