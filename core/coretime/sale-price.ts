/**
 * The bulk coretime price at a relay block, exactly as pallet_broker computes it
 * (`sale_price`, with Kusama's `PriceAdapter` = `MinimumPrice`, whose lead-in factor is
 * `CenterTargetPrice`'s):
 *   through = FixedU64::from_rational(min(now − saleStart, leadinLength), leadinLength)  (rounded down)
 *   factor  = 100 − 180 × through   while through <= 1/2
 *           = 19 − 18 × through     after (never below zero)
 *   price   = factor × endPrice     (FixedU64 × integer, rounded down)
 * FixedU64 counts in 1e9ths. Before `saleStart` the formula gives the start price (factor 100).
 */
import type { SaleInfo } from '../types/parachains.js';

const ONE = 1_000_000_000n;
const HALF = ONE / 2n;

/** The lead-in factor at a relay block, as a FixedU64 inner value (1e9 = 1). */
export function leadinFactor(sale: Pick<SaleInfo, 'saleStart' | 'leadinLength'>, relayBlock: number): bigint {
  if (sale.leadinLength <= 0) return ONE;
  const elapsed = Math.min(Math.max(0, relayBlock - sale.saleStart), sale.leadinLength);
  const through = (BigInt(elapsed) * ONE) / BigInt(sale.leadinLength);
  const factor = through <= HALF ? 100n * ONE - through * 180n : 19n * ONE - through * 18n;
  return factor < 0n ? 0n : factor;
}

/** The price of a core bought at this relay block, planck. */
export function salePriceAt(
  sale: Pick<SaleInfo, 'saleStart' | 'leadinLength' | 'endPrice'>,
  relayBlock: number,
): bigint {
  return (leadinFactor(sale, relayBlock) * sale.endPrice) / ONE;
}

/**
 * The first relay block from which the price is at or below `level` (the price only falls during
 * the lead-in): `saleStart` or later; null when it never gets there (`level` below `endPrice`).
 */
export function firstBlockAtOrBelow(
  sale: Pick<SaleInfo, 'saleStart' | 'leadinLength' | 'endPrice'>,
  level: bigint,
): number | null {
  if (salePriceAt(sale, sale.saleStart + sale.leadinLength) > level) return null;
  let lo = sale.saleStart;
  let hi = sale.saleStart + Math.max(0, sale.leadinLength);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (salePriceAt(sale, mid) <= level) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
