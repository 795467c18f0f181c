/** `/unmute <kind…> | all [for <id>]`: help text and grammar. */

import type { AlertKind } from '../../../core/alerts/alert-types.js';
import { scopeWords } from '../../../core/commands/command-line.js';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { parseKindWords } from '../../../core/commands/kind-arguments.js';
import { splitSubscriptionScope } from '../../../core/commands/settings-scope.js';
import { kindWords } from '../../../core/subscriptions/kind-words.js';

export interface UnmuteCommand {
  name: 'unmute';
  kinds: AlertKind[] | 'all';
  /** The id after "for": that subscription's own settings; null: the whole chat's. */
  subscription: string | null;
}

export const help: CommandSpec = {
  name: 'unmute',
  aliases: [],
  usage: '/unmute <kind…> | all [for <id>]',
  summary: 'Lets muted kinds of alert through again, in the whole chat or "for <id>" one subscription.',
  examples: ['/unmute staking', '/unmute all', '/unmute all for a3k9zq'],
};

export function parse(all: readonly string[]): Parsed<UnmuteCommand> {
  const scoped = splitSubscriptionScope(all, 'unmute');
  if (!scoped.ok) return scoped;
  const { args, subscription } = scoped.value;
  if (args.length === 1 && args[0]!.toLowerCase() === 'all')
    return ok({ name: 'unmute', kinds: 'all', subscription });
  const kinds = parseKindWords(args, 'unmute');
  return kinds.ok ? ok({ name: 'unmute', kinds: kinds.value, subscription }) : kinds;
}

export function unmuteLine(command: UnmuteCommand): string {
  const kinds = command.kinds === 'all' ? 'all' : kindWords(command.kinds).join(',');
  return ['/unmute', kinds, ...scopeWords(command.subscription)].join(' ');
}
