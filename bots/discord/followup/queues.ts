/**
 * Where deferred answers go: an SQS queue read by the follow-up Lambda in AWS, or the same process
 * locally (`npm start`, tests), where the follow-up runs right after the response is sent.
 */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { encodeFollowupJob, type FollowupJob, type FollowupQueue } from './job.js';

export function sqsFollowupQueue(client: SQSClient, queueUrl: string): FollowupQueue {
  return {
    enqueue: async (job) => {
      await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: encodeFollowupJob(job) }));
    },
  };
}

export interface InProcessFollowupQueue extends FollowupQueue {
  /** Resolves once every follow-up queued so far has finished (tests wait on it). */
  drain(): Promise<void>;
}

export function inProcessFollowupQueue(
  run: (job: FollowupJob) => Promise<unknown>,
  log?: (message: string) => void,
): InProcessFollowupQueue {
  const pending = new Set<Promise<void>>();
  return {
    enqueue: async (job) => {
      // Starts after the interaction response is on its way, as a separate invocation would.
      const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => run(job))
        .then(
          () => undefined,
          (error: unknown) => log?.(`follow-up for "${job.line}" failed: ${(error as Error).message}`),
        )
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    drain: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
