/** Alert settings from the environment: operator targets and rule overrides. */
import type { AlertRules } from '../../core/alerts/thresholds.js';
import { ENV } from '../../core/config/env-names.js';
import type { DeliveryTarget } from '../../core/ports/notifier.js';
import { parseTargetKey } from '../../core/subscriptions/subscription-model.js';
import { AlertConfigError } from './errors.js';

export function operatorTargetsFrom(text: string | undefined): DeliveryTarget[] {
  if (!text?.trim()) return [];
  return text.split(',').map((part) => {
    const ref = parseTargetKey(part.trim());
    if (!ref)
      throw new AlertConfigError(`${ENV.alertOperatorTargets}: "${part.trim()}" is not platform:kind:id`);
    return ref;
  });
}

export function alertRulesFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<AlertRules> {
  const rules: Partial<AlertRules> = {};
  const eras = env[ENV.alertExpiringEras]?.trim();
  if (eras) {
    const n = Number(eras);
    if (!Number.isInteger(n) || n < 0 || n > 84)
      throw new AlertConfigError(
        `${ENV.alertExpiringEras} must be a whole number of eras 0..84, not "${eras}"`,
      );
    rules.expiringErasLeft = n;
  }
  const stale = env[ENV.staleAfterSeconds]?.trim();
  if (stale) {
    const s = Number(stale);
    if (!Number.isFinite(s) || s <= 0)
      throw new AlertConfigError(`${ENV.staleAfterSeconds} must be a positive number`);
    rules.staleAfterMs = s * 1000;
    rules.maxDataAgeForDeadlinesMs = s * 1000;
  }
  return rules;
}
