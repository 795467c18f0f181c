/** Where dispatch jobs go: a queue per platform (SQS in AWS, in-process locally and in tests). */
import type { Platform } from './notifier.js';

export interface OutgoingMessage {
  body: string;
  /** Deliver no earlier than this many ms from now (SQS caps it at 15 min). */
  delayMs?: number;
  /** The platform the job sends to: each platform has its own rate limits, so its own queue. */
  platform?: Platform;
}

export interface JobQueue {
  send(messages: readonly OutgoingMessage[]): Promise<void>;
}
