/** How many alert dispatchers the dispatch queue runs at once, from the environment (default 1). */
import { ENV } from '../../core/config/env-names.js';
import { HandlerConfigError } from './errors.js';

export function dispatcherShareFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env[ENV.alertDispatchConcurrency]?.trim();
  if (!raw) return 1;
  const share = Number(raw);
  if (!Number.isSafeInteger(share) || share < 1 || share > 100)
    throw new HandlerConfigError(
      `${ENV.alertDispatchConcurrency} must be a whole number from 1 to 100, not "${raw}"`,
    );
  return share;
}
