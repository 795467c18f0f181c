/**
 * The snapshot Lambda on an EventBridge Scheduler schedule. A failed run is not retried (the next
 * scheduled run re-reads everything) and lands, like a run the schedule could not invoke, in the
 * stack's dead-letter queue of failed invocations; the stack's alarms watch both and staleness.
 */
import { Duration } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Schedule } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV, SUBSQUARE_KUSAMA_API } from '../../core/config/env-names.js';
import type { BundleResult } from '../bundling/bundle.js';
import { SNAPSHOT_SIZING } from '../sizing.js';
import { HeraldFunction } from './herald-function.js';
import { scheduleLambda } from './lambda-schedule.js';

export interface SnapshotServiceProps {
  bundle: BundleResult;
  everyMinutes: number;
  assetHubRpc: string[];
  relayRpc: string[];
  peopleRpc: string[];
  coretimeRpc: string[];
  logRetention: RetentionDays;
  /** Failed runs, and runs the schedule could not invoke, go here. */
  failures: IQueue;
}

/** A snapshot older than this is stale: three intervals, and never less than 15 minutes. */
export function staleAfterMinutes(everyMinutes: number): number {
  return Math.max(15, 3 * everyMinutes);
}

export class SnapshotService extends Construct {
  readonly fn: HeraldFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: SnapshotServiceProps) {
    super(scope, id);
    const environment: Record<string, string> = {
      [ENV.assetHubRpc]: props.assetHubRpc.join(','),
      [ENV.connectTimeoutMs]: String(SNAPSHOT_SIZING.connectTimeoutMs),
      [ENV.readTimeoutMs]: String(SNAPSHOT_SIZING.readTimeoutMs),
      [ENV.requestTimeoutMs]: String(SNAPSHOT_SIZING.requestTimeoutMs),
      [ENV.nodeOptions]: `--max-old-space-size=${SNAPSHOT_SIZING.heapMb}`,
      [ENV.titlesUrl]: SUBSQUARE_KUSAMA_API,
    };
    if (props.relayRpc.length > 0) environment[ENV.relayRpc] = props.relayRpc.join(',');
    if (props.peopleRpc.length > 0) environment[ENV.peopleRpc] = props.peopleRpc.join(',');
    if (props.coretimeRpc.length > 0) environment[ENV.coretimeRpc] = props.coretimeRpc.join(',');
    this.fn = new HeraldFunction(this, 'Snapshot', {
      bundle: props.bundle,
      description: 'Reads Kusama Asset Hub and the relay into a new DynamoDB snapshot version',
      serviceName: 'herald-snapshot',
      memoryMb: SNAPSHOT_SIZING.memoryMb,
      timeout: Duration.seconds(SNAPSHOT_SIZING.timeoutSeconds),
      logRetention: props.logRetention,
      environment,
      async: {
        // The next scheduled run re-reads everything; a retry would only overlap it, and a run
        // older than one interval is superseded by the next.
        retryAttempts: 0,
        maxEventAge: Duration.minutes(Math.max(1, props.everyMinutes)),
        onFailure: props.failures,
      },
      reservedConcurrency: SNAPSHOT_SIZING.reservedConcurrency,
    });
    this.schedule = scheduleLambda(this, {
      fn: this.fn.fn,
      everyMinutes: props.everyMinutes,
      description: `Herald snapshot every ${props.everyMinutes} min`,
      roleDescription: 'EventBridge Scheduler: invoke the snapshot Lambda, dead-letter to its queue',
      deadLetterQueue: props.failures,
    }).schedule;
  }
}
