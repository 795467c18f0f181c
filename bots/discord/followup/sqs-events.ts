/** The SQS event the follow-up Lambda receives, and the partial-batch answer it gives. */
export interface SqsEvent {
  Records: Array<{ messageId: string; body: string }>;
}

export interface SqsBatchResult {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}
