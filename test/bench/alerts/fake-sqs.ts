/**
 * A fake SQS on 127.0.0.1 speaking the JSON protocol the AWS SDK uses (`X-Amz-Target:
 * AmazonSQS.<Action>`), for the alerts benchmark: SendMessage(Batch) with DelaySeconds,
 * ReceiveMessage with a visibility timeout and long polling, DeleteMessage(Batch) and
 * ChangeMessageVisibility. A received message stays hidden, not removed, until deleted, and comes
 * back when its visibility timeout passes, as SQS's does. Every request is counted by action, since
 * SQS bills requests (a request of up to 10 messages and 64 KB counts once per 64 KB).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Message {
  id: string;
  body: string;
  visibleAtMs: number;
  receipt: string;
  receiveCount: number;
}

/** A min-heap of (visible time, message id, receipt): stale entries are skipped when popped. */
class DueHeap {
  private readonly items: Array<[number, string, string]> = [];
  push(entry: [number, string, string]): void {
    const a = this.items;
    a.push(entry);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]![0] <= a[i]![0]) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  peek(): [number, string, string] | undefined {
    return this.items[0];
  }
  pop(): [number, string, string] | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]![0] < a[m]![0]) m = l;
        if (r < a.length && a[r]![0] < a[m]![0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

class FakeQueue {
  readonly messages = new Map<string, Message>();
  private readonly due = new DueHeap();
  /** Visible messages in the order they became visible (ids; deleted or re-hidden ones skipped). */
  private ready: string[] = [];
  private head = 0;

  add(body: string, delayMs: number, now: number): string {
    const id = randomUUID();
    const m: Message = { id, body, visibleAtMs: now + delayMs, receipt: '', receiveCount: 0 };
    this.messages.set(id, m);
    if (delayMs > 0) this.due.push([m.visibleAtMs, id, '']);
    else this.ready.push(id);
    return id;
  }

  receive(max: number, visibilityMs: number, now: number): Message[] {
    for (let top = this.due.peek(); top && top[0] <= now; top = this.due.peek()) {
      this.due.pop();
      const m = this.messages.get(top[1]);
      if (m && m.receipt === top[2] && m.visibleAtMs === top[0]) this.ready.push(m.id);
    }
    const out: Message[] = [];
    while (out.length < max && this.head < this.ready.length) {
      const m = this.messages.get(this.ready[this.head++]!);
      if (!m || m.visibleAtMs > now) continue;
      m.receipt = randomUUID();
      m.receiveCount += 1;
      m.visibleAtMs = now + visibilityMs;
      this.due.push([m.visibleAtMs, m.id, m.receipt]);
      out.push(m);
    }
    if (this.head > 10_000) {
      this.ready = this.ready.slice(this.head);
      this.head = 0;
    }
    return out;
  }

  delete(receipt: string): boolean {
    const id = receipt.split('/')[0]!;
    const m = this.messages.get(id);
    if (!m || m.receipt !== receipt.slice(id.length + 1)) return false;
    this.messages.delete(id);
    return true;
  }

  changeVisibility(receipt: string, visibilityMs: number, now: number): boolean {
    const id = receipt.split('/')[0]!;
    const m = this.messages.get(id);
    if (!m || m.receipt !== receipt.slice(id.length + 1)) return false;
    m.visibleAtMs = now + visibilityMs;
    this.due.push([m.visibleAtMs, m.id, m.receipt]);
    return true;
  }
}

export interface FakeSqs {
  endpoint: string;
  /** The URL of a queue (created on first use). */
  queueUrl(name: string): string;
  /** Requests answered, by action. */
  requests(): Record<string, number>;
  /** Messages not yet deleted, per queue. */
  depth(): Record<string, number>;
  close(): Promise<void>;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

export async function startFakeSqs(): Promise<FakeSqs> {
  const queues = new Map<string, FakeQueue>();
  const counts: Record<string, number> = {};
  const queueOf = (url: unknown): FakeQueue => {
    const name = String(url).split('/').pop() ?? '';
    let q = queues.get(name);
    if (!q) {
      q = new FakeQueue();
      queues.set(name, q);
    }
    return q;
  };
  const handle = async (action: string, input: Record<string, unknown>): Promise<unknown> => {
    const now = Date.now();
    const q = queueOf(input.QueueUrl);
    switch (action) {
      case 'SendMessage': {
        const body = String(input.MessageBody);
        const id = q.add(body, Number(input.DelaySeconds ?? 0) * 1000, now);
        return { MessageId: id, MD5OfMessageBody: md5(body) };
      }
      case 'SendMessageBatch': {
        const entries = input.Entries as Array<{ Id: string; MessageBody: string; DelaySeconds?: number }>;
        if (!Array.isArray(entries) || entries.length === 0 || entries.length > 10)
          throw Object.assign(new Error('1 to 10 entries'), { type: 'TooManyEntriesInBatchRequest' });
        return {
          Successful: entries.map((e) => ({
            Id: e.Id,
            MessageId: q.add(e.MessageBody, Number(e.DelaySeconds ?? 0) * 1000, now),
            MD5OfMessageBody: md5(e.MessageBody),
          })),
          Failed: [],
        };
      }
      case 'ReceiveMessage': {
        const max = Math.min(10, Number(input.MaxNumberOfMessages ?? 1));
        const visibilityMs = Number(input.VisibilityTimeout ?? 30) * 1000;
        const waitMs = Number(input.WaitTimeSeconds ?? 0) * 1000;
        let got = q.receive(max, visibilityMs, now);
        while (got.length === 0 && Date.now() < now + waitMs) {
          await new Promise((r) => setTimeout(r, 25));
          got = q.receive(max, visibilityMs, Date.now());
        }
        return {
          Messages: got.map((m) => ({
            MessageId: m.id,
            ReceiptHandle: `${m.id}/${m.receipt}`,
            MD5OfBody: md5(m.body),
            Body: m.body,
            Attributes: { ApproximateReceiveCount: String(m.receiveCount) },
          })),
        };
      }
      case 'DeleteMessage':
        q.delete(String(input.ReceiptHandle));
        return {};
      case 'DeleteMessageBatch': {
        const entries = input.Entries as Array<{ Id: string; ReceiptHandle: string }>;
        for (const e of entries) q.delete(e.ReceiptHandle);
        return { Successful: entries.map((e) => ({ Id: e.Id })), Failed: [] };
      }
      case 'ChangeMessageVisibility':
        q.changeVisibility(String(input.ReceiptHandle), Number(input.VisibilityTimeout) * 1000, now);
        return {};
      default:
        throw Object.assign(new Error(`${action} is not faked`), { type: 'UnsupportedOperation' });
    }
  };
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const action = String(req.headers['x-amz-target'] ?? '').replace(/^AmazonSQS\./, '');
    counts[action] = (counts[action] ?? 0) + 1;
    try {
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const out = await handle(action, input);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(out));
    } catch (error) {
      const e = error as Error & { type?: string };
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(
        JSON.stringify({
          __type: `com.amazonaws.sqs#${e.type ?? 'InvalidParameterValue'}`,
          message: e.message,
        }),
      );
    }
  };
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    queueUrl: (name) => `${endpoint}/000000000000/${name}`,
    requests: () => ({ ...counts }),
    depth: () => Object.fromEntries([...queues].map(([name, q]) => [name, q.messages.size])),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
