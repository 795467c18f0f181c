/**
 * Broker time. A timeslice is `timeslicePeriod` relay blocks (`Broker.TimeslicePeriod`, 80 on
 * Kusama): timeslice t starts at relay block t × timeslicePeriod (pallet_broker's
 * `current_timeslice` divides the relay block number by the period).
 */

/** The relay block at which timeslice `t` starts. */
export function timesliceStartBlock(t: number, timeslicePeriod: number): number {
  return t * timeslicePeriod;
}

/** The timeslice that relay block `block` falls in. */
export function timesliceAt(block: number, timeslicePeriod: number): number {
  return Math.floor(block / timeslicePeriod);
}
