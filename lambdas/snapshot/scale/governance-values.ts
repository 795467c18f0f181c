/**
 * What governance reading decodes by hand: the referendum count, deciding counts, track queues
 * and preimages, and the keys of the items whose values go through the metadata
 * (referenda, preimage statuses, votes). A changed layout fails the run (see
 * `guard/README.md`).
 */
import type { ItemLayout } from '../guard/item.js';
import { L } from '../guard/layout.js';
import { ScaleReader } from './reader.js';

const item = (
  pallet: string,
  name: string,
  keys: ItemLayout['keys'],
  value: string | null,
  required = true,
): ItemLayout => ({ pallet, item: name, required, keys, value });

/** With `decodeU32`. */
export const REFERENDUM_COUNT = item('Referenda', 'ReferendumCount', [], L.u32);
export const REFERENDUM_INFO_FOR = item(
  'Referenda',
  'ReferendumInfoFor',
  [['Blake2_128Concat', 'u32']],
  null,
);
/** With `decodeU32`. */
export const DECIDING_COUNT = item('Referenda', 'DecidingCount', [['Twox64Concat', 'u16']], L.u32);
export const TRACK_QUEUE = item(
  'Referenda',
  'TrackQueue',
  [['Twox64Concat', 'u16']],
  L.vec(L.tuple(L.u32, L.u128)),
);

export function decodeTrackQueue(hex: string): Array<{ id: number; ayes: bigint }> {
  const r = ScaleReader.fromHex(hex, 'referenda.trackQueue');
  const out = r.vec((x) => ({ id: x.u32(), ayes: x.u128() }));
  r.end();
  return out;
}

/** Keys built as hash ++ length (LE); optional: without it summaries are the proposal hashes. */
export const PREIMAGE_FOR = item(
  'Preimage',
  'PreimageFor',
  [['Identity', ['H256', 'u32']]],
  L.vec(L.u8),
  false,
);

/** The preimage's bytes (a call), as 0x-hex. */
export function decodePreimage(hex: string): string {
  const r = ScaleReader.fromHex(hex, 'preimage.preimageFor');
  const bytes = r.raw(r.compactNumber());
  r.end();
  return `0x${Buffer.from(bytes).toString('hex')}`;
}

export const REQUEST_STATUS_FOR = item('Preimage', 'RequestStatusFor', [['Identity', 'H256']], null, false);
/** Every (account, class) entry, read in bulk; values through the metadata. */
export const VOTING_FOR = item(
  'ConvictionVoting',
  'VotingFor',
  [
    ['Twox64Concat', 'AccountId32'],
    ['Twox64Concat', 'u16'],
  ],
  null,
);
/** Every account's class locks, read in bulk; values through the metadata. */
export const CLASS_LOCKS_FOR = item(
  'ConvictionVoting',
  'ClassLocksFor',
  [['Twox64Concat', 'AccountId32']],
  null,
);
