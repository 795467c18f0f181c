/**
 * The on-demand spot price, as the relay chain's `OnDemandAssignmentProvider` charges it in
 * `place_order`: traffic (FixedU128, 1e18 = 1) × `on_demand_base_fee`, rounded down.
 */
import type { OnDemandState } from '../types/parachains.js';

const ONE = 10n ** 18n;

export function onDemandSpotPrice(onDemand: Pick<OnDemandState, 'traffic' | 'baseFee'>): bigint {
  return (onDemand.traffic * onDemand.baseFee) / ONE;
}
