/**
 * The detector phase in a process of its own, as the detector Lambda runs it: detection on the new
 * version, the subscribers of what it found, the fan-out and the jobs enqueued on the platforms'
 * dispatch queues through the SQS adapter, then the cursor. It reports its time, its peak RSS, the
 * capacity units DynamoDB reported and the busiest partition keys it wrote.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { localDynamoClient } from '../../../dev/dynamodb/client.js';
import { detectAndEnqueue } from '../../../lambdas/alerts/detector.js';
import { dispatchQueuesFrom } from '../../../lambdas/alerts/sqs-queue.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { type CapacityTotals, meterCapacity } from '../../../lambdas/store/table/index.js';
import { say } from './child.js';
import type { PlatformsHello } from './servers.js';
import { type PartitionWrites, recordWrites } from './write-recorder.js';

export interface DetectorConfig {
  dynamo: string;
  tableName: string;
  platforms: PlatformsHello;
}

export interface DetectorResult {
  ms: number;
  peakRssMb: number;
  jobs: number;
  alerts: number;
  subscribersRead: number;
  capacity: CapacityTotals;
  writes: PartitionWrites;
}

export function sqsClient(endpoint: string): SQSClient {
  return new SQSClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
}

export async function runDetectorRole(config: DetectorConfig): Promise<void> {
  const client = localDynamoClient(config.dynamo);
  const meter = meterCapacity(client);
  const writes = recordWrites(client);
  const { tableName } = config;
  const { queues } = config.platforms;
  const queue = dispatchQueuesFrom(
    `telegram=${queues.telegram},discord=${queues.discord}`,
    sqsClient(config.platforms.sqs),
  );
  say({ ready: true });
  const started = performance.now();
  const run = await detectAndEnqueue({
    store: createDynamoStore({ client, tableName }),
    differ: createVersionDiffer({ client, tableName }),
    subscriptions: createSubscriptionStore({ client, tableName }),
    records: createAlertRecordStore({ client, tableName }),
    queue,
  });
  const result: DetectorResult = {
    ms: Math.round(performance.now() - started),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    jobs: run?.jobs.length ?? 0,
    alerts: run?.alerts.length ?? 0,
    subscribersRead: run?.stats.subscribersRead ?? 0,
    capacity: meter.take(),
    writes: writes.report(),
  };
  say(result);
  process.exit(0);
}
