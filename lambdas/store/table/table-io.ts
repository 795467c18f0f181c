/**
 * Thin, counted access to the table: single-item calls, Query pagination, and BatchWriteItem /
 * BatchGetItem with retries of unprocessed items. Every SDK error becomes a store error here.
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { StoreError, StoreUnavailableError } from './errors.js';
import { type ItemKey, keyString } from './keys.js';

export type Item = Record<string, unknown>;
export type WriteCategory = 'version' | 'cleanup' | 'reaped' | 'blob';

/** Counts of item writes by purpose, and of read requests. */
export class WriteTally {
  readonly writes: Record<WriteCategory, number> = {
    version: 0,
    cleanup: 0,
    reaped: 0,
    blob: 0,
  };
  reads = 0;
  add(category: WriteCategory, items: number): void {
    this.writes[category] += items;
  }
}

export interface TableIoOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  concurrency?: number;
}

export type WriteRequest = { put: Item } | { delete: ItemKey };

/** A condition on a single-item write, with the names and values its expression uses. */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

const UNAVAILABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'ETIMEDOUT',
]);

export class TableIo {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  readonly concurrency: number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
    options: TableIoOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.baseDelayMs = options.baseDelayMs ?? 50;
    this.concurrency = options.concurrency ?? 4;
  }

  async get(key: ItemKey, consistent: boolean, tally?: WriteTally): Promise<Item | undefined> {
    const out = await this.call('GetItem', () =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: consistent })),
    );
    if (tally) tally.reads++;
    return out.Item;
  }

  /** Puts one item; with a condition, returns false when the condition does not hold. */
  async put(
    item: Item,
    tally: WriteTally,
    category: WriteCategory,
    condition?: string | Condition,
  ): Promise<boolean> {
    const c = typeof condition === 'string' ? { expression: condition } : condition;
    return this.conditional('PutItem', tally, category, () =>
      this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: c?.expression,
          ExpressionAttributeNames: c?.names,
          ExpressionAttributeValues: c?.values,
        }),
      ),
    );
  }

  /** Updates one item; returns undefined when the condition does not hold, else the returned image ({} for NONE). */
  async update(
    input: Omit<UpdateCommandInput, 'TableName'>,
    tally: WriteTally,
    category: WriteCategory,
  ): Promise<Item | undefined> {
    let result: Item | undefined;
    const ok = await this.conditional('UpdateItem', tally, category, async () => {
      const out = await this.doc.send(
        new UpdateCommand({ ReturnValues: 'NONE', ...input, TableName: this.tableName }),
      );
      result = out.Attributes ?? {};
    });
    return ok ? result : undefined;
  }

  /** Deletes one item; with a condition, returns false when the condition does not hold. */
  async delete(
    key: ItemKey,
    tally: WriteTally,
    category: WriteCategory,
    condition?: Condition,
  ): Promise<boolean> {
    return this.conditional('DeleteItem', tally, category, () =>
      this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key,
          ConditionExpression: condition?.expression,
          ExpressionAttributeNames: condition?.names,
          ExpressionAttributeValues: condition?.values,
        }),
      ),
    );
  }

  /** Runs a Query to the end (or until `stop` says enough), page by page. */
  async query(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
    tally: WriteTally | undefined,
    stop?: (items: Item[]) => boolean,
  ): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.call('Query', () =>
        this.doc.send(new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: start })),
      );
      if (tally) tally.reads++;
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
      if (stop?.(items)) break;
    } while (start);
    return items;
  }

  /** BatchWriteItem in groups of 25, a few groups at a time, retrying unprocessed items with backoff. */
  async batchWrite(requests: WriteRequest[], tally: WriteTally, category: WriteCategory): Promise<void> {
    const groups: WriteRequest[][] = [];
    for (let i = 0; i < requests.length; i += 25) groups.push(requests.slice(i, i + 25));
    await runPool(groups, this.concurrency, async (group) => {
      let pending = group.map((r) =>
        'put' in r ? { PutRequest: { Item: r.put } } : { DeleteRequest: { Key: r.delete } },
      );
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= this.maxAttempts) {
          throw new StoreUnavailableError(
            `${pending.length} writes still unprocessed after ${attempt} attempts`,
          );
        }
        if (attempt > 0) await this.backoff(attempt);
        const batch = pending;
        const out = await this.call('BatchWriteItem', () =>
          this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: batch } })),
        );
        const left = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
        tally.add(category, batch.length - left.length);
        pending = left;
      }
    });
  }

  /** BatchGetItem in groups of 100, retrying unprocessed keys; returns items by key. */
  async batchGet(keys: ItemKey[], consistent: boolean, tally?: WriteTally): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    const groups: ItemKey[][] = [];
    for (let i = 0; i < keys.length; i += 100) groups.push(keys.slice(i, i + 100));
    await runPool(groups, this.concurrency, async (group) => {
      let pending: Record<string, unknown>[] = group.map((k) => ({ pk: k.pk, sk: k.sk }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= this.maxAttempts) {
          throw new StoreUnavailableError(
            `${pending.length} reads still unprocessed after ${attempt} attempts`,
          );
        }
        if (attempt > 0) await this.backoff(attempt);
        const batch = pending;
        const out = await this.call('BatchGetItem', () =>
          this.doc.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: batch, ConsistentRead: consistent } },
            }),
          ),
        );
        if (tally) tally.reads++;
        for (const item of out.Responses?.[this.tableName] ?? []) {
          found.set(keyString({ pk: String(item.pk), sk: String(item.sk) }), item);
        }
        pending = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    });
    return found;
  }

  private async conditional(
    op: string,
    tally: WriteTally,
    category: WriteCategory,
    send: () => Promise<unknown>,
  ): Promise<boolean> {
    try {
      await send();
      tally.add(category, 1);
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw this.mapError(op, error);
    }
  }

  private async call<T>(op: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw this.mapError(op, error);
    }
  }

  private backoff(attempt: number): Promise<void> {
    const cap = Math.min(2_000, this.baseDelayMs * 2 ** attempt);
    return new Promise((resolve) => setTimeout(resolve, cap / 2 + Math.random() * (cap / 2)));
  }

  mapError(op: string, error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const err = error as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
    const name = err?.name ?? 'Error';
    const text = `${op} on table ${this.tableName} failed: ${name}: ${err?.message ?? String(error)}`;
    if (name === 'ResourceNotFoundException') {
      return new StoreUnavailableError(`table ${this.tableName} does not exist (${op})`, { cause: error });
    }
    const status = err?.$metadata?.httpStatusCode;
    if (
      UNAVAILABLE.has(name) ||
      (err?.code && UNAVAILABLE.has(err.code)) ||
      status === undefined ||
      status >= 500
    ) {
      return new StoreUnavailableError(text, { cause: error });
    }
    return new StoreError(text, { cause: error });
  }
}

/** Runs `work` over `items` with at most `limit` in flight; the first failure rejects. */
export async function runPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
