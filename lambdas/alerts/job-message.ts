/**
 * The dispatch queue's message: one target and the alerts a detection run has for it (grouped, so
 * the notifier can send them as one platform message). Versioned and checked on the way in; a
 * message that does not parse is an error for the log, never a crash.
 */
import { ALERT_KINDS, type Alert } from '../../core/alerts/alert-types.js';
import type { DeliveryJob } from '../../core/alerts/grouping.js';
import { isAlertId } from '../../core/alerts/identity.js';
import { quietHoursProblem } from '../../core/subscriptions/quiet-hours.js';
import { targetProblem } from '../../core/subscriptions/subscription-model.js';
import { AlertJobError } from './errors.js';

const VERSION = 1;
/** SQS allows 256 KiB per message; stay well below. */
export const MAX_JOB_BYTES = 200_000;

export function encodeJob(job: DeliveryJob): string {
  const body = JSON.stringify({
    v: VERSION,
    target: { platform: job.target.platform, kind: job.target.kind, id: job.target.id },
    items: job.items.map((i) => ({ alert: i.alert, sid: i.subscriptionId, quiet: i.quietHours })),
  });
  if (body.length > MAX_JOB_BYTES)
    throw new AlertJobError(`a job of ${job.items.length} alerts is ${body.length} bytes; split it`);
  return body;
}

function alertProblem(a: unknown): string | null {
  const alert = a as Alert;
  if (typeof alert !== 'object' || alert === null) return 'an item has no alert';
  if (!isAlertId(alert.id)) return `bad alert id ${JSON.stringify(alert.id)}`;
  if (!['info', 'warning', 'critical'].includes(alert.severity))
    return `alert ${alert.id} has a bad severity`;
  if (typeof alert.facts !== 'object' || alert.facts === null || !ALERT_KINDS.includes(alert.facts.kind))
    return `alert ${alert.id} has unknown facts`;
  if (typeof alert.scope !== 'object' || alert.scope === null) return `alert ${alert.id} has no scope`;
  if (![alert.version, alert.relayBlock, alert.dataAtMs].every((n) => Number.isFinite(n)))
    return `alert ${alert.id} lacks its version, relay block or data time`;
  return null;
}

export function parseJob(body: string): DeliveryJob {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new AlertJobError(`dispatch message is not JSON: ${String(body).slice(0, 80)}`);
  }
  const m = raw as { v?: unknown; target?: unknown; items?: unknown };
  if (m?.v !== VERSION)
    throw new AlertJobError(`dispatch message version ${JSON.stringify(m?.v)} is not ${VERSION}`);
  const problem = targetProblem(m.target);
  if (problem) throw new AlertJobError(`dispatch message target: ${problem}`);
  if (!Array.isArray(m.items) || m.items.length === 0)
    throw new AlertJobError('dispatch message has no items');
  const items = m.items.map((i: { alert?: unknown; sid?: unknown; quiet?: unknown }) => {
    const bad = alertProblem(i?.alert);
    if (bad) throw new AlertJobError(`dispatch message: ${bad}`);
    if (typeof i.sid !== 'string' || i.sid.length === 0)
      throw new AlertJobError('dispatch message item has no subscription id');
    if (i.quiet !== null && quietHoursProblem(i.quiet) !== null)
      throw new AlertJobError(`dispatch message: ${quietHoursProblem(i.quiet)}`);
    return {
      alert: i.alert as Alert,
      subscriptionId: i.sid,
      quietHours: (i.quiet ?? null) as DeliveryJob['items'][number]['quietHours'],
    };
  });
  return { target: m.target as DeliveryJob['target'], items };
}
