/** Per-validator slices: prefs, ledger and every elected era of the window with its payout figures. */
import { toKusamaAddress } from '../address/parse.js';
import type { Snapshot } from '../types/snapshot.js';
import type { Address } from '../types/staking.js';
import type { ValidatorEraFigures, ValidatorSlice } from './slice-types.js';
import { indexSnapshot, type SnapshotIndex } from './snapshot-index.js';

function nominatorCounts(snapshot: Snapshot, only?: Address): Map<Address, number> {
  const counts = new Map<Address, number>();
  for (const nominations of Object.values(snapshot.staking.nominators)) {
    for (const target of new Set(nominations.targets)) {
      if (only !== undefined && target !== only) continue;
      counts.set(target, (counts.get(target) ?? 0) + 1);
    }
  }
  return counts;
}

function sliceFor(idx: SnapshotIndex, counts: Map<Address, number>, address: Address): ValidatorSlice {
  const { staking } = idx.snapshot;
  const eras: ValidatorEraFigures[] = [];
  for (const h of idx.history) {
    if (h.overviews[address] === undefined) continue;
    const figures = idx.figures(h.era, address);
    if (figures) eras.push(figures);
  }
  return {
    address,
    prefs: staking.validators[address] ?? null,
    ledger: staking.ledgers[address] ?? null,
    payee: staking.payees[address] ?? null,
    nominatedBy: counts.get(address) ?? 0,
    eras,
  };
}

/**
 * Every validator candidate, every validator elected in some era of the window, and every bonded
 * stash that nominators name (a validator that chilled and was not elected since still has its bond
 * and its nominators).
 */
export function buildValidatorSlices(snapshot: Snapshot): Map<Address, ValidatorSlice> {
  const idx = indexSnapshot(snapshot, new Set());
  const counts = nominatorCounts(snapshot);
  const addresses = new Set<Address>(Object.keys(snapshot.staking.validators));
  for (const h of idx.history) for (const v of Object.keys(h.overviews)) addresses.add(v);
  for (const target of counts.keys()) if (snapshot.staking.ledgers[target]) addresses.add(target);
  const out = new Map<Address, ValidatorSlice>();
  for (const address of addresses) out.set(address, sliceFor(idx, counts, address));
  return out;
}

/** One validator's slice, the address in any SS58 prefix; throws AddressError on an invalid address. */
export function buildValidatorSlice(snapshot: Snapshot, input: string): ValidatorSlice {
  const address = toKusamaAddress(input);
  const idx = indexSnapshot(snapshot, new Set());
  return sliceFor(idx, nominatorCounts(snapshot, address), address);
}
