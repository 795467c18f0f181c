/**
 * The bridge to the shared command set: a command line and the caller's target in, a reply
 * intent out. One snapshot cache per process, shared by every answer and by autocomplete.
 */

import type { SnapshotReader } from '../../../core/ports/snapshot-reader.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { Target } from '../../../core/subscriptions/subscription-model.js';
import { answerCommand } from '../../commands/answer.js';
import { type ChatAlertRecords, type CommandContext, commandContext } from '../../commands/context.js';
import { SnapshotCache } from '../../commands/snapshot-cache.js';

export type CommandRunner = (line: string, caller: Target | null) => Promise<Reply>;

export interface CommandRunnerOptions {
  store: SnapshotReader;
  subscriptions: SubscriptionStore | null;
  /** Alert settings and recent deliveries; null where /quiet, /mute and /missed are not offered. */
  alertRecords?: ChatAlertRecords | null;
  staleAfterMs: number;
  cache?: SnapshotCache;
  now?: () => number;
  log?: (message: string) => void;
}

export interface CommandBridge {
  run: CommandRunner;
  /** A context for reads that are not commands (autocomplete), sharing the cache. */
  context(caller: Target | null): CommandContext;
}

export function commandBridge(options: CommandRunnerOptions): CommandBridge {
  const cache = options.cache ?? new SnapshotCache();
  const context = (caller: Target | null) =>
    commandContext({
      store: options.store,
      subscriptions: options.subscriptions,
      alertRecords: options.alertRecords ?? null,
      caller,
      staleAfterMs: options.staleAfterMs,
      cache,
      now: options.now,
      log: options.log,
    });
  return { run: (line, caller) => answerCommand(line, context(caller)), context };
}
