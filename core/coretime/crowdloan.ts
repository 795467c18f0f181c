/**
 * When crowdloan money comes back on Asset Hub (`AhOps`). Each entry can be withdrawn from relay
 * block `block` on (`ensure!(block <= RcBlockNumberProvider::current_block_number())`), by any
 * signed account:
 * - a contribution: `ahOps.withdrawCrowdloanContribution(block, depositor, paraId)` (it also
 *   unreserves the fund's lease deposit when one is left);
 * - a lease deposit: `ahOps.unreserveLeaseDeposit(block, depositor, paraId)`;
 * - a crowdloan deposit: `ahOps.unreserveCrowdloanReserve(block, depositor, paraId)`, only once
 *   every contribution of that crowdloan (same block and para) is withdrawn.
 */
import type { AhDeposit, CrowdloanContribution, CrowdloanState } from '../types/parachains.js';

export function isWithdrawable(entry: { block: number }, relayBlock: number): boolean {
  return entry.block <= relayBlock;
}

export type RefundCall =
  | { call: 'ahOps.withdrawCrowdloanContribution'; args: [block: number, depositor: string, paraId: number] }
  | { call: 'ahOps.unreserveLeaseDeposit'; args: [block: number, depositor: string, paraId: number] }
  | { call: 'ahOps.unreserveCrowdloanReserve'; args: [block: number, depositor: string, paraId: number] };

export function contributionCall(c: CrowdloanContribution): RefundCall {
  return { call: 'ahOps.withdrawCrowdloanContribution', args: [c.block, c.contributor, c.para] };
}

export function depositCall(d: AhDeposit): RefundCall {
  return d.kind === 'lease'
    ? { call: 'ahOps.unreserveLeaseDeposit', args: [d.block, d.account, d.para] }
    : { call: 'ahOps.unreserveCrowdloanReserve', args: [d.block, d.account, d.para] };
}

/** A crowdloan deposit waits for the fund's contributions (same block and para) to be withdrawn. */
export function contributionsRemaining(state: CrowdloanState, d: AhDeposit): number {
  if (d.kind !== 'crowdloan') return 0;
  return state.contributions.filter((c) => c.block === d.block && c.para === d.para).length;
}
