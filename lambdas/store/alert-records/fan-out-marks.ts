/**
 * When each alert was last fanned out. A deadline alert is detected again on every run while its
 * window is open (every 5 minutes for an hour, and by the scheduled checks), and a referendum
 * alert by a run that repeats after a crash; without these marks each repeat would enqueue a job
 * for every subscriber again (100,000 jobs, claims and conditional writes, all refused as already
 * sent). The detector marks an alert once all its jobs are enqueued, with a time taken before it
 * read the subscribers; a later run sends the alert only to subscriptions made or changed since.
 */
import type { AlertRecordStore } from '../../../core/ports/alert-records.js';
import { InvalidInputError, keyString } from '../table/index.js';
import { fanOutKey } from './keys.js';
import { checkAlertId, type RecordsContext } from './records.js';

export function fanOutMethods(
  ctx: RecordsContext,
): Required<Pick<AlertRecordStore, 'fannedOut' | 'markFannedOut'>> {
  return {
    async fannedOut(alertIds) {
      const ids = [...new Set(alertIds)];
      for (const id of ids) checkAlertId(id);
      const found = await ctx.io.batchGet(ids.map(fanOutKey), true);
      const out = new Map<string, number>();
      for (const id of ids) {
        const at = found.get(keyString(fanOutKey(id)))?.at;
        if (typeof at === 'number') out.set(id, at);
      }
      return out;
    },

    async markFannedOut(alertIds, atMs) {
      const ids = [...new Set(alertIds)];
      for (const id of ids) checkAlertId(id);
      if (!Number.isFinite(atMs)) throw new InvalidInputError(`markFannedOut needs a time, not ${atMs}`);
      const exp = Math.ceil((ctx.now() + ctx.retentionMs) / 1000);
      await ctx.io.batchWrite(
        ids.map((id) => ({ put: { ...fanOutKey(id), at: atMs, exp } })),
        ctx.tally,
        'version',
      );
    },
  };
}
