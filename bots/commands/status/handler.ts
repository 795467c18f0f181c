/** `/status`: which relay block the data is from, how old it is, whether it is stale. */
import type { Reply } from '../../../core/reply/reply-types.js';
import type { Frame } from '../frame.js';
import { base, missingData } from '../reply-base.js';

export function statusCommand(frame: Frame): Reply {
  const status = frame.status;
  if (!status) return missingData('status', 'status record', frame);
  return {
    type: 'status',
    version: frame.pointer.version,
    committedAtMs: frame.pointer.committedAt,
    anchor: { ...status.anchor },
    activeEra: status.activeEra,
    counts: { ...status.counts },
    runtime: status.runtime ?? null,
    warnings: [...status.warnings],
    ...base(frame),
  };
}
