/** `/subscribe <kind> [filter]`: help text, grammar and the line that subscribes. */
import { requestWords } from '../../../core/commands/command-line.js';
import { type CommandSpec, EXAMPLE_ADDRESS } from '../../../core/commands/command-spec.js';
import type { SubscribeRequest } from '../../../core/commands/command-types.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { parseSubscribeArguments } from '../../../core/commands/subscription-arguments.js';

export interface SubscribeCommand {
  name: 'subscribe';
  request: SubscribeRequest;
}

export const help: CommandSpec = {
  name: 'subscribe',
  aliases: ['sub'],
  usage:
    '/subscribe referenda [track] | deadlines [track|#id] [24h,1h] | address <address> | cards [track] | treasury [asset] [minimum] | coretime [below <KSM>] | para <id> [stall 1h]',
  summary:
    'Alerts in this chat: new referenda and phase changes, deadlines, an address, live referendum cards, treasury spends and bounties, the coretime sale, or a para.',
  examples: [
    '/subscribe referenda',
    '/subscribe referenda treasurer',
    '/subscribe deadlines 24h,1h',
    '/subscribe deadlines #412 2h',
    `/subscribe address ${EXAMPLE_ADDRESS}`,
    '/subscribe cards treasurer',
    '/subscribe treasury USDT 10000',
    '/subscribe coretime below 5',
    '/subscribe para 2000 stall 30m',
  ],
};

export function parse(args: readonly string[]): Parsed<SubscribeCommand> {
  const request = parseSubscribeArguments(args);
  return request.ok ? ok({ name: 'subscribe', request: request.value }) : request;
}

/** The shortest line that subscribes to this. */
export const subscribeLine = (request: SubscribeRequest) =>
  ['/sub', ...requestWords(request, true)].join(' ');
