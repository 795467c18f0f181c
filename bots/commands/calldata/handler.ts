/**
 * `/calldata`: the vote calls of an ongoing referendum, encoded with the call indices the snapshot
 * read from the runtime (`voting-rules/current`), at the frame's pointer. Refuses an unknown or
 * ended referendum, and a runtime whose rules are missing or were read under another spec version.
 */
import { commandError } from '../../../core/commands/errors.js';
import { formatInteger } from '../../../core/format/number.js';
import { voteLinks } from '../../../core/links/urls.js';
import type { StandardVote } from '../../../core/opengov/vote-call.js';
import { errorReply, trackLabel } from '../../../core/reply/builders.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { ENTITY, type ReferendumEntity } from '../../../core/snapshot/entities.js';
import { voteCallRows, votingRulesOf } from '../../../core/voting/call-data.js';
import type { CommandContext } from '../context.js';
import { type Frame, tracksOf } from '../frame.js';
import { unknownReferendumReply } from '../referendum/suggest.js';
import { base } from '../reply-base.js';
import { type CallDataCommand, DEFAULT_CONVICTION } from './grammar.js';

const KSM = 10n ** 12n;

function refuse(frame: Frame, code: 'referendum-ended' | 'no-voting-rules', message: string, hint: string) {
  return errorReply(commandError(code, message, hint), 'calldata', frame.freshness);
}

const unknownReferendum = (id: number, frame: Frame, ctx: CommandContext): Promise<Reply> =>
  unknownReferendumReply(id, frame, ctx, 'calldata', (n) => `/calldata ${n}`);

/** The votes asked for, or aye and nay at 1x for 1 KSM when none was. */
function votesOf(command: CallDataCommand): StandardVote[] {
  const referendum = command.referendum;
  if (command.vote) return [{ referendum, ...command.vote }];
  return [true, false].map((aye) => ({ referendum, aye, conviction: DEFAULT_CONVICTION, balance: KSM }));
}

export async function callDataCommand(
  command: CallDataCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const id = command.referendum;
  const [entity, stored, tracks] = await Promise.all([
    ctx.store.getEntity<ReferendumEntity>(ENTITY.referendum, String(id), { pointer: frame.pointer }),
    ctx.store.getEntity(ENTITY.votingRules, 'current', { pointer: frame.pointer }),
    tracksOf(ctx, frame),
  ]);
  if (!entity) return unknownReferendum(id, frame, ctx);
  const info = entity.info;
  if (info.status !== 'ongoing')
    return refuse(
      frame,
      'referendum-ended',
      `Referendum ${id} has ended (${info.status === 'timedOut' ? 'timed out' : info.status}); it takes no more votes.`,
      '/referenda lists the ongoing ones; then /calldata <number>',
    );
  const rules = votingRulesOf(stored);
  const runningSpec = frame.status?.runtime?.specVersion ?? frame.status?.anchor.specVersion ?? null;
  const specText = (spec: number) => `spec ${formatInteger(spec)}`;
  const elsewhere = `Vote on Subsquare or Polkassembly instead (/referendum ${id} links them), or try again after the next snapshot.`;
  if (!rules)
    return refuse(
      frame,
      'no-voting-rules',
      `The snapshot holds no voting call indices for the runtime it read${runningSpec === null ? '' : ` (${specText(runningSpec)})`}, so no call data can be made safely.`,
      elsewhere,
    );
  if (runningSpec !== null && rules.specVersion !== runningSpec)
    return refuse(
      frame,
      'no-voting-rules',
      `The voting call indices were read under ${specText(rules.specVersion)}, but the chain runs ${specText(runningSpec)}; call data from them could be wrong.`,
      elsewhere,
    );
  const track = tracks.find((t) => t.id === info.track);
  return {
    type: 'calldata',
    referendum: id,
    ...(entity.title ? { title: entity.title } : {}),
    track: track ? trackLabel(track) : null,
    specVersion: rules.specVersion,
    voteLockingPeriod: rules.voteLockingPeriod,
    calls: voteCallRows(rules, votesOf(command)),
    example: command.vote === null,
    ...base(frame),
    links: voteLinks(id),
  };
}
