/**
 * After a flip: legacy items (written before write-time expiry, so without `exp`) that the new
 * version superseded get a TTL mark, and entity heads also the superseding version (`sup`), so AWS
 * expires them once readers holding the old pointer are done. Items written with `exp` need
 * nothing here.
 */

import {
  entityKey,
  type ItemKey,
  manifestChunkKey,
  partKeys,
  runPool,
  TABLE_SCHEMA,
  type TableIo,
  versionRecordKey,
  type WriteTally,
} from '../table/index.js';
import type { BaseState } from './base-manifest.js';
import { type Manifest, type ManifestEntry, splitMapKey } from './manifest.js';
import type { ManifestPlan } from './manifest-plan.js';

export interface SupersedePlan {
  version: number;
  /** The base version when its record is a legacy one, else null. */
  legacyRecord: number | null;
  /** Old manifest entries of legacy entities the new version rewrote. */
  replaced: Array<[string, ManifestEntry]>;
  /** Old manifest entries of legacy entities the new version tombstoned. */
  removed: Array<[string, ManifestEntry]>;
  /** Legacy manifest chunks (bucket, version, parts) no longer referenced. */
  replacedChunks: Array<{ bucket: number; version: number; parts: number }>;
}

/** The legacy items a version superseded: everything else it superseded already carries its `exp`. */
export function legacySuperseded(
  version: number,
  baseVersion: number | null,
  base: BaseState,
  next: Manifest,
  removed: Array<[string, ManifestEntry]>,
  replacedChunks: ManifestPlan['replaced'],
): SupersedePlan {
  const replaced: Array<[string, ManifestEntry]> = [];
  for (const [key, entry] of next) {
    const old = base.manifest.get(key);
    if (old && old.exp === undefined && entry.version === version) replaced.push([key, old]);
  }
  return {
    version,
    legacyRecord: baseVersion !== null && base.legacyRecord ? baseVersion : null,
    replaced,
    removed: removed.filter(([, entry]) => entry.exp === undefined),
    replacedChunks: replacedChunks
      .filter(({ ref }) => ref.exp === undefined)
      .map(({ bucket, ref }) => ({ bucket, version: ref.version, parts: ref.parts })),
  };
}

interface Mark {
  key: ItemKey;
  exp: number;
  sup?: number;
}

export async function markSuperseded(
  io: TableIo,
  plan: SupersedePlan,
  stamps: { item: number; tombstone: number },
  tally: WriteTally,
): Promise<void> {
  const marks: Mark[] = [];
  const addValue = (head: ItemKey, parts: number, sup?: number) => {
    marks.push({ key: head, exp: stamps.item, sup });
    for (const key of partKeys(head.pk, head.sk, parts)) marks.push({ key, exp: stamps.item });
  };
  for (const [mapKey, entry] of [...plan.replaced, ...plan.removed]) {
    const { kind, id } = splitMapKey(mapKey);
    addValue(entityKey(kind, id, entry.version), entry.parts, plan.version);
  }
  for (const chunk of plan.replacedChunks)
    addValue(manifestChunkKey(chunk.version, chunk.bucket), chunk.parts);
  if (plan.legacyRecord !== null) marks.push({ key: versionRecordKey(plan.legacyRecord), exp: stamps.item });
  await applyMarks(io, marks, tally);
  // A tombstone hiding a legacy item was written without `exp`: it may expire only after that item has its mark.
  const tombstones = plan.removed.map(([mapKey]) => {
    const { kind, id } = splitMapKey(mapKey);
    return { key: entityKey(kind, id, plan.version), exp: stamps.tombstone };
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
