/**
 * One SQS batch of follow-up jobs, as the follow-up Lambda receives it: each job answered in turn.
 * A Discord or network failure worth retrying becomes a batch item failure; a malformed or expired
 * job is dropped with a log line.
 */
import type { DeliveryVerdict } from '../delivery/index.js';
import { type FollowupDeps, runFollowup } from './followup.js';
import { decodeFollowupJob } from './job.js';
import type { SqsBatchResult, SqsEvent } from './sqs-events.js';

/**
 * `classify` is the delivery wing's `classifyDiscordError`, handed in by the follow-up Lambda: this
 * wing is also imported by the interactions Lambda, whose bundle must not carry the REST client.
 */
export async function runFollowupBatch(
  event: SqsEvent,
  deps: FollowupDeps,
  classify: (error: unknown) => DeliveryVerdict,
): Promise<SqsBatchResult> {
  const failures: SqsBatchResult['batchItemFailures'] = [];
  for (const record of event.Records ?? []) {
    try {
      await runFollowup(decodeFollowupJob(record.body), deps);
    } catch (error) {
      const verdict = classify(error);
      deps.log?.(`follow-up ${record.messageId}: ${verdict.reason}`);
      if (verdict.status === 'retry' && !(error instanceof Error && error.name === 'FollowupJobError'))
        failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}
