/** `/referendum <id>`: the OpenGov engine's full view of one referendum, with its chart. */
import { referendumLinks, voteLinks } from '../../../core/links/urls.js';
import { evaluateReferendum } from '../../../core/opengov/evaluate.js';
import type { TallySample } from '../../../core/opengov/tally-history.js';
import type { BlockTime } from '../../../core/opengov/time.js';
import { summariseTrack } from '../../../core/opengov/tracks.js';
import type { ReferendumView } from '../../../core/opengov/view.js';
import type { Reply, ReplyAction, ReplyAttachment } from '../../../core/reply/reply-types.js';
import { ENTITY, type ReferendumEntity } from '../../../core/snapshot/entities.js';
import { DEFAULT_DEADLINE_LEAD_MINUTES } from '../../../core/subscriptions/limits.js';
import type { TrackInfo } from '../../../core/types/governance.js';
import { callDataLine } from '../calldata/grammar.js';
import type { CommandContext } from '../context.js';
import { type Frame, tracksOf } from '../frame.js';
import { evaluationContext } from '../governance.js';
import { base } from '../reply-base.js';
import { subscribeLine } from '../subscribe/grammar.js';
import { readTallyHistory, referendumChart } from './chart.js';
import { type ReferendumCommand, referendumLine } from './grammar.js';
import { unknownReferendumReply } from './suggest.js';

/** The deadline an "alert me" button is about: confirm end, else decision end, else the next event. */
export function nextDeadline(view: ReferendumView): BlockTime | null {
  if (view.phase !== 'preparing' && view.phase !== 'deciding' && view.phase !== 'confirming') return null;
  return view.keyBlocks.confirmEnd ?? view.keyBlocks.decisionEnd ?? view.next?.at ?? null;
}

const unknownReferendum = (id: number, frame: Frame, ctx: CommandContext): Promise<Reply> =>
  unknownReferendumReply(id, frame, ctx, 'referendum', referendumLine);

/** An ongoing referendum's buttons (deadline alert, track alerts, call data to vote) and its chart. */
function extras(
  id: number,
  info: ReferendumEntity['info'],
  view: ReferendumView,
  track: TrackInfo | undefined,
  chart: { samples: readonly TallySample[]; frame: Frame },
): { actions: ReplyAction[]; attachments: ReplyAttachment[] } {
  const actions: ReplyAction[] = [];
  const attachments: ReplyAttachment[] = [];
  if (info.status !== 'ongoing') return { actions, attachments };
  actions.push({
    type: 'deadline-alert',
    referendum: id,
    deadline: nextDeadline(view),
    command: subscribeLine({
      kind: 'deadlines',
      scope: { type: 'referendum', referendum: id },
      leadMinutes: [...DEFAULT_DEADLINE_LEAD_MINUTES],
    }),
  });
  actions.push({
    type: 'subscribe-track',
    track: info.track,
    command: subscribeLine({ kind: 'referenda', track: String(info.track) }),
  });
  actions.push({
    type: 'call-data',
    referendum: id,
    command: callDataLine({ name: 'calldata', referendum: id, vote: null }),
  });
  if (track) attachments.push(referendumChart(id, view, track, chart.samples, chart.frame));
  return { actions, attachments };
}

export async function referendumCommand(
  command: ReferendumCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const [entity, tracks, samples] = await Promise.all([
    ctx.store.getEntity<ReferendumEntity>(ENTITY.referendum, String(command.id), { pointer: frame.pointer }),
    tracksOf(ctx, frame),
    readTallyHistory(command.id, frame, ctx),
  ]);
  if (!entity) return unknownReferendum(command.id, frame, ctx);
  const info = entity.info;
  const trackId = info.status === 'ongoing' ? info.track : null;
  const track = trackId === null ? undefined : tracks.find((t) => t.id === trackId);
  const view = evaluateReferendum(
    info,
    track,
    evaluationContext(frame, {
      decidingCount: entity.trackDecidingCount,
      queuePosition: entity.queuePosition ?? undefined,
    }),
  );
  const { actions, attachments } = extras(command.id, info, view, track, { samples, frame });
  return {
    type: 'referendum',
    id: command.id,
    ...(entity.title ? { title: entity.title } : {}),
    info,
    view,
    track: track ? summariseTrack(track) : null,
    proposal: entity.proposal,
    trackDecidingCount: entity.trackDecidingCount,
    queuePosition: entity.queuePosition,
    ...base(frame, actions, attachments),
    // An ongoing referendum's pages are where one votes; an ended one's only tell its story.
    links: info.status === 'ongoing' ? voteLinks(command.id) : referendumLinks(command.id),
  };
}
