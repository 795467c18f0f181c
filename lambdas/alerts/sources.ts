/**
 * Chain state detection needs that the snapshot does not carry: votes of watched addresses (and
 * their delegates) and validator slashes. A source reads them at the version's pinned block, so
 * they are as consistent as the snapshot itself.
 */
import type { SlashRecord } from '../../core/alerts/detect-slashes.js';
import type { VotingState } from '../../core/alerts/detect-votes.js';

/** The version meta the snapshot job wrote: where the chain was read. */
export interface VersionMeta {
  relayBlock: number;
  blockNumber: number;
  blockHash: string;
}

export interface VotingSource {
  /** Voting state per `${address}#${track}`; delegates are read too (one level). */
  read(
    addresses: readonly string[],
    tracks: readonly number[],
    at: VersionMeta,
  ): Promise<Map<string, VotingState>>;
}

export interface SlashSource {
  /** Applied slashes in `eras` and unapplied ones, of the given validators. */
  read(validators: readonly string[], eras: readonly number[], at: VersionMeta): Promise<SlashRecord[]>;
}

export function votingKey(address: string, track: number): string {
  return `${address}#${track}`;
}

export function versionMetaOf(meta: unknown): VersionMeta | null {
  const m = meta as Partial<VersionMeta> | null;
  if (
    !m ||
    typeof m.blockHash !== 'string' ||
    !Number.isInteger(m.relayBlock) ||
    !Number.isInteger(m.blockNumber)
  )
    return null;
  return { relayBlock: m.relayBlock!, blockNumber: m.blockNumber!, blockHash: m.blockHash };
}
