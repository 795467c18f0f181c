/**
 * Every table key the store uses. Nothing outside lambdas/store builds or parses these.
 *
 *   META      / POINTER                 version counter, fence, pointer, aborted versions
 *   VERSION   / V#<ver>                 version record: meta, summary, manifest directory
 *   MANIFEST  / V#<ver>#<bucket>        manifest chunk written by <ver>
 *   JOURNAL   / V#<ver>#<seq>           keys a run wrote, so an aborted run can be reaped
 *   E#<kind>#<id> / V#<ver>             entity head item (or tombstone) written by <ver>
 *   BLOB      / K#<key>                 blob head item
 *   P#<pk>    / <base>#<part>           extra parts of a value too large for one item
 */
export interface ItemKey {
  pk: string;
  sk: string;
}

const VERSION_DIGITS = 12;

export const META_KEY: ItemKey = { pk: 'META', sk: 'POINTER' };

export function versionSk(version: number): string {
  return `V#${String(version).padStart(VERSION_DIGITS, '0')}`;
}

export function versionFromSk(sk: string): number {
  return Number.parseInt(sk.slice(2, 2 + VERSION_DIGITS), 10);
}

export function entityPk(kind: string, id: string): string {
  return `E#${kind}#${id}`;
}

export function entityKey(kind: string, id: string, version: number): ItemKey {
  return { pk: entityPk(kind, id), sk: versionSk(version) };
}

/** Keys of parts 1..count-1 of a value whose part 0 sits in the head item. */
export function partKeys(headPk: string, base: string, count: number): ItemKey[] {
  const keys: ItemKey[] = [];
  for (let i = 1; i < count; i++)
    keys.push({ pk: `P#${headPk}`, sk: `${base}#${String(i).padStart(4, '0')}` });
  return keys;
}

export function versionRecordKey(version: number): ItemKey {
  return { pk: 'VERSION', sk: versionSk(version) };
}

export function manifestChunkKey(version: number, bucket: number): ItemKey {
  return { pk: 'MANIFEST', sk: `${versionSk(version)}#${String(bucket).padStart(5, '0')}` };
}

export const JOURNAL_PK = 'JOURNAL';

export function journalKey(version: number, seq: number): ItemKey {
  return { pk: JOURNAL_PK, sk: `${versionSk(version)}#${String(seq).padStart(6, '0')}` };
}

export const BLOB_PK = 'BLOB';

export function blobKey(key: string): ItemKey {
  return { pk: BLOB_PK, sk: `K#${key}` };
}

export function blobPartBase(key: string, generation: string): string {
  return `K#${key}#${generation}`;
}

export function blobNameFromSk(sk: string): string {
  return sk.slice(2);
}

export function keyString(key: ItemKey): string {
  return `${key.pk}\u0000${key.sk}`;
}
