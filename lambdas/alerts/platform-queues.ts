/** The dispatch queues, one per platform (SQS queues on AWS, in-process ones under `npm start`). */
import type { JobQueue, OutgoingMessage } from '../../core/ports/job-queue.js';
import type { Platform } from '../../core/ports/notifier.js';

/** Messages a queue takes in one request (SQS's SendMessageBatch takes ten). */
const BATCH = 10;
/** Batches in flight at once: a fan-out to 100,000 targets is 10,000 batches. */
const BATCHES_AT_ONCE = 16;

/**
 * One queue per platform, so a platform's backlog (Telegram sends 30 a second, Discord 50) never
 * holds up the other's dispatchers; messages without a platform go to the fallback. A large send
 * goes out as batches of ten, sixteen at a time, so a fan-out to every subscriber is enqueued in
 * seconds rather than one round trip per ten jobs.
 */
export class PlatformQueues implements JobQueue {
  constructor(
    private readonly routes: Partial<Record<Platform, JobQueue>>,
    private readonly fallback?: JobQueue,
  ) {}

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    const groups = new Map<JobQueue, OutgoingMessage[]>();
    for (const m of messages) {
      const queue = (m.platform && this.routes[m.platform]) || this.fallback;
      if (!queue) throw new Error(`no dispatch queue for platform ${String(m.platform)}`);
      let list = groups.get(queue);
      if (!list) {
        list = [];
        groups.set(queue, list);
      }
      list.push(m);
    }
    const batches: Array<{ queue: JobQueue; list: OutgoingMessage[] }> = [];
    for (const [queue, list] of groups)
      for (let i = 0; i < list.length; i += BATCH) batches.push({ queue, list: list.slice(i, i + BATCH) });
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const b = batches[next++]!;
        await b.queue.send(b.list);
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCHES_AT_ONCE, batches.length) }, worker));
  }
}
