/**
 * One Herald Lambda: Node 22 on arm64, code from a local esbuild bundle, JSON logs into its own log
 * group with a retention, a role that may write only to that log group (no managed policy), and an
 * error alarm. Permissions and environment come from the grants of the other constructs.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type CfnLogGroup, LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../core/config/env-names.js';
import { type BundleResult, CHART_ASSETS_DIR } from '../bundling/bundle.js';

/** Powertools Logger reads its service name from this variable (Powertools' name, not Herald's). */
const POWERTOOLS_SERVICE_NAME = 'POWERTOOLS_SERVICE_NAME';

export interface ErrorAlarmProps {
  /** Errors per period that count as a breaching datapoint (default 1). */
  threshold?: number;
  period?: Duration;
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
}

export interface HeraldFunctionProps {
  bundle: BundleResult;
  description: string;
  /** Powertools Logger service name, e.g. `herald-snapshot`. */
  serviceName: string;
  memoryMb: number;
  timeout: Duration;
  logRetention: RetentionDays;
  alarmAction: IAlarmAction;
  errorAlarm?: ErrorAlarmProps;
  environment?: Record<string, string>;
  /** Asynchronous invocations that fail go here (the scheduled snapshot). */
  deadLetterQueue?: IQueue;
  /** Retries of a failed asynchronous invocation (Lambda's default is 2). */
  asyncRetryAttempts?: number;
  /**
   * Concurrency set aside for this function, and its most at once; none reserved when unset (it
   * shares the account's unreserved pool).
   */
  reservedConcurrency?: number;
}

export class HeraldFunction extends Construct {
  readonly fn: lambda.Function;
  readonly logGroup: LogGroup;
  readonly errorAlarm: Alarm;

  constructor(scope: Construct, id: string, props: HeraldFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.serviceName}: its log group and what the stack grants it`,
    });
    this.logGroup.grantWrite(role);
    const logGroupId = Stack.of(this).getLogicalId(this.logGroup.node.defaultChild as CfnLogGroup);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logGroupId}.Arn>:*]`,
      reason: 'Lambda names its log streams at run time; the grant is limited to this function’s log group.',
    });
    const environment: Record<string, string> = {
      ...props.environment,
      [POWERTOOLS_SERVICE_NAME]: props.serviceName,
    };
    if (props.bundle.assets.length > 0) environment[ENV.chartAssetsDir] = `/var/task/${CHART_ASSETS_DIR}`;
    this.fn = new lambda.Function(this, 'Function', {
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(props.bundle.dir),
      memorySize: props.memoryMb,
      timeout: props.timeout,
      role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment,
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: props.asyncRetryAttempts,
      reservedConcurrentExecutions: props.reservedConcurrency,
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Herald targets the Node.js 22 runtime on purpose (the project’s tested runtime).',
    });
    const alarm = props.errorAlarm ?? {};
    this.errorAlarm = new Alarm(this, 'Errors', {
      alarmDescription: `${props.serviceName} failed (errors, timeouts or crashes)`,
      metric: this.fn.metricErrors({ period: alarm.period ?? Duration.minutes(5), statistic: 'Sum' }),
      threshold: alarm.threshold ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: alarm.evaluationPeriods ?? 1,
      datapointsToAlarm: alarm.datapointsToAlarm ?? 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.errorAlarm.addAlarmAction(props.alarmAction);
  }
}
