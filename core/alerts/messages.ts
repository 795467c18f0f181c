/**
 * Alerts as `NotifierMessage`s: the rule of the alert's kind words its title and lines; every
 * message gets a link and the data's age. The platforms render and escape the text.
 */
import { formatDuration } from '../format/duration.js';
import { formatInteger } from '../format/number.js';
import type { NotifierMessage } from '../ports/notifier.js';
import type { Alert } from './alert-types.js';
import { ruleOf } from './rules/index.js';
import { trackLabel } from './wording.js';

export interface MessageContext {
  nowMs: number;
  /** Track id → chain name ("small_spender"). */
  trackNames?: ReadonlyMap<number, string>;
  /** Link to a referendum page; none when absent. */
  referendumUrl?: (id: number) => string;
}

export function alertMessage(alert: Alert, ctx: MessageContext): NotifierMessage {
  const facts = alert.facts;
  const { title, lines } = ruleOf(facts.kind).message(facts, {
    nowMs: ctx.nowMs,
    track: (track) => trackLabel(track, ctx.trackNames, alert.trackName),
  });
  const ref = 'referendum' in facts ? facts.referendum : null;
  const url = ref !== null && ctx.referendumUrl ? ctx.referendumUrl(ref) : undefined;
  return {
    alertId: alert.id,
    severity: alert.severity,
    title,
    lines,
    ...(url ? { url } : {}),
    footer: `data as of relay block ${formatInteger(alert.relayBlock)} (${formatDuration(Math.max(0, ctx.nowMs - alert.dataAtMs))} ago)`,
  };
}
