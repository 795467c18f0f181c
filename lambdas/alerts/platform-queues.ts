/** The dispatch queues, one per platform (SQS queues on AWS, in-process ones under `npm start`). */
import type { JobQueue, OutgoingMessage } from '../../core/ports/job-queue.js';
import type { Platform } from '../../core/ports/notifier.js';

/**
 * One queue per platform, so a platform's backlog (Telegram sends 30 a second, Discord 50) never
 * holds up the other's dispatchers; messages without a platform go to the fallback.
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
      groups.set(queue, [...(groups.get(queue) ?? []), m]);
    }
    for (const [queue, list] of groups) await queue.send(list);
  }
}
