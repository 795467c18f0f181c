/**
 * One Herald Lambda: Node 22 on arm64, code from a local esbuild bundle, JSON logs into its own log
 * group with a retention, a role that may write only to that log group (no managed policy), and a
 * metric filter that counts its failed invocations into the stack's one failure metric
 * (herald-alarms.ts). An asynchronously invoked function sends what still fails after its retries
 * to its on-failure destination. Permissions and environment come from the other constructs' grants.
 */
import { type Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import {
  type CfnLogGroup,
  FilterPattern,
  LogGroup,
  MetricFilter,
  type RetentionDays,
} from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../core/config/env-names.js';
import { type BundleResult, CHART_ASSETS_DIR } from '../bundling/bundle.js';

/** Powertools Logger reads its service name from this variable (Powertools' name, not Herald's). */
const POWERTOOLS_SERVICE_NAME = 'POWERTOOLS_SERVICE_NAME';

/**
 * The one metric every function's failed invocations are counted into: Lambda's report line of an
 * invocation that ended in an error, a timeout or a crash (out of memory included) matches. No
 * dimension, so it is one metric for one alarm; published only when something failed, so CloudWatch
 * bills it only for those hours.
 */
export const FAILURE_METRIC = { namespace: 'Herald', name: 'FunctionFailures' } as const;

/** Lambda's JSON report line of every invocation (`platform.report`), unless it succeeded. */
export const FAILED_INVOCATION_PATTERN = FilterPattern.all(
  FilterPattern.stringValue('$.type', '=', 'platform.report'),
  FilterPattern.stringValue('$.record.status', '!=', 'success'),
);

/** How an asynchronously invoked function retries, and where what still fails goes. */
export interface AsyncInvokeProps {
  /** Lambda's retries of a failed invocation (0 to 2). */
  retryAttempts: number;
  /** An event older than this is not run (any more) but sent to `onFailure`. */
  maxEventAge: Duration;
  /** The dead-letter queue (nothing polls it; the dead-letter alarm watches its depth). */
  onFailure: IQueue;
}

export interface HeraldFunctionProps {
  bundle: BundleResult;
  description: string;
  /** Powertools Logger service name, e.g. `herald-snapshot`. */
  serviceName: string;
  memoryMb: number;
  timeout: Duration;
  logRetention: RetentionDays;
  environment?: Record<string, string>;
  /** For a function invoked asynchronously (by a schedule or another function). */
  async?: AsyncInvokeProps;
  /**
   * Concurrency set aside for this function, and its most at once; none reserved when unset (it
   * shares the account's unreserved pool).
   */
  reservedConcurrency?: number;
}

export class HeraldFunction extends Construct {
  readonly fn: lambda.Function;
  readonly logGroup: LogGroup;
  readonly failureFilter: MetricFilter;

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
      // INFO keeps Lambda's report line of each invocation (~0.5 KB), which the failure filter reads.
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      environment,
      retryAttempts: props.async?.retryAttempts,
      maxEventAge: props.async?.maxEventAge,
      onFailure: props.async ? new SqsDestination(props.async.onFailure) : undefined,
      reservedConcurrentExecutions: props.reservedConcurrency,
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Herald targets the Node.js 22 runtime on purpose (the project’s tested runtime).',
    });
    this.failureFilter = new MetricFilter(this, 'Failures', {
      logGroup: this.logGroup,
      filterPattern: FAILED_INVOCATION_PATTERN,
      metricNamespace: FAILURE_METRIC.namespace,
      metricName: FAILURE_METRIC.name,
      metricValue: '1',
    });
  }
}
