/**
 * What the snapshot stored for alerts beyond the changed entities: the watched voters' votes (and
 * their delegates') and the slashes, read at the version being detected, never from the chain.
 * The voters' full records, for the voters source, are read by stored-voters.ts.
 */

import type { DetectionClock } from '../../core/alerts/detect-context.js';
import { upcomingDeadlines } from '../../core/alerts/detect-deadlines.js';
import { freshSlashes } from '../../core/alerts/detect-slashes.js';
import { delegatesToRead, votingLookup } from '../../core/alerts/detect-votes.js';
import type { AlertRules } from '../../core/alerts/thresholds.js';
import type { SnapshotReader, StorePointer } from '../../core/ports/snapshot-reader.js';
import { ENTITY } from '../../core/snapshot/entities.js';
import type { AccountStakingSlice, EraSlice } from '../../core/staking/slice-types.js';
import { readAccountSlices } from '../../core/staking/stored-read.js';
import type { AccountVoting, OngoingReferendum, TrackInfo } from '../../core/types/governance.js';
import type { SlashRecord } from '../../core/types/staking.js';
import { storedTrackStates } from '../../core/voting/voter-record.js';

/**
 * Voting state for "ends soon and you have not voted": the snapshot stored it per watched address
 * (and per delegate of one) at the version's block. Read only when a deadline is near enough.
 */
export async function readVotes(
  store: SnapshotReader,
  at: StorePointer,
  watched: readonly string[],
  ongoing: readonly OngoingReferendum[],
  tracks: readonly TrackInfo[],
  clock: DetectionClock,
  rules: AlertRules,
) {
  if (watched.length === 0) return undefined;
  const horizon = Math.max(...rules.notVotedLeadMinutes) * 60_000;
  const soon = upcomingDeadlines(ongoing, tracks, clock).filter((d) => d.remainingMs <= horizon);
  if (soon.length === 0) return undefined;
  const read = async (ids: readonly string[]) =>
    [...(await store.getEntities<unknown>(ENTITY.voting, ids, { pointer: at }))].map(
      ([address, data]) => [address, storedTrackStates(data)] as const,
    );
  const records = new Map<string, AccountVoting>(await read(watched));
  const delegates = delegatesToRead(records, new Set(soon.map((d) => d.track)));
  if (delegates.length > 0)
    for (const [address, voting] of await read(delegates)) records.set(address, voting);
  return { addresses: watched, lookup: votingLookup(records) };
}

/**
 * Slashes new in this version, and every watched account they may concern (a slash changes no
 * nominator's own entity, so all watched accounts are checked when there is one).
 */
export async function readSlashes(
  store: SnapshotReader,
  at: StorePointer,
  base: StorePointer | null,
  changed: boolean,
  era: EraSlice | undefined,
  watched: readonly string[],
  loaded: ReadonlyMap<string, AccountStakingSlice>,
) {
  if (!era || watched.length === 0) return undefined;
  if (base && !changed) return undefined;
  const after = await store.getEntity<SlashRecord[]>(ENTITY.slashes, 'all', { pointer: at });
  if (!after) return undefined;
  const before = base
    ? await store.getEntity<SlashRecord[]>(ENTITY.slashes, 'all', { pointer: base })
    : undefined;
  const fresh = freshSlashes(before, after, era.activeEra.index);
  if (fresh.length === 0) return undefined;
  const missing = watched.filter((a) => !loaded.has(a));
  const more =
    missing.length > 0
      ? await readAccountSlices(store, at, missing, era)
      : new Map<string, AccountStakingSlice>();
  const accounts = watched.map((address) => ({ address, after: loaded.get(address) ?? more.get(address) }));
  return { fresh, accounts };
}
