/**
 * Carrying entities of the base version into a run without their data: the caller knows they are
 * the same as in the base (their inputs did not change), so the base's manifest rows stand for
 * them in the new version, the way an unchanged entity's row does after its hash was compared.
 */
import type { EntityRef } from '../../../core/ports/snapshot-store.js';
import { InvalidInputError } from '../table/index.js';
import { checkId, checkKind } from './entity-input.js';
import { entityMapKey, type Manifest, type ManifestEntry } from './manifest.js';

/**
 * Puts the base's rows of `refs` into `next` and returns how many; all or nothing: undefined, and
 * nothing carried, when one of them is missing from the base or due for a refresh (an item near its
 * `exp` must be written again, which needs its data).
 */
export function carryFromBase(
  refs: readonly EntityRef[],
  base: Manifest,
  dueForRefresh: ReadonlySet<string>,
  next: Map<string, ManifestEntry>,
  version: number,
): number | undefined {
  if (!Array.isArray(refs)) throw new InvalidInputError('carry() takes an array of {kind, id}');
  const rows: Array<[string, ManifestEntry]> = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const kind = checkKind((ref as Partial<EntityRef> | null)?.kind);
    const id = checkId(ref.id, kind);
    const key = entityMapKey(kind, id);
    if (next.has(key) || seen.has(key))
      throw new InvalidInputError(`entity ${kind}/${id} appears twice in version ${version}`);
    seen.add(key);
    const row = base.get(key);
    if (!row || dueForRefresh.has(key)) return undefined;
    rows.push([key, row]);
  }
  for (const [key, row] of rows) next.set(key, row);
  return rows.length;
}
