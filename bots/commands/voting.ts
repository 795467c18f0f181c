/**
 * Shared conviction-voting plumbing of /votes and /delegate: an account's voter record, and what
 * every voting answer needs from the snapshot (the voting rules, referendum outcomes, the ongoing
 * referenda with their titles, the tracks), each read once per snapshot version.
 */
import type { ErrorReply, ReferendumTitle } from '../../core/reply/reply-types.js';
import { ENTITY, INDEX_ID } from '../../core/snapshot/entities.js';
import type { VoterRecord, VotingRules } from '../../core/types/voting.js';
import { type OutcomeLookup, outcomeLookup, type ReferendumOutcomes } from '../../core/voting/outcomes.js';
import type { VotingContext } from '../../core/voting/view-rows.js';
import { EMPTY_VOTER, isVoterRecord } from '../../core/voting/voter-record.js';
import type { CommandContext } from './context.js';
import { type Frame, referendaIndexOf, tracksOf } from './frame.js';
import { missingData } from './reply-base.js';

export interface VotingInputs {
  context: VotingContext;
  outcome: OutcomeLookup;
}

function cachedEntity<T>(ctx: CommandContext, frame: Frame, kind: string, id: string): Promise<T | null> {
  return ctx.cache.get(frame.pointer.version, `${kind}/${id}`, async () => {
    const found = await ctx.store.getEntity<T>(kind, id, { pointer: frame.pointer });
    return found ?? null;
  });
}

/** The rules, outcomes, ongoing referenda and tracks at the frame's pointer, or what is missing. */
export async function votingInputs(
  command: 'votes' | 'delegate',
  ctx: CommandContext,
  frame: Frame,
): Promise<VotingInputs | ErrorReply> {
  const [rules, ended, index, tracks] = await Promise.all([
    cachedEntity<VotingRules>(ctx, frame, ENTITY.votingRules, 'current'),
    cachedEntity<ReferendumOutcomes>(ctx, frame, ENTITY.index, INDEX_ID.outcomes),
    referendaIndexOf(ctx, frame),
    tracksOf(ctx, frame),
  ]);
  if (!rules) return missingData(command, 'conviction-voting rules', frame);
  if (!ended || !index) return missingData(command, 'referendum outcomes', frame);
  const titles = new Map<number, ReferendumTitle>();
  for (const r of index.recentlyEnded) if (r.title) titles.set(r.id, r.title);
  for (const r of index.ongoing) if (r.title) titles.set(r.id, r.title);
  return {
    context: {
      rules,
      tracks,
      titles,
      anchor: { relayBlock: frame.freshness.relayBlock, timestampMs: frame.freshness.chainTimeMs },
    },
    outcome: outcomeLookup(ended, new Map(index.ongoing.map((r) => [r.id, r.track]))),
  };
}

/**
 * The account's record at the pointer: empty when it has none (it never voted), null when the
 * snapshot stored voting in the shape written before every voter was read.
 */
export async function voterRecordOf(
  ctx: CommandContext,
  frame: Frame,
  address: string,
): Promise<VoterRecord | null> {
  const data = await ctx.store.getEntity<unknown>(ENTITY.voting, address, { pointer: frame.pointer });
  if (data === undefined || data === null) return EMPTY_VOTER;
  return isVoterRecord(data) ? data : null;
}
