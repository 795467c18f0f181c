export * from './batch.js';
export * from './followup.js';
export * from './invocation.js';
export * from './job.js';
export * from './queues.js';
export * from './sqs-events.js';
