/**
 * `/votes <address>`: the account's voter record, the voting rules, referendum outcomes, the
 * ongoing referenda and the tracks, and its staking slice for unbonded stake, all at the frame's
 * pointer (seven reads, the shared ones cached per version), through `votesView`.
 */
import { accountLinks } from '../../../core/links/urls.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { accountView } from '../../../core/staking/account-view.js';
import { readAccountSlice } from '../../../core/staking/stored-read.js';
import { type StakingWithdrawal, votesView } from '../../../core/voting/votes-view.js';
import type { CommandContext } from '../context.js';
import { eraSliceOf, type Frame, viewContextOf } from '../frame.js';
import { base, missingData } from '../reply-base.js';
import { subscribeLine } from '../subscribe/grammar.js';
import { voterRecordOf, votingInputs } from '../voting.js';
import type { VotesCommand } from './grammar.js';

async function stakingWithdrawal(
  ctx: CommandContext,
  frame: Frame,
  address: string,
): Promise<StakingWithdrawal | null> {
  const [era, viewContext] = await Promise.all([eraSliceOf(ctx, frame), viewContextOf(ctx, frame)]);
  const slice = era ? await readAccountSlice(ctx.store, frame.pointer, address, era) : undefined;
  if (!slice || !viewContext) return null;
  const view = accountView(slice, viewContext);
  return {
    withdrawable: view.bond.unlocking.withdrawable,
    unbonding: view.bond.unlocking.unbonding,
    pool: view.pool ? { poolId: view.pool.poolId, withdrawable: view.pool.unbonding.withdrawable } : null,
  };
}

export async function votesCommand(command: VotesCommand, frame: Frame, ctx: CommandContext): Promise<Reply> {
  const { address } = command.account;
  const [inputs, record, staking] = await Promise.all([
    votingInputs('votes', ctx, frame),
    voterRecordOf(ctx, frame, address),
    stakingWithdrawal(ctx, frame, address),
  ]);
  if ('type' in inputs) return inputs;
  if (!record) return missingData('votes', 'conviction-voting records of every voter', frame);
  const subscribe = subscribeLine({ kind: 'address', address: command.account });
  return {
    type: 'votes',
    account: command.account,
    view: votesView(address, record, inputs.outcome, inputs.context, staking),
    ...base(frame, [{ type: 'subscribe-address', address, command: subscribe }]),
    links: accountLinks(address),
  };
}
