/**
 * A dispatcher that can be killed like a process: from the kill on, every call it makes to the
 * table, the queue or a platform fails, and nothing it had in flight is acknowledged. The kill can
 * be triggered from inside one of its own steps (after the n-th claim, after a record is marked).
 */

import type { AlertRecordStore } from '../../../core/ports/alert-records.js';
import type { JobQueue } from '../../../core/ports/job-queue.js';
import type { Notifier, Platform } from '../../../core/ports/notifier.js';
import type { DispatcherDeps } from '../../../lambdas/alerts/dispatch-run.js';

export interface KillSwitch {
  killed: boolean;
  /** Called after each successful step; return true to die right there. */
  after?: (step: keyof AlertRecordStore | 'send', count: number) => boolean;
}

export class Killed extends Error {
  override readonly name = 'Killed';
}

export function killableDeps(deps: DispatcherDeps, sw: KillSwitch): DispatcherDeps {
  const counts = new Map<string, number>();
  const step = (name: keyof AlertRecordStore | 'send') => {
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    if (sw.after?.(name, n)) sw.killed = true;
  };
  const guard = async <T>(name: keyof AlertRecordStore | 'send', call: () => Promise<T>): Promise<T> => {
    if (sw.killed) throw new Killed('dispatcher killed');
    const result = await call();
    if (sw.killed) throw new Killed('dispatcher killed');
    step(name);
    return result;
  };
  const records = new Proxy(deps.records, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => guard(prop as keyof AlertRecordStore, () => value.apply(target, args));
    },
  });
  const notifiers: Partial<Record<Platform, Notifier>> = {};
  for (const [platform, n] of Object.entries(deps.notifiers) as Array<[Platform, Notifier]>)
    notifiers[platform] = {
      platform,
      send: (target, messages) => guard('send', () => n.send(target, messages)),
    };
  const queue: JobQueue = {
    send: (messages) => {
      if (sw.killed) return Promise.reject(new Killed('dispatcher killed'));
      return deps.queue.send(messages);
    },
  };
  return { ...deps, records, notifiers, queue };
}
