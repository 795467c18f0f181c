/**
 * Counts the capacity units DynamoDB bills, as the service reports them: every request sent through
 * a metered client asks for `ReturnConsumedCapacity: TOTAL` and the answer's `ConsumedCapacity` is
 * added up by operation. Reads and writes are kept apart (read request units, write request units),
 * so a cost model can multiply them by their prices without guessing a count.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export type CapacityKind = 'read' | 'write';

const WRITE_OPS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);
const READ_OPS = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);

/** Capacity units consumed so far, by kind and by operation. */
export interface CapacityTotals {
  readUnits: number;
  writeUnits: number;
  requests: number;
  byOperation: Record<string, { requests: number; units: number }>;
}

export class CapacityMeter {
  private totals: CapacityTotals = CapacityMeter.empty();

  private static empty(): CapacityTotals {
    return { readUnits: 0, writeUnits: 0, requests: 0, byOperation: {} };
  }

  /** Adds one answered request. */
  add(operation: string, units: number): void {
    const t = this.totals;
    t.requests++;
    if (WRITE_OPS.has(operation)) t.writeUnits += units;
    else if (READ_OPS.has(operation)) t.readUnits += units;
    const row = t.byOperation[operation] ?? { requests: 0, units: 0 };
    t.byOperation[operation] = row;
    row.requests++;
    row.units += units;
  }

  /** What was consumed since the meter was made or last reset. */
  snapshot(): CapacityTotals {
    const t = this.totals;
    return {
      readUnits: round(t.readUnits),
      writeUnits: round(t.writeUnits),
      requests: t.requests,
      byOperation: Object.fromEntries(
        Object.entries(t.byOperation).map(([k, v]) => [k, { requests: v.requests, units: round(v.units) }]),
      ),
    };
  }

  /** Returns what was consumed and starts counting again from zero. */
  take(): CapacityTotals {
    const out = this.snapshot();
    this.totals = CapacityMeter.empty();
    return out;
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function unitsOf(output: unknown): number {
  const consumed = (output as { ConsumedCapacity?: unknown } | undefined)?.ConsumedCapacity;
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  let units = 0;
  for (const c of list) units += Number((c as { CapacityUnits?: number }).CapacityUnits ?? 0);
  return units;
}

/**
 * Makes every request of `client` (and of every document client built on it) report its consumed
 * capacity to `meter`. Requests that already ask for capacity keep their own setting.
 */
export function meterCapacity(client: DynamoDBClient, meter = new CapacityMeter()): CapacityMeter {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      const operation = String((context as { commandName?: string }).commandName ?? 'unknown');
      if (READ_OPS.has(operation) || WRITE_OPS.has(operation)) input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      if (READ_OPS.has(operation) || WRITE_OPS.has(operation)) meter.add(operation, unitsOf(result.output));
      return result;
    },
    { step: 'initialize', name: 'heraldCapacityMeter', override: true },
  );
  return meter;
}
