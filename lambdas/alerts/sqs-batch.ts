/**
 * One SQS batch of dispatch jobs, as the dispatcher Lambda receives it. Jobs run side by side; a
 * job another dispatcher still holds, or one that failed on the table, is returned as a batch item
 * failure so SQS delivers it again after the visibility timeout; a malformed one is dropped.
 */
import type { DispatcherDeps, JobResult } from './dispatch-run.js';
import { dispatchJob } from './dispatcher.js';
import { AlertJobError } from './errors.js';
import { parseJob } from './job-message.js';

export interface SqsRecord {
  messageId: string;
  body: string;
}

export interface BatchOutcome {
  batchItemFailures: Array<{ itemIdentifier: string }>;
  results: JobResult[];
  dropped: number;
}

export async function dispatchSqsBatch(
  records: readonly SqsRecord[],
  deps: DispatcherDeps,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { batchItemFailures: [], results: [], dropped: 0 };
  await Promise.all(
    records.map(async (record) => {
      try {
        const result = await dispatchJob(parseJob(record.body), deps);
        outcome.results.push(result);
        if (result.busy + result.unsendable > 0)
          outcome.batchItemFailures.push({ itemIdentifier: record.messageId });
      } catch (error) {
        if (error instanceof AlertJobError) {
          outcome.dropped += 1;
          deps.log?.(`dispatch message ${record.messageId} dropped: ${error.message}`);
        } else {
          deps.log?.(
            `dispatch message ${record.messageId} failed, SQS retries it: ${(error as Error).message}`,
          );
          outcome.batchItemFailures.push({ itemIdentifier: record.messageId });
        }
      }
    }),
  );
  return outcome;
}

/** The batch's totals, for the log: jobs, dropped messages, and each result counted over the jobs. */
export function batchTotals(outcome: BatchOutcome): Record<string, number> {
  const totals: Record<string, number> = { jobs: outcome.results.length, dropped: outcome.dropped };
  for (const result of outcome.results)
    for (const [key, value] of Object.entries(result))
      if (typeof value === 'number') totals[key] = (totals[key] ?? 0) + value;
  return totals;
}
