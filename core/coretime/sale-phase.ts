/**
 * Where the bulk coretime sale stands at a relay block, as pallet_broker decides it:
 * - `interlude`: before `saleStart`; only renewals are open (`purchase` needs now > saleStart);
 * - `leadin`: the price falls from 100 × `endPrice` towards `endPrice` (sale-price.ts);
 * - `fixed`: the lead-in is over; the price is `endPrice` until the sale ends;
 * - `ended`: the sale should have rotated (the next `SaleInfo` is not read yet).
 *
 * The sale ends (rotates to the next one) in the first Coretime block whose relay block `now`
 * satisfies (now + advanceNotice) / timeslicePeriod >= regionBegin (`do_tick` commits timeslices
 * `advance_notice` relay blocks ahead and rotates when the committed one reaches `region_begin`):
 * at relay block regionBegin × timeslicePeriod − advanceNotice. Renewals for this sale
 * (`PotentialRenewals` with `when` = regionBegin) are possible until then, and not after.
 */
import type { BrokerConfig, SaleInfo } from '../types/parachains.js';
import { timesliceStartBlock } from './timeslice.js';

export type SalePhase = 'interlude' | 'leadin' | 'fixed' | 'ended';

/** The relay block at which the sale rotates: the last moment to buy or renew in it is before it. */
export function saleEndBlock(
  sale: SaleInfo,
  config: Pick<BrokerConfig, 'advanceNotice'>,
  timeslicePeriod: number,
): number {
  return timesliceStartBlock(sale.regionBegin, timeslicePeriod) - config.advanceNotice;
}

/** The relay block at which the lead-in ends and the price reaches `endPrice`. */
export function leadinEndBlock(sale: SaleInfo): number {
  return sale.saleStart + sale.leadinLength;
}

export function salePhase(
  sale: SaleInfo,
  config: Pick<BrokerConfig, 'advanceNotice'>,
  timeslicePeriod: number,
  relayBlock: number,
): SalePhase {
  if (relayBlock >= saleEndBlock(sale, config, timeslicePeriod)) return 'ended';
  if (relayBlock <= sale.saleStart) return 'interlude';
  if (relayBlock < leadinEndBlock(sale)) return 'leadin';
  return 'fixed';
}

/** Cores still for sale (`coresOffered - coresSold`, never below zero). */
export function coresAvailable(sale: SaleInfo): number {
  return Math.max(0, sale.coresOffered - sale.coresSold);
}
