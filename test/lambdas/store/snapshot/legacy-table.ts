/**
 * Turns a table written by the store into what the store wrote before write-time expiry: no `exp`
 * on any item, manifest rows of four fields, chunk refs without `exp` (and their hashes to match).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { chunkHash, type ManifestDirectory } from '../../../../lambdas/store/snapshot/index.js';
import { manifestChunkKey } from '../../../../lambdas/store/table/index.js';

type Row = Record<string, unknown> & { pk: string; sk: string };

export async function makeLegacy(client: DynamoDBClient, tableName: string): Promise<void> {
  const doc = DynamoDBDocumentClient.from(client);
  const rows: Row[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    rows.push(...((out.Items ?? []) as Row[]));
    start = out.LastEvaluatedKey;
  } while (start);
  const chunkHashes = new Map<string, string>();
  for (const row of rows) {
    delete row.exp;
    if (row.pk !== 'MANIFEST') continue;
    if (typeof row.d !== 'string') throw new Error(`chunk ${row.sk} is not inline text; use fewer entities`);
    const text = JSON.stringify((JSON.parse(row.d) as unknown[][]).map((r) => r.slice(0, 4)));
    row.d = text;
    chunkHashes.set(row.sk, chunkHash(text));
  }
  for (const row of rows) {
    if (row.pk === 'VERSION') {
      const dir = JSON.parse(String(row.dir)) as ManifestDirectory;
      dir.chunks = dir.chunks.map((ref, bucket) => {
        const { exp: _exp, ...rest } = ref;
        const hash = chunkHashes.get(manifestChunkKey(ref.version, bucket).sk);
        return { ...rest, hash: hash ?? ref.hash };
      });
      row.dir = JSON.stringify(dir);
    }
    await doc.send(new PutCommand({ TableName: tableName, Item: row }));
  }
}
