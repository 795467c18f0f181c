/**
 * One dispatcher process, as one dispatcher Lambda of the AWS stack runs: for each platform's
 * dispatch queue it does what Lambda's SQS event source does for it (ReceiveMessage of up to 10
 * jobs, one `dispatchSqsBatch`, DeleteMessageBatch of every job not reported as a batch item
 * failure; those come back after the visibility timeout). Its notifiers pace its share of the
 * bots' global limits. Every second it writes its progress: the results so far, the time spent
 * inside batches, CPU time, the capacity DynamoDB reported and the busiest keys it wrote.
 */
import { createInterface } from 'node:readline';
import { DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { Platform } from '../../../core/ports/notifier.js';
import { localDynamoClient } from '../../../dev/dynamodb/client.js';
import { batchTotals, dispatchSqsBatch } from '../../../lambdas/alerts/sqs-batch.js';
import { dispatchQueuesFrom } from '../../../lambdas/alerts/sqs-queue.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { meterCapacity } from '../../../lambdas/store/table/index.js';
import { say } from './child.js';
import { sqsClient } from './detector-role.js';
import { benchNotifiers, type OutcomeTally } from './notifiers.js';
import type { PlatformsHello } from './servers.js';
import { recordWrites } from './write-recorder.js';

export interface DispatcherConfig {
  name: string;
  dynamo: string;
  tableName: string;
  platforms: PlatformsHello;
  /** Dispatchers sharing the bots' global limits. */
  share: number;
  leaseMs: number;
  visibilitySeconds: number;
}

export interface DispatcherProgress {
  name: string;
  totals: Record<string, number>;
  batches: number;
  /** Wall time spent inside dispatchSqsBatch (what a Lambda bills), summed over the platforms' loops. */
  batchMs: number;
  cpuMs: number;
  peakRssMb: number;
  readUnits: number;
  writeUnits: number;
  dynamoRequests: number;
  outcomes: OutcomeTally;
  writes: Record<string, number>;
}

export async function runDispatcherRole(config: DispatcherConfig): Promise<void> {
  const client = localDynamoClient(config.dynamo);
  const meter = meterCapacity(client);
  const recorder = recordWrites(client);
  const sqs = sqsClient(config.platforms.sqs);
  const { queues } = config.platforms;
  const outcomes: OutcomeTally = {};
  const deps = {
    records: createAlertRecordStore({ client, tableName: config.tableName }),
    notifiers: benchNotifiers(config.platforms, config.share, outcomes),
    queue: dispatchQueuesFrom(`telegram=${queues.telegram},discord=${queues.discord}`, sqs),
    owner: config.name,
    leaseMs: config.leaseMs,
  };
  const totals: Record<string, number> = {};
  let batches = 0;
  let batchMs = 0;
  let stopping = false;
  /** Progress lines carry only keys written at 10 units a second or more; the last line all of them. */
  const progress = (all = false): DispatcherProgress => {
    const c = meter.snapshot();
    const cpu = process.cpuUsage();
    return {
      name: config.name,
      totals,
      batches,
      batchMs: Math.round(batchMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      readUnits: c.readUnits,
      writeUnits: c.writeUnits,
      dynamoRequests: c.requests,
      outcomes,
      writes: Object.fromEntries(Object.entries(recorder.report()).filter(([, u]) => all || u >= 10)),
    };
  };
  const loop = async (platform: Platform) => {
    const url = queues[platform];
    while (!stopping) {
      const got = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: 10,
          VisibilityTimeout: config.visibilitySeconds,
          WaitTimeSeconds: 1,
        }),
      );
      const messages = got.Messages ?? [];
      if (messages.length === 0) continue;
      const started = performance.now();
      const outcome = await dispatchSqsBatch(
        messages.map((m) => ({ messageId: m.MessageId!, body: m.Body! })),
        deps,
      );
      batchMs += performance.now() - started;
      batches += 1;
      for (const [k, v] of Object.entries(batchTotals(outcome))) totals[k] = (totals[k] ?? 0) + v;
      const failed = new Set(outcome.batchItemFailures.map((f) => f.itemIdentifier));
      const done = messages.filter((m) => !failed.has(m.MessageId!));
      if (done.length > 0)
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: url,
            Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
          }),
        );
    }
  };
  say({ ready: config.name });
  const timer = setInterval(() => say({ progress: progress() }), 1_000);
  const loops = Promise.all([loop('telegram'), loop('discord')]);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'progress') say(progress(true));
    else break;
  }
  stopping = true;
  await loops;
  clearInterval(timer);
  say(progress(true));
  process.exit(0);
}
