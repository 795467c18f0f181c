/**
 * The nonce an alert message is posted with. With `enforce_nonce`, Discord does not create a
 * message whose nonce the bot used in the last few minutes: it answers with the message it already
 * has. The nonce names what the message carries (the target and its alerts) and nothing of the run
 * that sends it, so a dispatcher that takes over after a crash, or a retry after an answer that was
 * lost, posts the same nonce and gets the message that already went out.
 *
 * The alert ids are the whole identity: a (target, alert) pair is delivered once, so one set of
 * alerts to one target is never meant to be a second message. The part index is left out on
 * purpose: after a partial crash the alerts still due are regrouped, and a part that keeps its
 * alerts should keep its nonce even if it moved.
 */
import { createHash } from 'node:crypto';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';

/** Discord's limit for a string nonce. */
export const NONCE_MAX_LENGTH = 25;

export function alertMessageNonce(target: DeliveryTarget, alertIds: readonly string[]): string {
  const ids = [...new Set(alertIds)].sort();
  const digest = createHash('sha256')
    .update(['herald-alert', `${target.platform}:${target.kind}:${target.id}`, ...ids].join('\n'))
    .digest('base64url');
  // A letter first, so Discord never reads it as a number; 144 bits of the digest after it.
  return `a${digest.slice(0, NONCE_MAX_LENGTH - 1)}`;
}
