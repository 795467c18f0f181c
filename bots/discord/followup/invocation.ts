/**
 * One follow-up job as the follow-up Lambda receives it from the interactions Lambda's
 * asynchronous invocation: the job itself is the event. A failure worth retrying is thrown, so
 * Lambda runs the invocation again and, once its retries or the event's age are spent, sends it to
 * the on-failure destination; a malformed or expired job, or one Discord refused for good, is
 * dropped with a log line (retrying cannot fix it).
 */
import type { DeliveryVerdict } from '../delivery/index.js';
import { runFollowupBatch } from './batch.js';
import type { FollowupDeps } from './followup.js';

export class FollowupRetry extends Error {
  override readonly name = 'FollowupRetry';
}

export async function runFollowupInvocation(
  event: unknown,
  deps: FollowupDeps,
  classify: (error: unknown) => DeliveryVerdict,
): Promise<void> {
  const body = typeof event === 'string' ? event : JSON.stringify(event ?? null);
  const result = await runFollowupBatch({ Records: [{ messageId: 'invocation', body }] }, deps, classify);
  if (result.batchItemFailures.length > 0)
    throw new FollowupRetry('the follow-up failed for a reason worth retrying; Lambda runs it again');
}
