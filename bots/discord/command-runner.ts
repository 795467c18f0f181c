import type { Reply } from '../../core/reply/reply-types.js';
import type { Target } from '../../core/subscriptions/subscription-model.js';
import { answerCommand } from '../commands/answer.js';
import { type CommandContext, type ContextOptions, commandContext } from '../commands/context.js';
import { SnapshotCache } from '../commands/snapshot-cache.js';

export type CommandRunner = (line: string, caller: Target | null) => Promise<Reply>;

/** The command context's sources; the caller comes with each line. */
export type CommandRunnerOptions = Omit<ContextOptions, 'caller'>;

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
