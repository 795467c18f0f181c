/**
 * Alerts as `NotifierMessage`s: the rule of the alert's kind words its title and lines and names
 * its links; every message gets the data's block and time. The platforms render and escape the text.
 */
import { formatInteger } from '../format/number.js';
import type { AccountNames } from '../identity/identity-types.js';
import type { NotifierMessage } from '../ports/notifier.js';
import type { Alert } from './alert-types.js';
import { ruleOf } from './rules/index.js';
import { hasTime, plainText, toSpans } from './spans.js';
import { accountWording, trackLabel } from './wording.js';

export interface MessageContext {
  nowMs: number;
  /** Track id → chain name ("small_spender"). */
  trackNames?: ReadonlyMap<number, string>;
  /** The chat's IANA zone, from its quiet hours: the platforms show times in it too. */
  timeZone?: string;
  /** Names known besides the alert's own (`alert.names`, which win). */
  names?: AccountNames;
}

export function alertMessage(alert: Alert, ctx: MessageContext): NotifierMessage {
  const facts = alert.facts;
  const worded = ruleOf(facts.kind).message(facts, {
    track: (track) => trackLabel(track, ctx.trackNames, alert.trackName),
    account: (address) => accountWording(address, { ...ctx.names, ...alert.names }),
  });
  const title = toSpans(worded.title);
  const lines = worded.lines.map(toSpans);
  const timed = hasTime(title) || lines.some(hasTime);
  return {
    alertId: alert.id,
    severity: alert.severity,
    title: plainText(title),
    lines: lines.map(plainText),
    ...(timed ? { spans: { title, lines } } : {}),
    ...(worded.links && worded.links.length > 0 ? { links: worded.links } : {}),
    ...(worded.commands && worded.commands.length > 0 ? { commands: worded.commands } : {}),
    ...(ctx.timeZone ? { timeZone: ctx.timeZone } : {}),
    footer: `data as of relay block ${formatInteger(alert.relayBlock)}`,
    dataAtMs: alert.dataAtMs,
  };
}
