import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { SnapshotReader, StorePointer } from '../../core/ports/snapshot-reader.js';
import type { VersionDiffer } from '../../core/ports/version-differ.js';
import { ENTITY } from '../../core/snapshot/entities.js';
/**
 * Which versions a detection run compares: the one it runs on (the pointer's, or one asked for),
 * and the base, the detector's cursor version when it is older and recent enough to diff against.
 * The diff says which entities changed between the two.
 */

export interface VersionRange {
  at: StorePointer;
  /** The version diffed against, null on a first run (or when the base was too old). */
  base: number | null;
  /** The base's pointer, null when there is no base. */
  basePointer: StorePointer | null;
  /** The endpoint the cursor's version was read from. */
  previousEndpoint: string | null;
  /** Ids of the entities of a kind added or changed since the base. */
  touched(kind: string): string[];
}

const CHANGE_KINDS = [
  ENTITY.referendum,
  ENTITY.account,
  ENTITY.stakeSet,
  ENTITY.pool,
  ENTITY.era,
  ENTITY.status,
  ENTITY.slashes,
  ENTITY.voting,
  ENTITY.index,
];

/** Twelve hours: see `DetectorDeps.maxBaseAgeMs`. */
export const DEFAULT_MAX_BASE_AGE_MS = 12 * 60 * 60_000;

export async function pointerAt(store: SnapshotReader, version?: number): Promise<StorePointer | undefined> {
  const pointer = await store.getPointer();
  if (!pointer) return undefined;
  if (version === undefined || version === pointer.version) return pointer;
  if (!Number.isSafeInteger(version) || version < 1 || version > pointer.version)
    throw new RangeError(`version ${version} is not committed (the pointer is at ${pointer.version})`);
  if (pointer.aborted.includes(version)) throw new RangeError(`version ${version} was aborted`);
  return { ...pointer, version };
}

export async function versionRange(
  deps: { store: SnapshotReader; differ: VersionDiffer; records: AlertRecordStore; maxBaseAgeMs?: number },
  at: StorePointer,
  nowMs: number,
  notes: string[],
): Promise<VersionRange> {
  const version = at.version;
  const cursor = await deps.records.getCursor();
  let base: number | null = cursor && cursor.version < version ? cursor.version : null;
  if (cursor && cursor.version >= version) base = version;
  if (base !== null && base !== version) {
    const info = await deps.store.getVersionInfo(base);
    if (!info || nowMs - info.committedAt > (deps.maxBaseAgeMs ?? DEFAULT_MAX_BASE_AGE_MS)) {
      notes.push(
        `version ${base} is too old to diff against; changes up to version ${version} are not alerted`,
      );
      base = null;
    }
  }
  const basePointer: StorePointer | null = base === null ? null : { ...at, version: base };
  const diff =
    base !== null && base !== version
      ? await deps.differ.diff(base, version, CHANGE_KINDS)
      : { added: [], changed: [], removed: [] };
  const touched = (kind: string) =>
    [...diff.added, ...diff.changed].filter((e) => e.kind === kind).map((e) => e.id);
  return { at, base, basePointer, previousEndpoint: cursor?.endpoint ?? null, touched };
}
