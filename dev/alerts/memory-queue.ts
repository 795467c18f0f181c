/**
 * The in-process job queue of `npm start`, the alerts CLI and the tests. It keeps SQS's semantics
 * that exactly-once delivery relies on: a received message is hidden,
 * not removed, until it is acknowledged, and comes back when its visibility timeout passes (the
 * receiver crashed); a message can be delayed. With a journal it survives its process: every
 * change is reported to the journal, which writes the messages down (`messages()`), and a new
 * queue starts from what was written. A send resolves only once the journal has it on disk, so a
 * retry the dispatcher re-enqueued before recording it is never lost.
 */
import type { JobQueue, OutgoingMessage } from '../../core/ports/job-queue.js';

export interface ReceivedMessage {
  id: string;
  body: string;
  /** Times this message has been received, this one included. */
  receiveCount: number;
}

/** A message as the journal keeps it: hidden or delayed until `visibleAtMs`, on the queue's clock. */
export interface QueuedMessage {
  id: string;
  body: string;
  visibleAtMs: number;
  receiveCount: number;
}

/** Where a durable queue reports its changes; it reads `messages()` when it writes. */
export interface QueueJournal {
  /** Resolves once the queue as it is now (or later) is written down; rejects when it cannot be. */
  changed(): Promise<void>;
}

export interface MemoryQueueOptions {
  journal?: QueueJournal;
  /** Messages a previous queue left, from its journal. */
  restored?: readonly QueuedMessage[];
}

interface Stored extends QueuedMessage {
  /** Receipt of the latest receive; an ack with an older receipt is ignored. */
  receipt: number;
}

export class MemoryQueue implements JobQueue {
  private readonly stored = new Map<string, Stored>();
  private readonly journal: QueueJournal | undefined;
  private nextId = 0;
  private nextReceipt = 0;
  sent = 0;

  constructor(
    private readonly now: () => number = Date.now,
    options: MemoryQueueOptions = {},
  ) {
    this.journal = options.journal;
    for (const m of options.restored ?? []) {
      this.stored.set(m.id, { ...m, receipt: 0 });
      this.nextId = Math.max(this.nextId, Number(/^m(\d+)$/.exec(m.id)?.[1] ?? 0));
    }
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    const at = this.now();
    for (const m of messages) {
      const id = `m${++this.nextId}`;
      this.stored.set(id, {
        id,
        body: m.body,
        visibleAtMs: at + Math.max(0, m.delayMs ?? 0),
        receiveCount: 0,
        receipt: 0,
      });
      this.sent += 1;
    }
    await this.journal?.changed();
  }

  /** Up to `max` visible messages, hidden for `visibilityMs` until acknowledged. */
  receive(max: number, visibilityMs: number): Array<ReceivedMessage & { receipt: number }> {
    const at = this.now();
    const out: Array<ReceivedMessage & { receipt: number }> = [];
    for (const m of this.stored.values()) {
      if (out.length >= max) break;
      if (m.visibleAtMs > at) continue;
      m.visibleAtMs = at + visibilityMs;
      m.receiveCount += 1;
      m.receipt = ++this.nextReceipt;
      out.push({ id: m.id, body: m.body, receiveCount: m.receiveCount, receipt: m.receipt });
    }
    if (out.length > 0) this.noteChange();
    return out;
  }

  ack(id: string, receipt: number): boolean {
    const m = this.stored.get(id);
    if (!m || m.receipt !== receipt) return false;
    this.stored.delete(id);
    this.noteChange();
    return true;
  }

  /** Messages not yet acknowledged (visible or not). */
  size(): number {
    return this.stored.size;
  }

  /** Every message not yet acknowledged, as the journal keeps them. */
  messages(): QueuedMessage[] {
    return [...this.stored.values()].map(({ id, body, visibleAtMs, receiveCount }) => ({
      id,
      body,
      visibleAtMs,
      receiveCount,
    }));
  }

  /** Ms until the next hidden or delayed message becomes visible; null when empty, 0 when one is visible. */
  nextVisibleInMs(): number | null {
    let best: number | null = null;
    const at = this.now();
    for (const m of this.stored.values()) {
      const wait = Math.max(0, m.visibleAtMs - at);
      if (best === null || wait < best) best = wait;
    }
    return best;
  }

  /**
   * A receive or an ack need not wait for the journal: a receive lost in a crash makes the message
   * visible again sooner (its record's lease still guards it), an ack lost makes it come back
   * once more (its records say it was done). The journal reports its own failures.
   */
  private noteChange(): void {
    this.journal?.changed().catch(() => undefined);
  }
}
