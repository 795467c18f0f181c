/** `/unsubscribe <id> | <kind> [filter] | all`: help text, grammar and the line that unsubscribes. */
import { selectorWords } from '../../../core/commands/command-line.js';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import type { UnsubscribeSelector } from '../../../core/commands/command-types.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { parseUnsubscribeArguments } from '../../../core/commands/subscription-arguments.js';

export interface UnsubscribeCommand {
  name: 'unsubscribe';
  selector: UnsubscribeSelector;
}

export const help: CommandSpec = {
  name: 'unsubscribe',
  aliases: ['unsub'],
  usage:
    '/unsubscribe <id> | referenda [track] | deadlines [track|#id] | address <address> | cards [track] | all',
  summary: "Stops alerts: one subscription by its id, a kind's subscriptions, or all of them.",
  examples: ['/unsubscribe r1x9kq', '/unsubscribe deadlines', '/unsubscribe all'],
};

export function parse(args: readonly string[]): Parsed<UnsubscribeCommand> {
  const selector = parseUnsubscribeArguments(args);
  return selector.ok ? ok({ name: 'unsubscribe', selector: selector.value }) : selector;
}

/** The shortest line that removes what this selects. */
export const unsubscribeLine = (selector: UnsubscribeSelector) =>
  ['/unsub', ...selectorWords(selector)].join(' ');
