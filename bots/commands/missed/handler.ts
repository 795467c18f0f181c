/** `/missed [hours]`: this chat's recent alerts again, newest first, with what became of each. */
import { MISSED_ALERTS_SHOWN } from '../../../core/commands/limits.js';
import { trackName } from '../../../core/opengov/tracks.js';
import { errorReply } from '../../../core/reply/builders.js';
import { missedRow } from '../../../core/reply/missed-rows.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { alertTarget } from '../chat-settings.js';
import type { CommandContext } from '../context.js';
import { type Frame, tracksOf } from '../frame.js';
import { base } from '../reply-base.js';
import type { MissedCommand } from './grammar.js';

const HOUR_MS = 3_600_000;

/**
 * The alert engine's clock. Delivery records are stamped with the wall clock in AWS but with the
 * chain's clock under `npm start` (the dev chain's time is not today's); the snapshot's chain time
 * plus its age is either, to within the seconds a snapshot takes.
 */
export function alertClock(frame: Frame, ctx: CommandContext): number {
  const f = frame.freshness;
  const now = ctx.now();
  return f.chainTimeMs > 0 && f.snapshotAtMs > 0 ? f.chainTimeMs + Math.max(0, now - f.snapshotAtMs) : now;
}

export async function missedCommand(
  command: MissedCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const where = alertTarget(ctx, 'missed');
  if (!where.ok) return errorReply(where.error, 'missed', frame.freshness);
  const { target, records } = where.value;
  const nowMs = alertClock(frame, ctx);
  const sinceMs = nowMs - command.hours * HOUR_MS;
  const [recent, tracks] = await Promise.all([
    records.recent(target, { sinceMs, limit: MISSED_ALERTS_SHOWN + 1 }),
    tracksOf(ctx, frame),
  ]);
  const trackNames = new Map(tracks.map((t) => [t.id, trackName(t.name)]));
  return {
    type: 'missed',
    target,
    hours: command.hours,
    nowMs,
    sinceMs,
    rows: recent.slice(0, MISSED_ALERTS_SHOWN).map((r) => missedRow(r, { nowMs, trackNames })),
    limit: MISSED_ALERTS_SHOWN,
    more: recent.length > MISSED_ALERTS_SHOWN,
    ...base(frame),
  };
}
