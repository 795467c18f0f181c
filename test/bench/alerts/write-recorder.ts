/**
 * Write units per partition key per wall-clock second, as DynamoDB reports them for every write a
 * client sends (single-item writes carry their key; a BatchWriteItem's units are shared among its
 * items). DynamoDB holds a partition to 1,000 write units a second, and one partition key cannot
 * be split, so the hottest (key, second) of a run says whether it could be throttled. Each process
 * keeps the busiest keys of every second; the benchmark adds up what the processes report.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const SINGLE = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);

/** (second, partition key) → write units; the busiest keys of each second, kept per second. */
export type PartitionWrites = Record<string, number>;

function pkOf(value: unknown): string {
  const v = value as { S?: string } | string | undefined;
  return typeof v === 'string' ? v : String(v?.S ?? '?');
}

export class WriteRecorder {
  private current = -1;
  private units = new Map<string, number>();
  /** `<second>|<pk>` → units, for the busiest keys of each finished second. */
  private readonly kept = new Map<string, number>();

  constructor(private readonly keepPerSecond = 5) {}

  add(pk: string, units: number, atMs = Date.now()): void {
    const second = Math.floor(atMs / 1000);
    if (second !== this.current) this.roll(second);
    this.units.set(pk, (this.units.get(pk) ?? 0) + units);
  }

  private roll(second: number): void {
    const busiest = [...this.units].sort((a, b) => b[1] - a[1]).slice(0, this.keepPerSecond);
    for (const [pk, units] of busiest) this.kept.set(`${this.current}|${pk}`, units);
    this.units = new Map();
    this.current = second;
  }

  /** Every kept (second, key), the second in progress included. */
  report(): PartitionWrites {
    const out = Object.fromEntries(this.kept);
    for (const [pk, units] of this.units) out[`${this.current}|${pk}`] = units;
    return out;
  }
}

/** Records the write units of every request of `client` (it asks DynamoDB to report them). */
export function recordWrites(client: DynamoDBClient, recorder = new WriteRecorder()): WriteRecorder {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String((context as { commandName?: string }).commandName ?? '');
      const input = args.input as {
        ReturnConsumedCapacity?: string;
        Key?: { pk?: unknown };
        Item?: { pk?: unknown };
        RequestItems?: Record<
          string,
          Array<{ PutRequest?: { Item: { pk?: unknown } }; DeleteRequest?: { Key: { pk?: unknown } } }>
        >;
      };
      const batch = op === 'BatchWriteItemCommand';
      if (SINGLE.has(op) || batch) input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      if (!SINGLE.has(op) && !batch) return result;
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as Array<{
        CapacityUnits?: number;
      }>;
      const units = list.reduce((sum, c) => sum + Number(c.CapacityUnits ?? 0), 0);
      if (!batch) recorder.add(pkOf(input.Key?.pk ?? input.Item?.pk), units);
      else {
        const requests = Object.values(input.RequestItems ?? {}).flat();
        for (const r of requests)
          recorder.add(pkOf(r.PutRequest?.Item.pk ?? r.DeleteRequest?.Key.pk), units / requests.length);
      }
      return result;
    },
    { step: 'initialize', name: 'benchWriteRecorder', override: true },
  );
  return recorder;
}

/** The hottest (second, key) over reports of several processes, their units added up. */
export function hottestPartition(reports: readonly PartitionWrites[]): { pk: string; units: number } {
  const sum = new Map<string, number>();
  for (const r of reports) for (const [k, u] of Object.entries(r)) sum.set(k, (sum.get(k) ?? 0) + u);
  let best = { pk: '-', units: 0 };
  for (const [k, units] of sum)
    if (units > best.units) best = { pk: k.slice(k.indexOf('|') + 1), units: Math.round(units * 10) / 10 };
  return best;
}
