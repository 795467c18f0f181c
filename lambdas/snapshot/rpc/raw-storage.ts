/**
 * Bulk storage reads at one pinned block: keys by prefix with `state_getKeysPaged`, values in large
 * batches with `state_queryStorageAt`, a bounded number of requests in flight. Every request is
 * counted, so the snapshot can report (and the bench can compare) its RPC cost.
 */
export type Send = (method: string, params: unknown[]) => Promise<unknown>;

export interface RawStorageOptions {
  /** Keys per `state_getKeysPaged` call; nodes cap it at 1,000. */
  keyPage?: number;
  /** Keys per `state_queryStorageAt` call. */
  valueBatch?: number;
  /** Requests in flight at once. */
  concurrency?: number;
}

type Change = [string, string | null];
type ChangeSet = { block: string; changes: Change[] };

export class RawStorage {
  requests = 0;
  private readonly keyPage: number;
  private readonly valueBatch: number;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly sendRaw: Send,
    readonly at: string,
    options: RawStorageOptions = {},
  ) {
    this.keyPage = options.keyPage ?? 1000;
    this.valueBatch = options.valueBatch ?? 2000;
    this.concurrency = options.concurrency ?? 6;
  }

  private readonly concurrency: number;

  async send<T>(method: string, params: unknown[]): Promise<T> {
    while (this.inFlight >= this.concurrency)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    this.requests++;
    try {
      return (await this.sendRaw(method, params)) as T;
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  /** Every key under `prefix`, in key order. */
  async keys(prefix: string): Promise<string[]> {
    const out: string[] = [];
    let start = prefix;
    for (;;) {
      const page = await this.send<string[]>('state_getKeysPaged', [prefix, this.keyPage, start, this.at]);
      out.push(...page);
      if (page.length < this.keyPage) return out;
      start = page[page.length - 1]!;
    }
  }

  /** Values for `keys`, in the same order; null where nothing is stored. */
  async values(keys: readonly string[]): Promise<Array<string | null>> {
    const batches: Array<Promise<ChangeSet[]>> = [];
    for (let i = 0; i < keys.length; i += this.valueBatch) {
      batches.push(
        this.send<ChangeSet[]>('state_queryStorageAt', [keys.slice(i, i + this.valueBatch), this.at]),
      );
    }
    const found = new Map<string, string | null>();
    for (const sets of await Promise.all(batches)) {
      for (const set of sets) for (const [k, v] of set.changes) found.set(k, v);
    }
    return keys.map((k) => found.get(k) ?? null);
  }

  async value(key: string): Promise<string | null> {
    return (await this.send<string | null>('state_getStorage', [key, this.at])) ?? null;
  }

  /** All `[key, value]` pairs under `prefix`. */
  async entries(prefix: string): Promise<Array<[string, string]>> {
    const keys = await this.keys(prefix);
    const values = await this.values(keys);
    const out: Array<[string, string]> = [];
    for (let i = 0; i < keys.length; i++) {
      const v = values[i];
      if (v != null) out.push([keys[i]!, v]);
    }
    return out;
  }
}
