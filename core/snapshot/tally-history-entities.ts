/**
 * The tally-history entities of a snapshot: one per ongoing referendum, the history the version
 * before kept with this snapshot's tally appended when it changed. An unchanged tally gives the
 * same entity, which the store does not write again; an ended referendum's history is dropped.
 */
import { appendTallySample, parseTallyHistory, tallyHistoryData } from '../opengov/tally-history.js';
import type { SnapshotReader } from '../ports/snapshot-reader.js';
import type { Snapshot } from '../types/snapshot.js';
import { ENTITY, type Entity } from './entities.js';

/** What the histories are cut from: the relay block the snapshot is pinned to and its referenda. */
export interface TallySource {
  anchor: Pick<Snapshot['anchor'], 'relayBlock'>;
  governance: Pick<Snapshot['governance'], 'referenda'>;
}

/** Ongoing referenda's ids in the snapshot, ascending. */
function ongoingIds(snapshot: TallySource): number[] {
  return Object.values(snapshot.governance.referenda)
    .filter((info) => info.status === 'ongoing')
    .map((info) => info.id)
    .sort((a, b) => a - b);
}

/** Cut the histories from the snapshot and the stored ones (raw entity data by referendum id). */
export function tallyHistoryEntities(snapshot: TallySource, stored: ReadonlyMap<string, unknown>): Entity[] {
  const block = snapshot.anchor.relayBlock;
  const entities: Entity[] = [];
  for (const id of ongoingIds(snapshot)) {
    const info = snapshot.governance.referenda[id];
    if (info?.status !== 'ongoing') continue;
    const previous = parseTallyHistory(stored.get(String(id)));
    const samples = appendTallySample(previous, { block, ...info.tally });
    entities.push({ kind: ENTITY.tallyHistory, id: String(id), data: tallyHistoryData(samples) });
  }
  return entities;
}

/**
 * Read the histories the current version keeps for the snapshot's ongoing referenda (one query
 * each, 16 in flight) and append this snapshot's tallies. A failed read rejects: writing the
 * histories afresh would lose them, and the run is retried with the previous version still served.
 */
export async function nextTallyHistories(snapshot: TallySource, reader: SnapshotReader): Promise<Entity[]> {
  const ids = ongoingIds(snapshot).map(String);
  const stored = ids.length > 0 ? await reader.getEntities(ENTITY.tallyHistory, ids) : new Map();
  return tallyHistoryEntities(snapshot, stored);
}
