/** The tunable thresholds of detection, with their defaults. */
import {
  DEFAULT_DEADLINE_LEAD_MINUTES,
  DEFAULT_RENEWAL_LEAD_MINUTES,
  DEFAULT_TREASURY_LEAD_MINUTES,
  MAX_LEAD_MINUTES,
  MIN_LEAD_MINUTES,
} from '../subscriptions/limits.js';

export interface AlertRules {
  /** Rewards alert when this many eras or fewer are left to claim them (default 4). */
  expiringErasLeft: number;
  /** Lead times of "ends in X and you have not voted" for watched addresses (default 24 h and 1 h). */
  notVotedLeadMinutes: readonly number[];
  /** Lead times of treasury spend expiry and bounty update reminders (default 7 d, 1 d and 1 h). */
  treasuryLeadMinutes: readonly number[];
  /** Lead times of coretime renewal reminders (default 7 d, 1 d and 1 h before the sale rotates). */
  renewalLeadMinutes: readonly number[];
  /** The snapshot is stale when its chain time is older than this (default 15 min). */
  staleAfterMs: number;
  /**
   * Clock-based alerts (deadlines, not voted) are held back when the data is older than this, since
   * the referendum may already have moved on (default: the stale threshold).
   */
  maxDataAgeForDeadlinesMs: number;
}

export const DEFAULT_ALERT_RULES: AlertRules = {
  expiringErasLeft: 4,
  notVotedLeadMinutes: DEFAULT_DEADLINE_LEAD_MINUTES,
  treasuryLeadMinutes: DEFAULT_TREASURY_LEAD_MINUTES,
  renewalLeadMinutes: DEFAULT_RENEWAL_LEAD_MINUTES,
  staleAfterMs: 15 * 60_000,
  maxDataAgeForDeadlinesMs: 15 * 60_000,
};

export class AlertRulesError extends Error {
  override readonly name = 'AlertRulesError';
}

/** Defaults for what is missing; a clear error for what is out of range. */
export function resolveRules(partial: Partial<AlertRules> = {}): AlertRules {
  const rules = { ...DEFAULT_ALERT_RULES, ...partial };
  if (!Number.isInteger(rules.expiringErasLeft) || rules.expiringErasLeft < 0 || rules.expiringErasLeft > 84)
    throw new AlertRulesError(`expiringErasLeft must be an integer in 0..84, not ${rules.expiringErasLeft}`);
  for (const name of ['notVotedLeadMinutes', 'treasuryLeadMinutes', 'renewalLeadMinutes'] as const) {
    const leads = rules[name];
    if (
      !Array.isArray(leads) ||
      leads.length === 0 ||
      !leads.every((m) => Number.isInteger(m) && m >= MIN_LEAD_MINUTES && m <= MAX_LEAD_MINUTES)
    )
      throw new AlertRulesError(
        `${name} must be minute counts in ${MIN_LEAD_MINUTES}..${MAX_LEAD_MINUTES}, not ${JSON.stringify(leads)}`,
      );
  }
  for (const name of ['staleAfterMs', 'maxDataAgeForDeadlinesMs'] as const) {
    if (!Number.isFinite(rules[name]) || rules[name] <= 0)
      throw new AlertRulesError(`${name} must be a positive number of ms, not ${rules[name]}`);
  }
  const sorted = (leads: readonly number[]) => [...new Set(leads)].sort((a, b) => b - a);
  return {
    ...rules,
    notVotedLeadMinutes: sorted(rules.notVotedLeadMinutes),
    treasuryLeadMinutes: sorted(rules.treasuryLeadMinutes),
    renewalLeadMinutes: sorted(rules.renewalLeadMinutes),
  };
}
