/**
 * Where a `PotentialRenewals` entry stands against the current sale (pallet_broker's `do_renew`
 * renews only the entry whose `when` equals the sale's `regionBegin`, only when its completion is
 * `Complete`, and only until the sale rotates; a renewal writes the next entry at `regionEnd`):
 * - `due`: renewable in this sale, until `deadline` (relay block, sale-phase.ts `saleEndBlock`);
 * - `renewed`: its entry is for the next sale (`when` = `regionEnd`): the para holds the core
 *   through this region (renewed already, or set up by a lease's end or an assignment);
 * - `partial`: the core was not fully assigned to one workload, so it cannot be renewed;
 * - `lapsed`: its sale has passed without a renewal (the entry stays until someone drops it);
 * - `later`: for a sale after the next one.
 */
import type { BrokerConfig, PotentialRenewal, SaleInfo } from '../types/parachains.js';
import { saleEndBlock } from './sale-phase.js';

export type RenewalState = 'due' | 'renewed' | 'partial' | 'lapsed' | 'later';

export interface RenewalStanding {
  state: RenewalState;
  /** Relay block before which a `due` renewal must be made; null otherwise. */
  deadline: number | null;
}

export function renewalStanding(
  renewal: PotentialRenewal,
  sale: SaleInfo,
  config: Pick<BrokerConfig, 'advanceNotice'>,
  timeslicePeriod: number,
): RenewalStanding {
  if (renewal.when < sale.regionBegin) return { state: 'lapsed', deadline: null };
  if (renewal.when > sale.regionEnd) return { state: 'later', deadline: null };
  if (renewal.when === sale.regionEnd) return { state: 'renewed', deadline: null };
  if (renewal.completion.type === 'partial') return { state: 'partial', deadline: null };
  return { state: 'due', deadline: saleEndBlock(sale, config, timeslicePeriod) };
}

/** The paras a renewal's workload runs (a `Complete` workload may split a core between paras). */
export function renewalParas(renewal: PotentialRenewal): number[] {
  if (renewal.completion.type !== 'complete') return [];
  const paras = renewal.completion.items.flatMap((i) =>
    i.assignment.type === 'task' ? [i.assignment.para] : [],
  );
  return [...new Set(paras)].sort((a, b) => a - b);
}
