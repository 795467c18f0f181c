/**
 * What the last identity read found, kept between runs in the warm container: the People block it
 * was read at, the chain and runtime it was read under, and per address its name and (for a
 * sub-identity) its parent, so a change to a parent re-reads its subs.
 */
import type { AccountName } from '../../../core/identity/identity-types.js';
import type { Address } from '../../../core/types/staking.js';

export interface KnownIdentity {
  name: AccountName | null;
  parent: Address | null;
}

export interface IdentityState {
  genesisHash: string;
  specVersion: number;
  /** The People block every entry describes. */
  block: number;
  /** When every shown address was last read in full (ms since the epoch). */
  fullReadAtMs: number;
  known: Map<Address, KnownIdentity>;
}

/** Holds the state of the last successful read; empty after a cold start. */
export class IdentityCache {
  state: IdentityState | null = null;

  /** The names of these addresses as last read (addresses without a name are absent). */
  namesOf(addresses: readonly Address[]): Record<Address, AccountName> | null {
    if (!this.state) return null;
    const out: Record<Address, AccountName> = {};
    for (const a of addresses) {
      const name = this.state.known.get(a)?.name;
      if (name) out[a] = name;
    }
    return out;
  }
}
