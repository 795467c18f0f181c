/**
 * `/delegate <address>`: the delegate's voter record (its votes, and the delegators counted from
 * every Delegating record), with the rules, outcomes, ongoing referenda and tracks at the frame's
 * pointer, through `delegateView`.
 */
import { accountLinks } from '../../../core/links/urls.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { delegateView } from '../../../core/voting/delegate-view.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { base, missingData } from '../reply-base.js';
import { voterRecordOf, votingInputs } from '../voting.js';
import type { DelegateCommand } from './grammar.js';

export async function delegateCommand(
  command: DelegateCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const { address } = command.account;
  const [inputs, record] = await Promise.all([
    votingInputs('delegate', ctx, frame),
    voterRecordOf(ctx, frame, address),
  ]);
  if ('type' in inputs) return inputs;
  if (!record) return missingData('delegate', 'conviction-voting records of every voter', frame);
  return {
    type: 'delegate',
    account: command.account,
    view: delegateView(address, record, inputs.outcome, inputs.context),
    ...base(frame),
    links: accountLinks(address),
  };
}
