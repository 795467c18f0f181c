/**
 * The in-process job queue of `npm start`, the alerts CLI and the tests. It keeps SQS's semantics
 * that exactly-once delivery relies on: a received message is hidden,
 * not removed, until it is acknowledged, and comes back when its visibility timeout passes (the
 * receiver crashed); a message can be delayed.
 */
import type { JobQueue, OutgoingMessage } from '../../core/ports/job-queue.js';

export interface ReceivedMessage {
  id: string;
  body: string;
  /** Times this message has been received, this one included. */
  receiveCount: number;
}

interface Stored {
  id: string;
  body: string;
  visibleAtMs: number;
  receiveCount: number;
  /** Receipt of the latest receive; an ack with an older receipt is ignored. */
  receipt: number;
}

export class MemoryQueue implements JobQueue {
  private readonly messages = new Map<string, Stored>();
  private nextId = 0;
  private nextReceipt = 0;
  sent = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    const at = this.now();
    for (const m of messages) {
      const id = `m${++this.nextId}`;
      this.messages.set(id, {
        id,
        body: m.body,
        visibleAtMs: at + Math.max(0, m.delayMs ?? 0),
        receiveCount: 0,
        receipt: 0,
      });
      this.sent += 1;
    }
  }

  /** Up to `max` visible messages, hidden for `visibilityMs` until acknowledged. */
  receive(max: number, visibilityMs: number): Array<ReceivedMessage & { receipt: number }> {
    const at = this.now();
    const out: Array<ReceivedMessage & { receipt: number }> = [];
    for (const m of this.messages.values()) {
      if (out.length >= max) break;
      if (m.visibleAtMs > at) continue;
      m.visibleAtMs = at + visibilityMs;
      m.receiveCount += 1;
      m.receipt = ++this.nextReceipt;
      out.push({ id: m.id, body: m.body, receiveCount: m.receiveCount, receipt: m.receipt });
    }
    return out;
  }

  ack(id: string, receipt: number): boolean {
    const m = this.messages.get(id);
    if (!m || m.receipt !== receipt) return false;
    this.messages.delete(id);
    return true;
  }

  /** Messages not yet acknowledged (visible or not). */
  size(): number {
    return this.messages.size;
  }

  /** Ms until the next hidden or delayed message becomes visible; null when empty, 0 when one is visible. */
  nextVisibleInMs(): number | null {
    let best: number | null = null;
    const at = this.now();
    for (const m of this.messages.values()) {
      const wait = Math.max(0, m.visibleAtMs - at);
      if (best === null || wait < best) best = wait;
    }
    return best;
  }
}
