/** `/era`: the era slice through the staking engine's era view. */
import type { Reply } from '../../../core/reply/reply-types.js';
import { eraView } from '../../../core/staking/era-view.js';
import type { CommandContext } from '../context.js';
import { eraSliceOf, type Frame, viewContextOf } from '../frame.js';
import { base, missingData } from '../reply-base.js';

export async function eraCommand(frame: Frame, ctx: CommandContext): Promise<Reply> {
  const [slice, viewContext] = await Promise.all([eraSliceOf(ctx, frame), viewContextOf(ctx, frame)]);
  if (!slice || !viewContext) return missingData('era', 'era data', frame);
  return { type: 'era', view: eraView(slice, viewContext), ...base(frame) };
}
