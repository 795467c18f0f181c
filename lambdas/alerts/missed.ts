/**
 * The `missed` view: a chat's recent alerts again, newest first, each as the message it was (or
 * would have been) sent as, with what became of it. For a `/missed` command on either platform.
 */
import { alertMessage, type MessageContext } from '../../core/alerts/messages.js';
import type { TargetRef } from '../../core/commands/subscription-model.js';
import type { NotifierMessage } from '../../core/delivery/notifier.js';
import type { AlertRecordStore, DeliveryState } from '../store/alert-records-types.js';

export interface MissedAlert {
  message: NotifierMessage;
  state: DeliveryState;
  /** Why it failed or is waiting, when it did not go out. */
  error: string | null;
  detectedAtMs: number;
}

export const DEFAULT_MISSED_WINDOW_MS = 24 * 60 * 60_000;

export async function missedAlerts(
  records: Pick<AlertRecordStore, 'recent'>,
  target: TargetRef,
  ctx: MessageContext & { sinceMs?: number; limit?: number },
): Promise<MissedAlert[]> {
  const since = ctx.sinceMs ?? ctx.nowMs - DEFAULT_MISSED_WINDOW_MS;
  const recent = await records.recent(target, { sinceMs: since, limit: ctx.limit ?? 20 });
  return recent.map((r) => ({
    message: alertMessage(r.alert, ctx),
    state: r.state,
    error: r.state === 'sent' ? null : r.error,
    detectedAtMs: r.createdAtMs,
  }));
}
