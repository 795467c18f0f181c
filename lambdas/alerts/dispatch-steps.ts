/**
 * The steps of dispatching one job before its outcomes are recorded: claim each (alert, target)
 * pair, hold back what quiet hours may delay, and send the rest in one notifier call.
 */

import type { Alert } from '../../core/alerts/alert-types.js';
import { alertMessage } from '../../core/alerts/messages.js';
import type { DeliveryOutcome, Notifier, NotifierMessage } from '../../core/ports/notifier.js';
import { quietUntil } from '../../core/subscriptions/quiet-hours.js';
import type { Claimed, DispatchRun, Item } from './dispatch-run.js';

/** Claims each item; what is not due yet comes back later as a delayed copy of the job. */
export async function claimItems(run: DispatchRun, items: readonly Item[]): Promise<Claimed[]> {
  const { deps, target, owner, result, now } = run;
  const claimed: Claimed[] = [];
  const later = new Map<number, Item[]>();
  for (const item of items) {
    const claim = await deps.records.claim(target, item.alert, item.subscriptionId, owner, run.leaseMs);
    const r = claim.record;
    if (claim.claimed) claimed.push({ item, attempts: r.attempts });
    else if (r.state === 'sent' || r.state === 'failed' || r.state === 'gone') result.alreadyDone += 1;
    else if (r.state === 'pending') result.busy += 1;
    else {
      // retry or deferred and not due yet: make sure a copy comes back when it is.
      const at = r.nextAtMs ?? now();
      later.set(at, [...(later.get(at) ?? []), item]);
      result.waiting += 1;
    }
  }
  for (const [at, list] of later) await run.requeue(list, at - now());
  return claimed;
}

/** Holds what may wait for the end of quiet hours (critical alerts go unless told otherwise). */
export async function holdForQuietHours(run: DispatchRun, claimed: readonly Claimed[]): Promise<Claimed[]> {
  const toSend: Claimed[] = [];
  for (const c of claimed) {
    const q = c.item.quietHours;
    const until = q ? quietUntil(q, run.now()) : null;
    const exempt = c.item.alert.severity === 'critical' && !q?.holdCritical;
    if (until === null || exempt) {
      toSend.push(c);
      continue;
    }
    await run.requeue([c.item], until - run.now());
    if (await run.deps.records.markDeferred(run.target, c.item.alert.id, run.owner, until))
      run.result.deferred += 1;
  }
  return toSend;
}

/**
 * Renews the lease of every claimed item just before the send, so the time the claims and the
 * quiet-hours check took never eats into the send: an item another dispatcher took over meanwhile
 * (our lease ran out on a slow run) is left to it, and counted busy so this job comes back.
 */
export async function renewLeases(run: DispatchRun, claimed: readonly Claimed[]): Promise<Claimed[]> {
  const held: Claimed[] = [];
  for (const c of claimed) {
    if (await run.deps.records.renew(run.target, c.item.alert.id, run.owner, run.leaseMs)) held.push(c);
    else {
      run.result.busy += 1;
      run.log(`dispatcher ${run.owner}: lost ${c.item.alert.id} to another dispatcher before sending`);
    }
  }
  return held;
}

/** Sends every claimed alert in one notifier call; a notifier that throws means: retry them all. */
export async function sendClaimed(
  run: DispatchRun,
  notifier: Notifier,
  toSend: readonly Claimed[],
): Promise<DeliveryOutcome[]> {
  const { target } = run;
  const ctx = run.deps.messageContext?.(run.now()) ?? { nowMs: run.now() };
  // Times are also shown in the chat's own zone when its quiet hours name one.
  const messages: NotifierMessage[] = toSend.map((c) => {
    const timeZone = c.item.quietHours?.timeZone ?? ctx.timeZone;
    return alertMessage(c.item.alert as Alert, timeZone ? { ...ctx, timeZone } : ctx);
  });
  try {
    return await notifier.send({ platform: target.platform, kind: target.kind, id: target.id }, messages);
  } catch (error) {
    return [
      {
        status: 'retry',
        alertIds: toSend.map((c) => c.item.alert.id),
        afterMs: 0,
        reason: `notifier threw: ${(error as Error).message}`,
      },
    ];
  }
}
