/**
 * Which accounts' identities changed since a People block: the `Identity` events of every block
 * after it up to the pin (`System.Events` at each block). Every account an identity event names
 * (`who`, `target`, `sub`, `main`) is re-read; username events change no display and are ignored.
 */
import type { Address } from '../../../core/types/staking.js';
import { storagePrefix } from '../rpc/keys.js';
import type { RawStorage } from '../rpc/raw-storage.js';
import { accountFromBytes } from '../scale/reader.js';
import type { MetadataCodec } from './metadata-codec.js';

/** Events that change a display, a judgement or a sub-identity link, and their account fields. */
const ACCOUNT_FIELDS: Record<string, readonly string[]> = {
  IdentitySet: ['who'],
  IdentityCleared: ['who'],
  IdentityKilled: ['who'],
  JudgementGiven: ['target'],
  SubIdentityAdded: ['sub', 'main'],
  SubIdentitiesSet: ['main'],
  SubIdentityRenamed: ['sub', 'main'],
  SubIdentityRemoved: ['sub', 'main'],
  SubIdentityRevoked: ['sub', 'main'],
};

interface EventRecordCodec {
  event: { section: string; method: string; data: Record<string, { toU8a(): Uint8Array } | undefined> };
}

/** The accounts named by identity events in one block's `System.Events` value. */
export function identityEventAccounts(codec: MetadataCodec, eventsHex: string): Address[] {
  const records = codec.decode('System', 'Events', eventsHex) as unknown as EventRecordCodec[];
  const out: Address[] = [];
  for (const { event } of records) {
    if (event.section !== 'identity') continue;
    for (const field of ACCOUNT_FIELDS[event.method] ?? []) {
      const account = event.data[field];
      if (account) out.push(accountFromBytes(account.toU8a()));
    }
  }
  return out;
}

/** Accounts named by identity events in blocks (from, to], reading each block's events. */
export async function changedSince(
  storage: RawStorage,
  codec: MetadataCodec,
  from: number,
  to: number,
): Promise<Set<Address>> {
  const key = storagePrefix('System', 'Events');
  const numbers = Array.from({ length: Math.max(0, to - from) }, (_, i) => from + 1 + i);
  const changed = new Set<Address>();
  await Promise.all(
    numbers.map(async (n) => {
      const hash = await storage.send<string | null>('chain_getBlockHash', [n]);
      if (!hash) throw new Error(`People block ${n} has no hash`);
      const events = await storage.send<string | null>('state_getStorage', [key, hash]);
      if (events) for (const a of identityEventAccounts(codec, events)) changed.add(a);
    }),
  );
  return changed;
}
