/** What every part of the alert record store shares: the table, the clock, and the checks and decoding of records. */

import type { Alert } from '../../../core/alerts/alert-types.js';
import { isAlertId } from '../../../core/alerts/identity.js';
import type { DeliveryRecord, DeliveryState } from '../../../core/ports/alert-records.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import { targetProblem } from '../../../core/subscriptions/subscription-model.js';
import {
  CorruptDataError,
  InvalidInputError,
  type Item,
  type TableIo,
  type WriteTally,
} from '../table/index.js';

export interface RecordsContext {
  io: TableIo;
  now: () => number;
  /** How long delivery records are kept (their `exp`). */
  retentionMs: number;
  tally: WriteTally;
}

const STATES = new Set<DeliveryState>(['pending', 'retry', 'deferred', 'sent', 'failed', 'gone']);

export function checkTarget(target: DeliveryTarget): void {
  const problem = targetProblem(target);
  if (problem) throw new InvalidInputError(`bad alert target: ${problem}`);
}

export function checkAlertId(id: string): void {
  if (!isAlertId(id)) throw new InvalidInputError(`bad alert id ${JSON.stringify(id)}`);
}

export function decode(item: Item): DeliveryRecord {
  const where = `delivery record ${String(item.pk)}/${String(item.sk)}`;
  const state = item.st as DeliveryState;
  if (!STATES.has(state) || typeof item.al !== 'string') throw new CorruptDataError(`${where} is malformed`);
  let alert: Alert;
  try {
    alert = JSON.parse(item.al) as Alert;
  } catch (error) {
    throw new CorruptDataError(`${where}: alert is not JSON`, { cause: error });
  }
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    target: { platform: item.platform, kind: item.tkind, id: item.tid } as DeliveryTarget,
    alert,
    subscriptionId: String(item.sid ?? ''),
    state,
    attempts: num(item.att) ?? 0,
    owner: typeof item.own === 'string' ? item.own : null,
    leaseUntilMs: num(item.lease),
    nextAtMs: num(item.nxt),
    error: typeof item.err === 'string' ? item.err : null,
    messageIds: Array.isArray(item.mids) ? item.mids.map(String) : [],
    createdAtMs: num(item.cat) ?? 0,
    updatedAtMs: num(item.uat) ?? 0,
  };
}
