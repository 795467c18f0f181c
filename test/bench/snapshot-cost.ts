/**
 * What the snapshot benchmark measures for the cost model (`npm run cost`): DynamoDB units per run
 * from the capacity meter on the job's client, the table's billed size, the bytes a run logs, and
 * the era length from the chain's constants as the run stored them.
 */

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { SnapshotStore } from '../../core/ports/snapshot-store.js';
import { ENTITY } from '../../core/snapshot/entities.js';
import { nominalEraMs } from '../../core/staking/context.js';
import type { EraSlice } from '../../core/staking/slice-types.js';
import type { SnapshotSummary } from '../../lambdas/snapshot/job.js';
import type { CapacityMeter } from '../../lambdas/store/table/index.js';

/** Lambda's own lines per invocation (START, END, REPORT with its figures), about this many bytes. */
const LAMBDA_LINES_BYTES = 350;

export interface RunCost {
  ms: number;
  writeUnits: number;
  readUnits: number;
  /** DynamoDB requests the run made. */
  requests: number;
}

/** The run's time with the units the meter counted since the last take. */
export function runCost(summary: SnapshotSummary, meter: CapacityMeter): RunCost {
  const used = meter.take();
  return { ms: summary.ms, writeUnits: used.writeUnits, readUnits: used.readUnits, requests: used.requests };
}

/** DynamoDB's size of one attribute value (names are counted by the caller). */
function valueBytes(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|e.*$/gi, '').length / 2) + 1;
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.L) return 3 + v.L.reduce((s, x) => s + 1 + valueBytes(x), 0);
  if (v.M)
    return 3 + Object.entries(v.M).reduce((s, [k, x]) => s + 1 + Buffer.byteLength(k) + valueBytes(x), 0);
  if (v.SS) return v.SS.reduce((s, x) => s + Buffer.byteLength(x), 0);
  if (v.NS) return v.NS.reduce((s, x) => s + Math.ceil(x.length / 2) + 1, 0);
  if (v.BS) return v.BS.reduce((s, x) => s + x.length, 0);
  return 0;
}

/**
 * The table's billed storage: every item's attribute names and values plus DynamoDB's 100 bytes of
 * overhead per item (the sizes DynamoDB documents). Scans with a client that is not metered.
 */
export async function tableBytes(
  client: DynamoDBClient,
  table: string,
): Promise<{ items: number; bytes: number }> {
  let items = 0;
  let bytes = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    for (const item of out.Items ?? []) {
      items++;
      bytes += 100;
      for (const [name, value] of Object.entries(item)) bytes += Buffer.byteLength(name) + valueBytes(value);
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return { items, bytes };
}

/** What one run logs on Lambda: its log lines, the summary line the handler logs, and Lambda's own. */
export function logBytes(lines: readonly string[], summary: SnapshotSummary): number {
  return (
    lines.reduce((s, l) => s + Buffer.byteLength(l) + 60, 0) +
    Buffer.byteLength(JSON.stringify(summary)) +
    LAMBDA_LINES_BYTES
  );
}

/** Hours per era from the constants the run read from the chain (the stored era entity). */
export async function eraHours(store: SnapshotStore): Promise<number> {
  const era = await store.getEntity<EraSlice>(ENTITY.era, 'current');
  if (!era?.constants) throw new Error('the era entity has no staking constants');
  return nominalEraMs(era.constants) / 3_600_000;
}
