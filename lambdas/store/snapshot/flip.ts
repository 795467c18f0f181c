/**
 * The pointer flip. It succeeds only while the run is the newest started one (fence = version)
 * and the pointer still is the run's base. Versions between the base and the run's own are
 * recorded as aborted before or in the same write, so readers skip whatever they left behind.
 */

import type { TableIo, WriteTally } from '../table/index.js';
import { META_KEY, StoreUnavailableError, VersionConflictError } from '../table/index.js';
import { type MetaState, readMeta } from './pointer.js';

const ABORTED_PER_WRITE = 50;

export async function flipPointer(
  io: TableIo,
  version: number,
  base: number | null,
  metaText: string,
  at: number,
  tally: WriteTally,
): Promise<VersionConflictError | undefined> {
  try {
    return await tryFlip(io, version, base, metaText, at, tally);
  } catch (error) {
    // The outcome of the last request is unknown (it may have landed before the connection broke).
    const meta = await readMeta(io, true).catch(() => undefined);
    if (meta && wasCommitted(meta, version)) return undefined;
    if (meta) throw error;
    throw new FlipOutcomeUnknownError(version, error);
  }
}

/** Thrown when neither the flip nor the read after it got an answer: the run may be committed. */
export class FlipOutcomeUnknownError extends StoreUnavailableError {
  constructor(
    readonly version: number,
    cause: unknown,
  ) {
    super(`the pointer flip to version ${version} has an unknown outcome: ${(cause as Error)?.message}`, {
      cause,
    });
  }
}

/**
 * A version was committed iff the pointer reached it and it is not in the aborted map: every flip
 * past an uncommitted version records it as aborted in the same or an earlier write.
 */
export function wasCommitted(meta: MetaState, version: number): boolean {
  const ptr = meta.pointer?.version;
  return ptr !== undefined && ptr >= version && !meta.aborted.has(version);
}

async function tryFlip(
  io: TableIo,
  version: number,
  base: number | null,
  metaText: string,
  at: number,
  tally: WriteTally,
): Promise<VersionConflictError | undefined> {
  const skipped: number[] = [];
  for (let v = (base ?? 0) + 1; v < version; v++) skipped.push(v);
  const groups: number[][] = [];
  for (let i = 0; i < skipped.length; i += ABORTED_PER_WRITE)
    groups.push(skipped.slice(i, i + ABORTED_PER_WRITE));
  const last = groups.pop() ?? [];
  for (const group of groups) {
    const ok = await io.update(
      {
        Key: META_KEY,
        UpdateExpression: `SET ${abortedSets(group).join(', ')}`,
        ConditionExpression: 'fence = :m',
        ExpressionAttributeNames: abortedNames(group),
        ExpressionAttributeValues: { ':m': version, ':at': at },
      },
      tally,
      'version',
    );
    if (!ok) return conflict(io, version);
  }
  const names = abortedNames(last);
  const ok = await io.update(
    {
      Key: META_KEY,
      UpdateExpression: `SET ${['ptr = :m', 'cat = :at', 'meta = :meta', ...abortedSets(last)].join(', ')}`,
      ConditionExpression:
        base === null ? 'fence = :m AND attribute_not_exists(ptr)' : 'fence = :m AND ptr = :base',
      ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
      ExpressionAttributeValues: {
        ':m': version,
        ':at': at,
        ':meta': metaText,
        ...(base === null ? {} : { ':base': base }),
      },
    },
    tally,
    'version',
  );
  return ok ? undefined : conflict(io, version);
}

/** Drops a version from the aborted map once none of its items remain. */
export async function forgetAborted(io: TableIo, version: number, tally: WriteTally): Promise<void> {
  await io.update(
    {
      Key: META_KEY,
      UpdateExpression: 'REMOVE ab.#v',
      ConditionExpression: 'attribute_exists(ab.#v)',
      ExpressionAttributeNames: { '#v': String(version) },
    },
    tally,
    'cleanup',
  );
}

function abortedSets(versions: number[]): string[] {
  return versions.map((_, i) => `ab.#a${i} = :at`);
}

function abortedNames(versions: number[]): Record<string, string> {
  return Object.fromEntries(versions.map((v, i) => [`#a${i}`, String(v)]));
}

/** After a failed condition: a retried request whose first attempt landed also ends here. */
async function conflict(io: TableIo, version: number): Promise<VersionConflictError | undefined> {
  const meta = await readMeta(io, true);
  if (wasCommitted(meta, version)) return undefined;
  return new VersionConflictError(version, meta.pointer?.version ?? null, meta.fence);
}
