/**
 * The voters source from the store: the watched addresses' conviction-voting records (and their
 * delegates') in the version detected and in the base, the voting rules, and each version's
 * referendum outcomes for the lock maths. Only records that changed since the base are read twice;
 * a record an older version stored in the shape before full voting reads counts as unchanged, so
 * the first version with full records raises no news from the change of shape.
 */
import type { VotersData } from '../../core/alerts/detect-voters.js';
import { delegateAddresses, type LockView } from '../../core/alerts/detect-voters.js';
import type { SnapshotReader, StorePointer } from '../../core/ports/snapshot-reader.js';
import { ENTITY, INDEX_ID, type ReferendaIndex } from '../../core/snapshot/entities.js';
import type { VoterRecord, VotingRules } from '../../core/types/voting.js';
import { outcomeLookup, type ReferendumOutcomes } from '../../core/voting/outcomes.js';
import { isVoterRecord } from '../../core/voting/voter-record.js';
import type { VersionRange } from './version-range.js';

type Records = Map<string, { before: VoterRecord | undefined; after: VoterRecord }>;

/** Records at `at`, and at the base for those that changed (the others are the same there). */
async function readRecords(
  store: SnapshotReader,
  range: VersionRange,
  ids: readonly string[],
): Promise<Records> {
  const out: Records = new Map();
  if (ids.length === 0) return out;
  const after = await store.getEntities<unknown>(ENTITY.voting, ids, { pointer: range.at });
  const touched = new Set(range.touched(ENTITY.voting));
  const changed = ids.filter((id) => touched.has(id) && isVoterRecord(after.get(id)));
  const before =
    range.basePointer && changed.length > 0
      ? await store.getEntities<unknown>(ENTITY.voting, changed, { pointer: range.basePointer })
      : new Map<string, unknown>();
  for (const id of ids) {
    const now = after.get(id);
    if (!isVoterRecord(now)) continue;
    const was = before.get(id);
    const base = !range.basePointer
      ? undefined
      : !touched.has(id) || (was !== undefined && !isVoterRecord(was))
        ? now
        : isVoterRecord(was)
          ? was
          : undefined;
    out.set(id, { before: base, after: now });
  }
  return out;
}

function ongoingOf(index: ReferendaIndex | undefined): Map<number, number> {
  return new Map((index?.ongoing ?? []).map((o) => [o.id, o.track]));
}

/** One version's outcomes for the lock maths, or null when it stores none. */
async function lockView(
  store: SnapshotReader,
  pointer: StorePointer,
  index: ReferendaIndex | undefined,
  relayBlock: number,
): Promise<LockView | null> {
  const ended = await store.getEntity<ReferendumOutcomes>(ENTITY.index, INDEX_ID.outcomes, { pointer });
  return ended ? { outcome: outcomeLookup(ended, ongoingOf(index)), relayBlock } : null;
}

export async function readVoters(
  store: SnapshotReader,
  range: VersionRange,
  watched: readonly string[],
  index: ReferendaIndex | undefined,
  relayBlocks: { at: number; base: number | null },
): Promise<VotersData | undefined> {
  if (watched.length === 0) return undefined;
  const records = await readRecords(store, range, watched);
  if (records.size === 0) return undefined;
  const delegateIds = delegateAddresses([...records.values()].map((r) => r.after)).filter(
    (a) => !records.has(a),
  );
  const delegates = new Map<string, { before: VoterRecord | undefined; after: VoterRecord | undefined }>(
    records,
  );
  for (const [id, r] of await readRecords(store, range, delegateIds)) delegates.set(id, r);
  const [rules, after] = await Promise.all([
    store.getEntity<VotingRules>(ENTITY.votingRules, 'current', { pointer: range.at }),
    lockView(store, range.at, index, relayBlocks.at),
  ]);
  let before: LockView | null = null;
  if (after && range.basePointer && relayBlocks.base !== null) {
    const indexMoved = range.touched(ENTITY.index).length > 0;
    const baseIndex = indexMoved
      ? await store.getEntity<ReferendaIndex>(ENTITY.index, INDEX_ID.referenda, {
          pointer: range.basePointer,
        })
      : index;
    before = indexMoved
      ? await lockView(store, range.basePointer, baseIndex, relayBlocks.base)
      : { outcome: after.outcome, relayBlock: relayBlocks.base };
  }
  const ongoing = new Map(
    (index?.ongoing ?? []).map((o) => [o.id, { track: o.track, title: o.title?.text ?? null }]),
  );
  return {
    accounts: [...records].map(([address, r]) => ({ address, ...r })),
    context: {
      hasBase: range.basePointer !== null,
      ongoing,
      rules: rules ?? null,
      outcomes: after ? { after, before } : null,
      delegates,
    },
  };
}
