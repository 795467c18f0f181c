/**
 * The last step of dispatching a job: each alert's outcome becomes its record (sent, retry,
 * failed or gone); an alert the notifier did not report on is retried. A retry is enqueued before
 * its record says so, so a crash in between still brings it back.
 */

import type { DeliveryOutcome } from '../../core/ports/notifier.js';
import { retryDelayMs } from './backoff.js';
import type { Claimed, DispatchRun } from './dispatch-run.js';

export async function recordOutcomes(
  run: DispatchRun,
  sent: readonly Claimed[],
  outcomes: readonly DeliveryOutcome[],
): Promise<void> {
  const byId = new Map(sent.map((c) => [c.item.alert.id, c]));
  const reported = new Set<string>();
  for (const outcome of outcomes) {
    for (const id of outcome.alertIds) {
      const c = byId.get(id);
      if (!c || reported.has(id)) continue;
      reported.add(id);
      await recordOne(run, c, outcome);
    }
  }
  for (const [id, c] of byId)
    if (!reported.has(id))
      await recordOne(run, c, {
        status: 'retry',
        alertIds: [id],
        afterMs: 0,
        reason: 'no outcome from the notifier',
      });
}

async function recordOne(run: DispatchRun, c: Claimed, outcome: DeliveryOutcome): Promise<void> {
  const { deps, target, owner, policy, result } = run;
  const id = c.item.alert.id;
  let kept = true;
  if (outcome.status === 'sent') {
    kept = await deps.records.markSent(target, id, owner, outcome.messageIds);
    result.sent += 1;
  } else if (outcome.status === 'retry') {
    const failures = c.attempts + 1;
    if (failures >= policy.maxAttempts) {
      const reason = `gave up after ${failures} attempts: ${outcome.reason}`;
      kept = await deps.records.markFinal(target, id, owner, 'failed', reason);
      result.failed += 1;
    } else {
      const delay = retryDelayMs(policy, failures, outcome.afterMs);
      // Enqueue first: if we die before the record says retry, the copy still comes back.
      await run.requeue([c.item], delay);
      kept = await deps.records.markRetry(target, id, owner, run.now() + delay, outcome.reason);
      result.retrying += 1;
    }
  } else {
    kept = await deps.records.markFinal(target, id, owner, outcome.status, outcome.reason);
    if (outcome.status === 'gone') result.gone += 1;
    else result.failed += 1;
  }
  if (!kept)
    run.log(
      `dispatcher ${owner}: lost the record of ${id} to ${target.platform}:${target.id} (lease ran out)`,
    );
}
