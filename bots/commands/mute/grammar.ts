/** `/mute <kind…> [for <id>]`: help text and grammar. */

import type { AlertKind } from '../../../core/alerts/alert-types.js';
import { scopeWords } from '../../../core/commands/command-line.js';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { parseKindWords } from '../../../core/commands/kind-arguments.js';
import { splitSubscriptionScope } from '../../../core/commands/settings-scope.js';
import { kindWords } from '../../../core/subscriptions/kind-words.js';

export interface MuteCommand {
  name: 'mute';
  kinds: AlertKind[];
  /** The id after "for": that subscription's own settings; null: the whole chat's. */
  subscription: string | null;
}

export const help: CommandSpec = {
  name: 'mute',
  aliases: [],
  usage: '/mute <kind…> [for <id>]',
  summary:
    'Stops kinds of alert in this chat, or "for <id>" from one subscription: referenda, deadlines, votes, staking, slashes, health, or single kinds like era-paid.',
  examples: ['/mute staking', '/mute era-paid ref-submitted', '/mute staking for a3k9zq'],
};

export function parse(all: readonly string[]): Parsed<MuteCommand> {
  const scoped = splitSubscriptionScope(all, 'mute');
  if (!scoped.ok) return scoped;
  const { args, subscription } = scoped.value;
  const kinds = parseKindWords(args, 'mute');
  return kinds.ok ? ok({ name: 'mute', kinds: kinds.value, subscription }) : kinds;
}

export const muteLine = (command: MuteCommand) =>
  ['/mute', kindWords(command.kinds).join(','), ...scopeWords(command.subscription)].join(' ');
