/**
 * Alert identities. An id names the change, not the run that saw it: detecting the same change
 * twice (a re-run, two detectors, a redelivered queue message) gives the same id, and delivery is
 * idempotent per (alert id, target). Changes that can recur carry what makes each occurrence
 * distinct: the confirm end block, the era, the commission pair.
 */
import type { DeadlineKind, EndedOutcome } from './scope.js';

/** Lead times in ids: whole hours as hours ("24h", "1h"), the rest in minutes ("90m"). */
export function leadLabel(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

export type ReferendumEvent = 'submitted' | 'deciding' | 'approved' | EndedOutcome;

export function referendumAlertId(referendum: number, event: ReferendumEvent): string {
  return `ref:${referendum}:${event}`;
}

export function confirmStartedId(referendum: number, confirmEnd: number): string {
  return `ref:${referendum}:confirm:${confirmEnd}`;
}

export function confirmAbortedId(referendum: number, confirmEnd: number): string {
  return `ref:${referendum}:confirm-aborted:${confirmEnd}`;
}

/** `deadline:123:decision:24h`; a confirm deadline names its end block, since confirmation can restart. */
export function deadlineAlertId(
  referendum: number,
  deadline: DeadlineKind,
  endBlock: number,
  leadMinutes: number,
): string {
  const what = deadline === 'decision' ? 'decision' : `confirm@${endBlock}`;
  return `deadline:${referendum}:${what}:${leadLabel(leadMinutes)}`;
}

export function notVotedAlertId(
  referendum: number,
  address: string,
  endBlock: number,
  leadMinutes: number,
): string {
  return `novote:${referendum}:${address}:${endBlock}:${leadLabel(leadMinutes)}`;
}

/** `dnovote:…`: as `notVotedAlertId`, for an address whose delegate has not voted. */
export function delegateNotVotedAlertId(
  referendum: number,
  address: string,
  endBlock: number,
  leadMinutes: number,
): string {
  return `dnovote:${referendum}:${address}:${endBlock}:${leadLabel(leadMinutes)}`;
}

/**
 * A short stable digest (FNV-1a, 32 bits, hex) of what makes an occurrence distinct when it is too
 * long for an id: a vote with its amounts, a list of calls.
 */
export function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Address alerts: `<what>:<address>:<details…>`. */
export function addressAlertId(what: string, address: string, ...details: Array<string | number>): string {
  return [what, address, ...details].join(':');
}

export function healthAlertId(
  what: 'stale' | 'failover' | 'runtime',
  ...details: Array<string | number>
): string {
  return ['health', what, ...details].join(':');
}

/** Ids are short printable ASCII without spaces (they become DynamoDB sort keys and log fields). */
export const ALERT_ID_PATTERN = /^[A-Za-z0-9@._:-]{3,200}$/;

export function isAlertId(value: unknown): value is string {
  return typeof value === 'string' && ALERT_ID_PATTERN.test(value);
}
