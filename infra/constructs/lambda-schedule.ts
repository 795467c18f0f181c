/**
 * One Lambda on an EventBridge Scheduler rate, through a role of its own: the scheduler may invoke
 * that function (and its versions) and dead-letter into one queue, nothing else. A run is not
 * retried, and one the scheduler cannot deliver within an interval is dropped: the next comes soon.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, type ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface LambdaScheduleProps {
  fn: LambdaFunction;
  everyMinutes: number;
  /** The schedule's description, e.g. "Herald snapshot every 5 min". */
  description: string;
  /** The scheduler role's description: what it invokes and where it dead-letters. */
  roleDescription: string;
  /** Invocations the scheduler could not make land here. */
  deadLetterQueue: IQueue;
  /** The event the function receives (Scheduler's own when unset). */
  input?: ScheduleTargetInput;
}

/** Adds `SchedulerRole` and `Schedule` to `scope`. */
export function scheduleLambda(
  scope: Construct,
  props: LambdaScheduleProps,
): { schedule: Schedule; role: Role } {
  const role = new Role(scope, 'SchedulerRole', {
    description: props.roleDescription,
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
  });
  const fnId = Stack.of(scope).getLogicalId(props.fn.node.defaultChild as CfnFunction);
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
    reason: 'grantInvoke also covers the function’s versions (ARN:*); it is still this one function.',
  });
  const schedule = new Schedule(scope, 'Schedule', {
    description: props.description,
    schedule: ScheduleExpression.rate(Duration.minutes(props.everyMinutes)),
    target: new LambdaInvoke(props.fn, {
      role,
      input: props.input,
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: 0,
      maxEventAge: Duration.minutes(Math.max(1, props.everyMinutes)),
    }),
  });
  return { schedule, role };
}
