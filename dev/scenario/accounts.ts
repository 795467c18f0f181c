/** Deterministic Kusama accounts (SS58 prefix 2) and the address → public key cache the codec resolves with. */
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { KUSAMA_SS58_PREFIX } from '../../core/kusama/constants.js';
import { ScenarioError } from './errors.js';

export interface Account {
  id: Uint8Array;
  address: string;
}

const known = new Map<string, Uint8Array>();

export function accountFromId(id: Uint8Array): Account {
  if (id.length !== 32) throw new ScenarioError(`an account id has 32 bytes, got ${id.length}`);
  const address = encodeAddress(id, KUSAMA_SS58_PREFIX);
  known.set(address, id);
  return { id, address };
}

/** The account for (seed, label, index): blake2-256 of a readable derivation string. */
export function deriveAccount(seed: number, label: string, index: number): Account {
  return accountFromId(blake2AsU8a(`herald-scenario/${seed}/${label}/${index}`, 256));
}

/** Public key of an SS58 address (any prefix), cached. */
export function accountIdOf(address: string): Uint8Array {
  const hit = known.get(address);
  if (hit) return hit;
  let id: Uint8Array;
  try {
    id = decodeAddress(address);
  } catch (err) {
    throw new ScenarioError(`"${address}" is not an SS58 address: ${(err as Error).message}`);
  }
  if (id.length !== 32) throw new ScenarioError(`"${address}" is not a 32-byte account`);
  known.set(address, id);
  return id;
}

/** Orders addresses as the runtime orders AccountId32 (BTreeMap keys): by public key bytes. */
export function compareAccounts(a: string, b: string): number {
  const x = accountIdOf(a);
  const y = accountIdOf(b);
  for (let i = 0; i < 32; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/**
 * Sub-account of a pallet id, as `PalletId::into_sub_account_truncating` builds it:
 * "modl" ++ pallet id ++ SCALE(sub), zero-padded to 32 bytes.
 */
export function palletSubAccount(palletId: string, sub: Uint8Array): Account {
  const bytes = new Uint8Array(32);
  const head = new TextEncoder().encode(`modl${palletId}`);
  bytes.set(head.subarray(0, 32));
  bytes.set(sub.subarray(0, Math.max(0, 32 - head.length)), head.length);
  return accountFromId(bytes);
}

export function accountHex(address: string): string {
  return u8aToHex(accountIdOf(address));
}
