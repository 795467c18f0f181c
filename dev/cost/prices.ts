/**
 * AWS list prices the cost model bills with: us-east-1, on-demand, arm64 Lambda, free tier left
 * out (so the bill holds for an account that has used it up). Checked against the AWS pricing
 * pages in December 2026; DynamoDB's on-demand prices are those after the November 2024 cut.
 */
export const PRICES = {
  /** Lambda arm64, per GB-second of duration. */
  lambdaGbSecond: 0.0000133334,
  /** Lambda, per request. */
  lambdaRequest: 0.2 / 1e6,
  /** DynamoDB on-demand, per write request unit (1 KB). */
  dynamoWriteUnit: 0.625 / 1e6,
  /** DynamoDB on-demand, per read request unit (4 KB strongly consistent, 8 KB eventually). */
  dynamoReadUnit: 0.125 / 1e6,
  /** DynamoDB Standard table class, per GB-month stored. */
  dynamoStorageGbMonth: 0.25,
  /** Point-in-time recovery (continuous backups), per GB-month of table size. */
  dynamoPitrGbMonth: 0.2,
  /** SQS standard queue, per request (each API call, up to 10 messages). */
  sqsRequest: 0.4 / 1e6,
  /** CloudWatch, per standard-resolution alarm metric a month (a metric-math alarm pays per metric it reads). */
  cloudwatchAlarmMetric: 0.1,
  /** CloudWatch Logs ingestion, per GB. */
  cloudwatchLogsGb: 0.5,
  /** EventBridge Scheduler, per invocation. */
  schedulerInvocation: 1.0 / 1e6,
  /** KMS, per request (the `aws/ssm` key decrypting the bot secrets; the key itself is free). */
  kmsRequest: 0.03 / 1e4,
} as const;

/** Minutes in an average month (365 days / 12). */
export const MINUTES_PER_MONTH = (365 * 24 * 60) / 12;
