/** `/tracks`: every track's parameters, with its deciding and ongoing referenda. */
import { summariseTrack } from '../../../core/opengov/tracks.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { CommandContext } from '../context.js';
import { type Frame, referendaIndexOf, tracksOf } from '../frame.js';
import { decidingCounts } from '../governance.js';
import { base, missingData } from '../reply-base.js';

export async function tracksCommand(frame: Frame, ctx: CommandContext): Promise<Reply> {
  const [tracks, index] = await Promise.all([tracksOf(ctx, frame), referendaIndexOf(ctx, frame)]);
  if (tracks.length === 0) return missingData('tracks', 'track list', frame);
  const ongoing = index?.ongoing ?? [];
  const deciding = decidingCounts(ongoing);
  return {
    type: 'tracks',
    tracks: [...tracks]
      .sort((a, b) => a.id - b.id)
      .map((t) => ({
        ...summariseTrack(t),
        deciding: deciding.get(t.id) ?? 0,
        ongoing: ongoing.filter((r) => r.track === t.id).length,
      })),
    ...base(frame),
  };
}
