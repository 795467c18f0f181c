/**
 * Deletes what aborted runs left behind, using their journals. A version is reaped only once its
 * run is past its deadline (aborted at + maxRunMs + margin), so no write of it can still land.
 */

import type { ReapResult } from '../../../core/ports/snapshot-store.js';
import type { TableIo, WriteTally } from '../table/index.js';
import { CorruptDataError, type ItemKey, JOURNAL_PK, versionRecordKey, versionSk } from '../table/index.js';
import { forgetAborted } from './flip.js';
import { readMeta } from './pointer.js';
import { valueKeys } from './value-items.js';

export const REAP_MARGIN_MS = 60_000;

export async function reapAborted(
  io: TableIo,
  now: number,
  maxRunMs: number,
  tally: WriteTally,
): Promise<ReapResult> {
  const meta = await readMeta(io, true, tally);
  const before = tally.writes.reaped;
  const versionsReaped: number[] = [];
  for (const [version, abortedAt] of meta.aborted) {
    if (abortedAt + maxRunMs + REAP_MARGIN_MS > now) continue;
    const journal = await io.query(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': JOURNAL_PK, ':prefix': `${versionSk(version)}#` },
        ConsistentRead: true,
      },
      tally,
    );
    const keys: ItemKey[] = [versionRecordKey(version)];
    for (const entry of journal) {
      for (const [pk, sk, parts] of parseRows(entry.keys, String(entry.sk))) {
        keys.push(...valueKeys({ pk, sk }, sk, parts));
      }
      keys.push({ pk: JOURNAL_PK, sk: String(entry.sk) });
    }
    await io.batchWrite(
      keys.map((key) => ({ delete: key })),
      tally,
      'reaped',
    );
    await forgetAborted(io, version, tally);
    versionsReaped.push(version);
  }
  return { versionsReaped, itemsDeleted: tally.writes.reaped - before };
}

function parseRows(text: unknown, sk: string): Array<[string, string, number]> {
  try {
    const rows = JSON.parse(String(text)) as unknown;
    if (Array.isArray(rows)) return rows as Array<[string, string, number]>;
  } catch (error) {
    throw new CorruptDataError(`journal ${sk} is not JSON`, { cause: error });
  }
  throw new CorruptDataError(`journal ${sk} is not a list`);
}
