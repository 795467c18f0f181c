/**
 * Herald's three alarms, which cover every failure the twelve per-resource alarms before them did
 * (test/infra/alarms.test.ts lists each failure and the alarm that catches it):
 *
 * - Failures: any function's invocation that ended in an error, a timeout or a crash, counted into
 *   one metric by a log metric filter on each function's log group (herald-function.ts).
 * - DeadLetters: anything waiting in a dead-letter queue: the failed asynchronous invocations'
 *   queue (snapshot, detector, follow-up, and what the schedules could not invoke) and the dispatch
 *   queue's own.
 * - SnapshotStale: the snapshot Lambda ran not once for three intervals (a schedule that stopped
 *   firing, or a snapshot that cannot start); a run that fails is the two alarms above's.
 *
 * CloudWatch bills an alarm per metric it reads ($0.10 each a month, a metric-math alarm for every
 * metric in its expression): 1 + 2 + 1 = 4 alarm metrics. The failure metric is a custom metric,
 * published only when something failed, so it is billed only for those hours.
 */
import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FAILURE_METRIC, type HeraldFunction } from './herald-function.js';

export interface HeraldAlarmsProps {
  action: IAlarmAction;
  /** Every function of the stack: their log groups feed the failure metric. */
  functions: readonly HeraldFunction[];
  /** Every dead-letter queue of the stack. */
  deadLetterQueues: readonly Queue[];
  snapshot: lambda.Function;
  /** Minutes without a single snapshot run before it is stale. */
  staleAfterMinutes: number;
}

/** The Logs Insights query that names the failed function (the alarm only counts). */
export const FAILED_INVOCATIONS_QUERY =
  'filter type = "platform.report" and record.status != "success" | stats count(*) as failures by @log, record.status, record.errorType';

export class HeraldAlarms extends Construct {
  readonly failures: Alarm;
  readonly deadLetters: Alarm;
  readonly stale: Alarm;

  constructor(scope: Construct, id: string, props: HeraldAlarmsProps) {
    super(scope, id);
    const groups = props.functions.map((f) => f.logGroup.logGroupName);
    this.failures = new Alarm(this, 'Failures', {
      alarmDescription: [
        'A Herald function failed (an error, a timeout or a crash).',
        'Which one: CloudWatch Logs Insights over the Herald log groups',
        `(${groups.join(', ')}) with: ${FAILED_INVOCATIONS_QUERY}`,
      ].join(' '),
      metric: new Metric({
        namespace: FAILURE_METRIC.namespace,
        metricName: FAILURE_METRIC.name,
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const depth = Object.fromEntries(
      props.deadLetterQueues.map((q, i) => [
        `q${i}`,
        q.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      ]),
    );
    this.deadLetters = new Alarm(this, 'DeadLetters', {
      alarmDescription: [
        'Something waits in a Herald dead-letter queue: a failed asynchronous invocation (its message',
        'names the function and the error: requestContext.functionArn, responsePayload), a run a',
        'schedule could not invoke, or a dispatch job that failed five times.',
        `Queues: ${props.deadLetterQueues.map((q) => q.queueName).join(', ')}`,
      ].join(' '),
      metric: new MathExpression({
        expression: Object.keys(depth)
          .map((k) => `FILL(${k}, 0)`)
          .join(' + '),
        usingMetrics: depth,
        period: Duration.minutes(5),
        label: 'dead letters',
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const window = Duration.minutes(props.staleAfterMinutes);
    this.stale = new Alarm(this, 'SnapshotStale', {
      alarmDescription: `The snapshot Lambda did not run for ${window.toMinutes()} min: bots answer from old data (failed runs raise Failures)`,
      metric: props.snapshot.metricInvocations({ statistic: 'Sum', period: window }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.BREACHING,
    });
    for (const alarm of [this.failures, this.deadLetters, this.stale]) alarm.addAlarmAction(props.action);
  }
}
