/**
 * An SQS queue with its dead-letter queue, both encrypted (SSE-SQS) and TLS-only. `grantSend` sets
 * the send permission and the queue-URL variable together; `consumeWith` makes a Lambda its
 * consumer with partial batch failures. The dead-letter queue's depth is watched by the stack's
 * one dead-letter alarm (herald-alarms.ts).
 */
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { EnvName } from '../../core/config/env-names.js';

export interface WorkQueueProps {
  /** The variable that carries the queue URL to its senders. */
  urlEnv: EnvName;
  /** At least six times the consumer's timeout, as Lambda's SQS guidance asks. */
  visibilityTimeout: Duration;
  /** Receives before a message goes to the dead-letter queue. */
  maxReceiveCount: number;
}

/** A dead-letter queue: kept 14 days, encrypted, TLS only. */
export function deadLetterQueue(scope: Construct, id: string): Queue {
  return new Queue(scope, id, {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
}

export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly dlq: Queue;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: WorkQueueProps,
  ) {
    super(scope, id);
    this.dlq = deadLetterQueue(this, 'DeadLetters');
    this.queue = new Queue(this, 'Queue', {
      visibilityTimeout: props.visibilityTimeout,
      retentionPeriod: Duration.days(4),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.dlq, maxReceiveCount: props.maxReceiveCount },
    });
  }

  grantSend(fn: lambda.Function): void {
    this.queue.grantSendMessages(fn);
    fn.addEnvironment(this.props.urlEnv, this.queue.queueUrl);
  }

  /** `maxConcurrency` caps the invocations the event source runs at once (2 to 1,000; default none). */
  consumeWith(fn: lambda.Function, batchSize: number, maxConcurrency?: number): void {
    fn.addEventSource(
      new SqsEventSource(this.queue, { batchSize, maxConcurrency, reportBatchItemFailures: true }),
    );
  }
}
