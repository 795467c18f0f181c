/**
 * One bounty or child bounty of either pallet, decoded through the pinned block's metadata into
 * the one shape `core/types/treasury.ts` gives both. Block numbers stay as stored: in
 * pallet-bounties and pallet-child-bounties `update_due` and `unlock_at` are
 * `BlockNumberFor<T, I>`, which both crates define as the block number of
 * `pallet_treasury::Config<I>::BlockNumberProvider` and fill from its `current_block_number()`;
 * Kusama Asset Hub gives the treasury the relay chain's block number, so these are relay blocks.
 * `MultiAssetBounties` stores no block number at all.
 */
import { compactFromU8a, hexToU8a } from '@polkadot/util';
import type { AssetMetadata } from '../../../core/treasury/asset-ref.js';
import { placeAsset } from '../../../core/treasury/asset-ref.js';
import type { AssetRef, BountyCommon, BountyStatus, PaymentStatus } from '../../../core/types/treasury.js';
import { DecodeError } from '../scale/errors.js';
import type { MetadataCodec } from './metadata-codec.js';
import { beneficiaryText, ss58 } from './treasury-decode.js';

type Json = Record<string, unknown>;
type Fields = { get(name: string): { toHex(): string } | undefined; toJSON(): unknown };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A description stored as bytes (`BoundedVec<u8>`): its text, or null when absent, empty or not UTF-8. */
export function descriptionText(hex: string | null | undefined, what: string): string | null {
  if (!hex) return null;
  const all = hexToU8a(hex);
  const [offset, length] = compactFromU8a(all);
  if (offset + length.toNumber() !== all.length) throw new DecodeError(`${what}: not one byte string`);
  const bytes = all.subarray(offset);
  if (bytes.length === 0) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function payment(json: unknown): { paymentStatus: PaymentStatus; paymentId: bigint | null } {
  const [state, body] = Object.entries((json ?? {}) as Json)[0] ?? ['pending', null];
  return {
    paymentStatus: capital(state) as PaymentStatus,
    paymentId: state === 'attempted' ? BigInt((body as Json).id as string) : null,
  };
}

/** The status part of a bounty: its name, curator, beneficiary, dates and payment. */
function statusParts(
  json: unknown,
): Pick<
  BountyCommon,
  'status' | 'curator' | 'beneficiary' | 'updateDue' | 'unlockAt' | 'paymentStatus' | 'paymentId'
> {
  const [name, body] =
    typeof json === 'string' ? [json, null] : (Object.entries(json as Json)[0] ?? ['proposed', null]);
  const b = (body ?? {}) as Json;
  const pay = b.paymentStatus !== undefined ? payment(b.paymentStatus) : null;
  return {
    status: capital(name) as BountyStatus,
    curator: ss58(b.curator),
    beneficiary:
      typeof b.beneficiary === 'string'
        ? ss58(b.beneficiary)
        : b.beneficiary
          ? beneficiaryText(b.beneficiary)
          : null,
    updateDue: b.updateDue !== undefined ? Number(b.updateDue) : null,
    unlockAt: b.unlockAt !== undefined ? Number(b.unlockAt) : null,
    paymentStatus: pay?.paymentStatus ?? null,
    paymentId: pay?.paymentId ?? null,
  };
}

/** A legacy bounty or child bounty (`Bounties.Bounties`, `ChildBounties.ChildBounties`). */
export function legacyCommon(
  id: number,
  codec: MetadataCodec,
  pallet: 'Bounties' | 'ChildBounties',
  item: string,
  hex: string,
  native: AssetRef,
  description: string | null,
): BountyCommon & { proposer: string | null; bond: bigint | null } {
  const j = codec.decode(pallet, item, hex).toJSON() as Json;
  return {
    id,
    asset: native,
    value: BigInt(j.value as string),
    fee: BigInt(j.fee as string),
    curatorDeposit: BigInt(j.curatorDeposit as string),
    ...statusParts(j.status),
    description,
    metadataHash: null,
    proposer: ss58(j.proposer),
    bond: j.bond !== undefined ? BigInt(j.bond as string) : null,
  };
}

/** A `MultiAssetBounties` bounty or child bounty; a child has its parent's asset. */
export function multiCommon(
  id: number,
  codec: MetadataCodec,
  item: 'Bounties' | 'ChildBounties',
  hex: string,
  metadata: AssetMetadata,
  parentAsset: AssetRef | null,
): BountyCommon {
  const value = codec.decode('MultiAssetBounties', item, hex) as unknown as Fields;
  const j = value.toJSON() as Json;
  const asset = parentAsset ?? placeAsset(j.assetKind, value.get('assetKind')?.toHex() ?? '0x', metadata);
  return {
    id,
    asset,
    value: BigInt(j.value as string),
    fee: null,
    curatorDeposit: null,
    ...statusParts(j.status),
    description: null,
    metadataHash: String(j.metadata),
  };
}
