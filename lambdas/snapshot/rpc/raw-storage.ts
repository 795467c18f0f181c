/**
 * Bulk storage reads at one pinned block: keys by prefix with `state_getKeysPaged`, values in large
 * batches with `state_queryStorageAt`, a bounded number of requests in flight. Every request is
 * counted, so the snapshot can report (and the bench can compare) its RPC cost.
 *
 * Values asked for in the same turn of the event loop, by any of the readers sharing a `ValueBatcher`
 * (all the part readers of one block), go out together: the readers each ask for what they need,
 * and one `state_queryStorageAt` carries up to `valueBatch` keys of all of them.
 */
export type Send = (method: string, params: unknown[]) => Promise<unknown>;

export interface RawStorageOptions {
  /** Keys per `state_getKeysPaged` call; nodes cap it at 1,000. */
  keyPage?: number;
  /** Keys per `state_queryStorageAt` call. */
  valueBatch?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Shared with the other readers of the same block, so their value reads go out together. */
  batcher?: ValueBatcher;
}

type Change = [string, string | null];
type ChangeSet = { block: string; changes: Change[] };

interface Waiting {
  keys: readonly string[];
  storage: RawStorage;
  resolve(values: Map<string, string | null>): void;
  reject(error: unknown): void;
}

/** Gathers the value reads of one turn of the event loop at one block into shared batches. */
export class ValueBatcher {
  private waiting: Waiting[] = [];

  add(entry: Waiting): void {
    if (this.waiting.length === 0) setImmediate(() => this.flush());
    this.waiting.push(entry);
  }

  private flush(): void {
    const waiting = this.waiting;
    this.waiting = [];
    const first = waiting[0]!.storage;
    const all = [...new Set(waiting.flatMap((w) => w.keys))];
    const found = new Map<string, string | null>();
    const batches: Array<Promise<void>> = [];
    for (let i = 0; i < all.length; i += first.valueBatch) {
      const keys = all.slice(i, i + first.valueBatch);
      // Each batch counts once, for the first reader whose keys it carries.
      const owner = waiting.find((w) => w.keys.includes(keys[0]!))!.storage;
      batches.push(
        owner.send<ChangeSet[]>('state_queryStorageAt', [keys, first.at]).then((sets) => {
          for (const set of sets) for (const [k, v] of set.changes) found.set(k, v);
        }),
      );
    }
    Promise.all(batches).then(
      () => {
        for (const w of waiting) w.resolve(found);
      },
      (error) => {
        for (const w of waiting) w.reject(error);
      },
    );
  }
}

export class RawStorage {
  requests = 0;
  private readonly keyPage: number;
  readonly valueBatch: number;
  private readonly batcher: ValueBatcher;
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
    this.batcher = options.batcher ?? new ValueBatcher();
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
    if (keys.length === 0) return [];
    const found = await new Promise<Map<string, string | null>>((resolve, reject) =>
      this.batcher.add({ keys, storage: this, resolve, reject }),
    );
    return keys.map((k) => found.get(k) ?? null);
  }

  /** One value; it goes out with the other values asked for in the same turn. */
  async value(key: string): Promise<string | null> {
    return (await this.values([key]))[0] ?? null;
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
