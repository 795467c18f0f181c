/** The dispatch queue on SQS: SendMessageBatch in tens, delays capped at SQS's 15 minutes. */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { JobQueue, OutgoingMessage } from '../../core/ports/job-queue.js';
import type { Platform } from '../../core/ports/notifier.js';
import { AlertConfigError, AlertJobError } from './errors.js';
import { PlatformQueues } from './platform-queues.js';

export const SQS_MAX_DELAY_SECONDS = 900;

export class SqsJobQueue implements JobQueue {
  constructor(
    private readonly sqs: Pick<SQSClient, 'send'>,
    private readonly queueUrl: string,
  ) {}

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      let batch = messages.slice(i, i + 10).map((m, n) => ({
        Id: String(n),
        MessageBody: m.body,
        DelaySeconds: Math.min(SQS_MAX_DELAY_SECONDS, Math.max(0, Math.ceil((m.delayMs ?? 0) / 1000))),
      }));
      for (let attempt = 0; batch.length > 0; attempt++) {
        if (attempt >= 5)
          throw new AlertJobError(
            `${batch.length} dispatch messages were not accepted by SQS after ${attempt} attempts`,
          );
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
        const out = await this.sqs.send(
          new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: batch }),
        );
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        batch = batch.filter((e) => failed.has(e.Id));
      }
    }
  }
}

/**
 * The dispatch queues from configuration: one URL for every platform, or one per platform as
 * "telegram=<url>,discord=<url>" (separate queues keep one platform's backlog from holding up the other).
 */
export function dispatchQueuesFrom(text: string, sqs: Pick<SQSClient, 'send'>): JobQueue {
  const value = text.trim();
  if (!value.includes('=')) return new SqsJobQueue(sqs, value);
  const routes: Partial<Record<Platform, JobQueue>> = {};
  for (const part of value.split(',')) {
    const at = part.indexOf('=');
    const platform = part.slice(0, at).trim();
    const url = part.slice(at + 1).trim();
    if ((platform !== 'telegram' && platform !== 'discord') || !url)
      throw new AlertConfigError(`dispatch queue "${part.trim()}" is not telegram=<url> or discord=<url>`);
    routes[platform] = new SqsJobQueue(sqs, url);
  }
  return new PlatformQueues(routes);
}
