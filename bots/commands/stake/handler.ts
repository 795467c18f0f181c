/** `/stake <address>`: the account's slice and the era context through the staking engine. */
import { accountLinks } from '../../../core/links/urls.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { emptyAccountSlice } from '../../../core/staking/account-slices.js';
import { accountView } from '../../../core/staking/account-view.js';
import { readAccountSlice } from '../../../core/staking/stored-read.js';
import type { CommandContext } from '../context.js';
import { eraSliceOf, type Frame, viewContextOf } from '../frame.js';
import { base, missingData } from '../reply-base.js';
import { subscribeLine } from '../subscribe/grammar.js';
import type { StakeCommand } from './grammar.js';

export async function stakeCommand(command: StakeCommand, frame: Frame, ctx: CommandContext): Promise<Reply> {
  const { address } = command.account;
  const [era, viewContext] = await Promise.all([eraSliceOf(ctx, frame), viewContextOf(ctx, frame)]);
  const slice = era ? await readAccountSlice(ctx.store, frame.pointer, address, era) : undefined;
  if (!viewContext) return missingData('stake', 'era data', frame);
  const view = accountView(slice ?? emptyAccountSlice(address), viewContext);
  const subscribe = subscribeLine({ kind: 'address', address: command.account });
  return {
    type: 'stake',
    account: command.account,
    view,
    ...base(frame, [{ type: 'subscribe-address', address, command: subscribe }]),
    links: accountLinks(address),
  };
}
