/**
 * The chart attached to a `/referendum` reply: the threshold curves, the tally now and its history
 * since deciding started, read from the tally-history entity the snapshot keeps (one query, at
 * the same pointer as the referendum itself).
 */
import { chartData } from '../../../core/opengov/chart-data.js';
import { parseTallyHistory, type TallySample } from '../../../core/opengov/tally-history.js';
import type { ReferendumView } from '../../../core/opengov/view.js';
import type { ChartAttachment } from '../../../core/reply/reply-types.js';
import { ENTITY } from '../../../core/snapshot/entities.js';
import type { TrackInfo } from '../../../core/types/governance.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { activeIssuance } from '../reply-base.js';

/** The referendum's tally samples at the frame's pointer; none when there is no usable history. */
export async function readTallyHistory(
  id: number,
  frame: Frame,
  ctx: CommandContext,
): Promise<TallySample[]> {
  const data = await ctx.store.getEntity(ENTITY.tallyHistory, String(id), { pointer: frame.pointer });
  return parseTallyHistory(data) ?? [];
}

export function referendumChart(
  id: number,
  view: ReferendumView,
  track: TrackInfo,
  samples: readonly TallySample[],
  frame: Frame,
): ChartAttachment {
  return {
    type: 'referendum-chart',
    referendum: id,
    fileName: `referendum-${id}.png`,
    chart: chartData(view, track, { samples, activeIssuance: activeIssuance(frame) }),
  };
}
