/**
 * `/crowdloan <address>`: the account's crowdloan contributions and deposits waiting on Asset Hub
 * (`crowdloan/<address>`), each with the relay block it can be withdrawn from and the `ahOps` call
 * that returns it. A crowdloan deposit waits until every contribution of its crowdloan is
 * withdrawn: those are counted from `index/crowdloans`, which is read only then, or to tell an
 * account with nothing waiting from a snapshot without crowdloan data.
 */
import { contributionCall, depositCall, isWithdrawable } from '../../../core/coretime/crowdloan.js';
import { accountLinks } from '../../../core/links/urls.js';
import { blockTime, type TimeAnchor } from '../../../core/opengov/time.js';
import type { ContributionRow, CrowdloanReply, DepositRow } from '../../../core/reply/parachain-replies.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import {
  type CrowdloanAccount,
  type CrowdloanIndex,
  ENTITY,
  INDEX_ID,
} from '../../../core/snapshot/entities.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { anchorOf, paraOf } from '../parachains/data.js';
import { base, missingData } from '../reply-base.js';
import type { CrowdloanCommand } from './grammar.js';

/** Rows of each list shown (the rest are counted and totalled). */
export const MAX_CROWDLOAN_ROWS = 10;

function crowdloanIndexOf(ctx: CommandContext, frame: Frame): Promise<CrowdloanIndex | null> {
  return ctx.cache.get(frame.pointer.version, `${ENTITY.index}/${INDEX_ID.crowdloans}`, async () => {
    const found = await ctx.store.getEntity<CrowdloanIndex>(ENTITY.index, INDEX_ID.crowdloans, {
      pointer: frame.pointer,
    });
    return found ?? null;
  });
}

/** Contributions of the crowdloan (same block and para) not yet withdrawn, from the index. */
function contributionsLeft(index: CrowdloanIndex | null, block: number, para: number): number {
  return (index?.entries ?? []).filter(
    (e) => e.kind === 'contribution' && e.block === block && e.para === para,
  ).length;
}

export function crowdloanReplyOf(
  command: CrowdloanCommand,
  account: CrowdloanAccount | null,
  index: CrowdloanIndex | null,
  frame: Frame,
  anchor: TimeAnchor = anchorOf(frame),
): CrowdloanReply {
  const relayBlock = anchor.relayBlock;
  const byBlock = (a: { block: number; para: number }, b: { block: number; para: number }) =>
    a.block - b.block || a.para - b.para;
  const contributions: ContributionRow[] = [...(account?.contributions ?? [])].sort(byBlock).map((c) => ({
    para: paraOf(c.para),
    block: blockTime(c.block, anchor),
    amount: c.amount,
    fundAccount: c.fundAccount,
    withdrawable: isWithdrawable(c, relayBlock),
    call: contributionCall(c),
  }));
  const deposits: DepositRow[] = [...(account?.deposits ?? [])].sort(byBlock).map((d) => {
    const left = d.kind === 'crowdloan' ? contributionsLeft(index, d.block, d.para) : 0;
    return {
      kind: d.kind,
      para: paraOf(d.para),
      block: blockTime(d.block, anchor),
      amount: d.amount,
      withdrawable: isWithdrawable(d, relayBlock) && left === 0,
      contributionsLeft: left,
      call: left === 0 ? depositCall(d) : null,
    };
  });
  const all = [...contributions, ...deposits];
  return {
    type: 'crowdloan',
    account: command.account,
    relayBlock,
    contributions: contributions.slice(0, MAX_CROWDLOAN_ROWS),
    contributionsOmitted: Math.max(0, contributions.length - MAX_CROWDLOAN_ROWS),
    deposits: deposits.slice(0, MAX_CROWDLOAN_ROWS),
    depositsOmitted: Math.max(0, deposits.length - MAX_CROWDLOAN_ROWS),
    totals: {
      amount: all.reduce((sum, r) => sum + r.amount, 0n),
      withdrawableNow: all.filter((r) => r.withdrawable).reduce((sum, r) => sum + r.amount, 0n),
      count: all.length,
    },
    ...base(frame),
    links: accountLinks(command.account.address),
  };
}

export async function crowdloanCommand(
  command: CrowdloanCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const account = await ctx.store.getEntity<CrowdloanAccount>(ENTITY.crowdloan, command.account.address, {
    pointer: frame.pointer,
  });
  const needsIndex = !account || account.deposits.some((d) => d.kind === 'crowdloan');
  const index = needsIndex ? await crowdloanIndexOf(ctx, frame) : null;
  if (!account && !index) return missingData('crowdloan', 'crowdloan data from Asset Hub', frame);
  return crowdloanReplyOf(command, account ?? null, index, frame);
}
