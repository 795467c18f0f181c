/**
 * After a flip: mark every item the new version superseded with a TTL (and, for entity heads,
 * the superseding version), so AWS expires them once readers holding the old pointer are done.
 */
import { entityKey, type ItemKey, manifestChunkKey, partKeys, versionRecordKey } from './keys.js';
import { type ManifestEntry, splitMapKey } from './manifest.js';
import { TABLE_SCHEMA } from './schema.js';
import { runPool, type TableIo, type WriteTally } from './table-io.js';

export interface SupersedePlan {
  version: number;
  baseVersion: number | null;
  /** Old manifest entries of entities the new version rewrote. */
  replaced: Array<[string, ManifestEntry]>;
  /** Old manifest entries of entities the new version tombstoned. */
  removed: Array<[string, ManifestEntry]>;
  /** Old manifest chunks (bucket, version, parts) no longer referenced. */
  replacedChunks: Array<{ bucket: number; version: number; parts: number }>;
}

interface Mark {
  key: ItemKey;
  exp: number;
  sup?: number;
}

export async function markSuperseded(
  io: TableIo,
  plan: SupersedePlan,
  expSeconds: number,
  tombstoneExpSeconds: number,
  tally: WriteTally,
): Promise<void> {
  const marks: Mark[] = [];
  const addValue = (head: ItemKey, parts: number, sup?: number) => {
    marks.push({ key: head, exp: expSeconds, sup });
    for (const key of partKeys(head.pk, head.sk, parts)) marks.push({ key, exp: expSeconds });
  };
  for (const [mapKey, entry] of [...plan.replaced, ...plan.removed]) {
    const { kind, id } = splitMapKey(mapKey);
    addValue(entityKey(kind, id, entry.version), entry.parts, plan.version);
  }
  for (const chunk of plan.replacedChunks)
    addValue(manifestChunkKey(chunk.version, chunk.bucket), chunk.parts);
  if (plan.baseVersion !== null) marks.push({ key: versionRecordKey(plan.baseVersion), exp: expSeconds });
  await applyMarks(io, marks, tally);
  // Tombstones expire only after the items they hide carry their own marks.
  const tombstones = plan.removed.map(([mapKey]) => {
    const { kind, id } = splitMapKey(mapKey);
    return { key: entityKey(kind, id, plan.version), exp: tombstoneExpSeconds };
  });
  await applyMarks(io, tombstones, tally);
}

async function applyMarks(io: TableIo, marks: Mark[], tally: WriteTally): Promise<void> {
  await runPool(marks, io.concurrency * 4, async (mark) => {
    const values: Record<string, unknown> = { ':exp': mark.exp };
    let expression = 'SET #exp = :exp';
    if (mark.sup !== undefined) {
      expression += ', sup = :sup';
      values[':sup'] = mark.sup;
    }
    await io.update(
      {
        Key: mark.key,
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#exp': TABLE_SCHEMA.ttlAttribute },
        ExpressionAttributeValues: values,
      },
      tally,
      'superseded',
    );
  });
}
