/**
 * What the stack deploys that AWS bills by count, for the cost model (`npm run cost`): each
 * function's memory and what invokes it, the alarms and the metrics each reads, the queues and
 * whether anything polls them, the schedules and their rates, and the log lines Lambda adds per
 * invocation. Pure data at the default settings (`herald:snapshotEveryMinutes` 5,
 * `herald:alertCheckEveryMinutes` 15); test/infra checks it against the synthesized template.
 */
import { ALERT_SIZING, BOT_SIZING, FOLLOWUP_INVOKE, SNAPSHOT_SIZING, WORKER_SIZING } from './sizing.js';

const MINUTES_A_MONTH = (365 * 24 * 60) / 12;
const perMonth = (everyMinutes: number) => Math.round(MINUTES_A_MONTH / everyMinutes);

export type InvokedBy =
  | 'schedule'
  | 'snapshot (asynchronous, after each commit)'
  | 'Function URL (Telegram webhook)'
  | 'Function URL (Discord interactions)'
  | 'discordInteractions (asynchronous, each deferred answer)'
  | 'SQS event source (alert dispatch queue)';

export interface FunctionCost {
  memoryMb: number;
  timeoutSeconds: number;
  invokedBy: InvokedBy[];
  /** Reserved concurrency (none: the account's unreserved pool). */
  reservedConcurrency?: number;
  /** Asynchronous invocations: Lambda's retries of a failed one, and the oldest event it still runs. */
  async?: { retryAttempts: number; maxEventAgeMinutes: number };
}

export const SCHEDULES = {
  snapshot: { everyMinutes: 5, invocationsPerMonth: perMonth(5), target: 'snapshot' },
  alertCheck: { everyMinutes: 15, invocationsPerMonth: perMonth(15), target: 'alertDetector' },
} as const;

export const COST_INPUTS = {
  /** Lambda arm64; GB-s are billed at memoryMb / 1024 × duration. */
  functions: {
    snapshot: {
      memoryMb: SNAPSHOT_SIZING.memoryMb,
      timeoutSeconds: SNAPSHOT_SIZING.timeoutSeconds,
      invokedBy: ['schedule'],
      reservedConcurrency: SNAPSHOT_SIZING.reservedConcurrency,
      async: { retryAttempts: 0, maxEventAgeMinutes: SCHEDULES.snapshot.everyMinutes },
    },
    alertDetector: {
      memoryMb: ALERT_SIZING.detectorMemoryMb,
      timeoutSeconds: ALERT_SIZING.detectorTimeoutSeconds,
      invokedBy: ['snapshot (asynchronous, after each commit)', 'schedule'],
      async: {
        retryAttempts: ALERT_SIZING.detectorRetryAttempts,
        maxEventAgeMinutes: ALERT_SIZING.detectorMaxEventAgeMinutes,
      },
    },
    alertDispatcher: {
      memoryMb: ALERT_SIZING.dispatcherMemoryMb,
      timeoutSeconds: ALERT_SIZING.dispatcherTimeoutSeconds,
      invokedBy: ['SQS event source (alert dispatch queue)'],
      reservedConcurrency: ALERT_SIZING.dispatchMaxConcurrency,
    },
    telegramWebhook: {
      memoryMb: WORKER_SIZING.memoryMb,
      timeoutSeconds: WORKER_SIZING.timeoutSeconds,
      invokedBy: ['Function URL (Telegram webhook)'],
    },
    discordInteractions: {
      memoryMb: BOT_SIZING.memoryMb,
      timeoutSeconds: BOT_SIZING.timeoutSeconds,
      invokedBy: ['Function URL (Discord interactions)'],
    },
    discordFollowup: {
      memoryMb: WORKER_SIZING.memoryMb,
      timeoutSeconds: WORKER_SIZING.timeoutSeconds,
      invokedBy: ['discordInteractions (asynchronous, each deferred answer)'],
      async: { ...FOLLOWUP_INVOKE },
    },
  } satisfies Record<string, FunctionCost>,
  schedules: SCHEDULES,
  /**
   * CloudWatch bills $0.10 a month per metric an alarm reads (a metric-math alarm: each metric in
   * its expression). `custom`: a metric Herald publishes itself, billed only for the hours it has data.
   */
  alarms: [
    {
      name: 'Failures',
      metrics: [{ metric: 'Herald/FunctionFailures (log metric filter, every function)', custom: true }],
    },
    {
      name: 'DeadLetters',
      metrics: [
        { metric: 'AWS/SQS ApproximateNumberOfMessagesVisible (FailedInvocations)', custom: false },
        { metric: 'AWS/SQS ApproximateNumberOfMessagesVisible (alert dispatch dead letters)', custom: false },
      ],
    },
    {
      name: 'SnapshotStale',
      metrics: [{ metric: 'AWS/Lambda Invocations (snapshot)', custom: false }],
    },
  ],
  /**
   * `polled`: a Lambda event source long-polls it all month, whether or not anything waits (about
   * 5 pollers × 3 ReceiveMessage a minute = ~657,000 requests a month, $0.26). A dead-letter queue
   * is only read by an operator.
   */
  queues: [
    { name: 'alert dispatch', polled: true, idlePollRequestsPerMonth: 657_000 },
    { name: 'alert dispatch dead letters', polled: false, idlePollRequestsPerMonth: 0 },
    { name: 'failed invocations (dead letters)', polled: false, idlePollRequestsPerMonth: 0 },
  ],
  /**
   * SQS requests per dispatch job: SendMessageBatch carries 10, the event source receives up to 10
   * and deletes them in one batch; a retry or a quiet-hours deferral is one more job.
   */
  sqsRequestsPerDispatchJob: 0.3,
  /** Lambda's own JSON lines per invocation at system log level INFO (start, runtime done, report). */
  platformLogBytesPerInvocation: 1_000,
  /** Replaced: what the stack had before (for the README's before/after). */
  before: { alarmMetrics: 12, alarms: 11, polledQueues: 3 },
} as const;
