/**
 * The snapshot Lambda on an EventBridge Scheduler schedule, with its dead-letter queue and two
 * alarms: failing (two failed runs out of the last three) and stale (no successful run for three
 * intervals, at least 15 minutes, which also catches a schedule that stopped firing).
 */
import { Duration, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Schedule } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV, SUBSQUARE_KUSAMA_API } from '../../core/config/env-names.js';
import type { BundleResult } from '../bundling/bundle.js';
import { SNAPSHOT_SIZING } from '../sizing.js';
import { HeraldFunction } from './herald-function.js';
import { scheduleLambda } from './lambda-schedule.js';
import { deadLetterAlarm, deadLetterQueue } from './work-queue.js';

export interface SnapshotServiceProps {
  bundle: BundleResult;
  everyMinutes: number;
  assetHubRpc: string[];
  relayRpc: string[];
  peopleRpc: string[];
  coretimeRpc: string[];
  logRetention: RetentionDays;
  alarmAction: IAlarmAction;
}

/** A snapshot older than this is stale: three intervals, and never less than 15 minutes. */
export function staleAfterMinutes(everyMinutes: number): number {
  return Math.max(15, 3 * everyMinutes);
}

export class SnapshotService extends Construct {
  readonly fn: HeraldFunction;
  readonly schedule: Schedule;
  readonly dlq: Queue;
  readonly staleAlarm: Alarm;

  constructor(scope: Construct, id: string, props: SnapshotServiceProps) {
    super(scope, id);
    const every = Duration.minutes(props.everyMinutes);
    this.dlq = deadLetterQueue(this, 'DeadLetters');
    Validations.of(this.dlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the snapshot Lambda and its schedule.',
    });
    deadLetterAlarm(this, 'DeadLetterAlarm', this.dlq, 'snapshot', props.alarmAction);
    const environment: Record<string, string> = {
      [ENV.assetHubRpc]: props.assetHubRpc.join(','),
      [ENV.connectTimeoutMs]: String(SNAPSHOT_SIZING.connectTimeoutMs),
      [ENV.readTimeoutMs]: String(SNAPSHOT_SIZING.readTimeoutMs),
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
      alarmAction: props.alarmAction,
      environment,
      deadLetterQueue: this.dlq,
      // The next scheduled run re-reads everything; a retry would only overlap it.
      asyncRetryAttempts: 0,
      reservedConcurrency: SNAPSHOT_SIZING.reservedConcurrency,
      errorAlarm: { period: every, evaluationPeriods: 3, datapointsToAlarm: 2 },
    });
    this.schedule = scheduleLambda(this, {
      fn: this.fn.fn,
      everyMinutes: props.everyMinutes,
      description: `Herald snapshot every ${props.everyMinutes} min`,
      roleDescription: 'EventBridge Scheduler: invoke the snapshot Lambda, dead-letter to its queue',
      deadLetterQueue: this.dlq,
    }).schedule;
    const window = Duration.minutes(staleAfterMinutes(props.everyMinutes));
    this.staleAlarm = new Alarm(this, 'Stale', {
      alarmDescription: `No successful snapshot for ${window.toMinutes()} min: bots answer from old data`,
      metric: new MathExpression({
        expression: 'FILL(runs, 0) - FILL(failures, 0)',
        usingMetrics: {
          runs: this.fn.fn.metricInvocations({ statistic: 'Sum' }),
          failures: this.fn.fn.metricErrors({ statistic: 'Sum' }),
        },
        period: window,
        label: 'successful snapshots',
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.BREACHING,
    });
    this.staleAlarm.addAlarmAction(props.alarmAction);
  }
}
