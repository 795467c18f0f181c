/** `/missed` rows: a delivery record as the message it was (or will be) sent as, and what became of it. */
import type { Alert } from '../alerts/alert-types.js';
import { alertMessage, type MessageContext } from '../alerts/messages.js';
import type { MissedRow, MissedState } from './reply-types.js';

/** The fields of a delivery record the view reads (the store's record has these and more). */
export interface DeliveryRecordView {
  alert: Alert;
  state: 'pending' | 'retry' | 'deferred' | 'sent' | 'failed' | 'gone';
  attempts: number;
  nextAtMs: number | null;
  error: string | null;
  createdAtMs: number;
}

const STATES: Record<DeliveryRecordView['state'], MissedState> = {
  pending: 'sending',
  retry: 'retrying',
  deferred: 'quiet-hours',
  sent: 'sent',
  failed: 'failed',
  gone: 'gone',
};

export function missedRow(record: DeliveryRecordView, ctx: MessageContext): MissedRow {
  const state = STATES[record.state];
  const waiting = state === 'retrying' || state === 'quiet-hours';
  return {
    message: alertMessage(record.alert, ctx),
    state,
    // A deferred record may still carry the error of an earlier attempt; it is waiting for the clock now.
    error: state === 'retrying' || state === 'failed' || state === 'gone' ? record.error : null,
    nextAtMs: waiting ? record.nextAtMs : null,
    attempts: record.attempts,
    detectedAtMs: record.createdAtMs,
  };
}
