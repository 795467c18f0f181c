/** `/quiet [window [zone|UTC±H] [all] | off | default] [for <id>]`: help text and grammar. */
import { scopeWords } from '../../../core/commands/command-line.js';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { parseQuietArguments, type QuietChange } from '../../../core/commands/quiet-arguments.js';
import { splitSubscriptionScope } from '../../../core/commands/settings-scope.js';
import { formatQuietWindow } from '../../../core/subscriptions/quiet-format.js';

/**
 * Shows (null), sets or clears quiet hours. `subscription` is the id after "for": that
 * subscription's own settings; null: the whole chat's.
 */
export interface QuietCommand {
  name: 'quiet';
  change: QuietChange | null;
  subscription: string | null;
}

export const help: CommandSpec = {
  name: 'quiet',
  aliases: [],
  usage: '/quiet [<HH:MM>-<HH:MM> [<zone>|UTC±H[:MM]] [all] | off | default] [for <id>]',
  summary:
    'Quiet hours: alerts wait until they end; critical ones still come through unless you add "all". In a time zone (Europe/Berlin) they follow its daylight saving; a UTC offset stays fixed. For the whole chat, or "for <id>" one subscription (off: none for it; default: the chat\'s again).',
  examples: [
    '/quiet 22:00-07:00 Europe/Berlin',
    '/quiet 22:00-07:00 UTC+2',
    '/quiet 23-7 UTC-5 all',
    '/quiet off',
    '/quiet',
    '/quiet 21:00-08:00 UTC+1 for r1x9kq',
    '/quiet off for d2k7pz',
    '/quiet default for d2k7pz',
  ],
};

export function parse(all: readonly string[]): Parsed<QuietCommand> {
  const scoped = splitSubscriptionScope(all, 'quiet');
  if (!scoped.ok) return scoped;
  const { args, subscription } = scoped.value;
  const change = parseQuietArguments(args, subscription !== null);
  return change.ok ? ok({ name: 'quiet', change: change.value, subscription }) : change;
}

export function quietLine(command: QuietCommand): string {
  const c = command.change;
  const words =
    c === null
      ? []
      : c.type === 'set'
        ? [formatQuietWindow(c.quietHours), ...(c.quietHours.holdCritical ? ['all'] : [])]
        : [c.type];
  return ['/quiet', ...words, ...scopeWords(command.subscription)].join(' ');
}
