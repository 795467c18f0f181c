/** Treasury values decoded through the pinned block's metadata: spends, proposals, constants. */
import type { Codec } from '@polkadot/types/types';
import { decodeAddress } from '@polkadot/util-crypto';
import { type AssetMetadata, canonicalLocation, placeAsset } from '../../../core/treasury/asset-ref.js';
import type { TreasuryConstants, TreasuryProposal, TreasurySpend } from '../../../core/types/treasury.js';
import { decodeMapKey } from '../rpc/keys.js';
import { accountFromBytes, hexToBytes } from '../scale/reader.js';
import { TREASURY_PROPOSALS, TREASURY_SPENDS } from '../scale/treasury-values.js';
import type { MetadataCodec } from './metadata-codec.js';
import { findAccount } from './proposal-summary.js';

type Json = Record<string, unknown>;
type Fields = Codec & { get(name: string): Codec | undefined };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An `AccountId32` as the metadata's JSON gives it (SS58 of the registry's prefix, or hex), as Kusama SS58. */
export function ss58(x: unknown): string | null {
  if (typeof x !== 'string' || x === '') return null;
  return accountFromBytes(x.startsWith('0x') ? hexToBytes(x) : decodeAddress(x));
}

/**
 * An account on this chain as SS58, else a short description: the account's location as canonical
 * JSON (with the chain it is on when that is not this one).
 */
export function beneficiaryText(json: unknown): string {
  const found = findAccount(json);
  if (found) return found;
  const inner = (canonicalLocation(Object.values((json ?? {}) as Json)[0]) ?? {}) as Json;
  const where = inner.location as Json | undefined;
  const here = where && Number(where.parents) === 0 && JSON.stringify(where.interior) === '{"here":null}';
  return JSON.stringify(here && inner.accountId !== undefined ? inner.accountId : canonicalLocation(json));
}

export function spendFrom(
  codec: MetadataCodec,
  key: string,
  hex: string,
  metadata: AssetMetadata,
): TreasurySpend {
  const value = codec.decode<Fields>('Treasury', 'Spends', hex);
  const j = value.toJSON() as Json;
  const kind = value.get('assetKind');
  const [state, body] = Object.entries(j.status as Json)[0] ?? ['pending', null];
  return {
    index: decodeMapKey(key, TREASURY_SPENDS.keys)[0] as number,
    asset: placeAsset(j.assetKind, kind?.toHex() ?? '0x', metadata),
    amount: BigInt(j.amount as string),
    beneficiary: beneficiaryText(j.beneficiary),
    validFrom: Number(j.validFrom),
    expireAt: Number(j.expireAt),
    status: capital(state) as TreasurySpend['status'],
    paymentId: state === 'attempted' ? BigInt((body as Json).id as string) : null,
    approvedBy: null,
  };
}

export function proposalFrom(codec: MetadataCodec, key: string, hex: string): TreasuryProposal {
  const j = codec.decode('Treasury', 'Proposals', hex).toJSON() as Json;
  return {
    index: decodeMapKey(key, TREASURY_PROPOSALS.keys)[0] as number,
    proposer: ss58(j.proposer) ?? String(j.proposer),
    value: BigInt(j.value as string),
    beneficiary: ss58(j.beneficiary) ?? String(j.beneficiary),
    bond: BigInt(j.bond as string),
  };
}

const num = (c: Codec | undefined): number | null => (c ? Number(c.toString()) : null);

/** The treasury account: `pot_account` where the metadata has it, else `modl` ++ PalletId. */
export function potAccountHex(codec: MetadataCodec): string {
  const t = codec.consts.treasury as unknown as Record<string, Codec | undefined> | undefined;
  const pot = t?.potAccount;
  if (pot) return pot.toHex();
  const id = t?.palletId?.toU8a(true) ?? new TextEncoder().encode('py/trsry');
  const bytes = new Uint8Array(32);
  bytes.set(new TextEncoder().encode('modl'));
  bytes.set(id, 4);
  return `0x${Buffer.from(bytes).toString('hex')}`;
}

export function treasuryConstants(codec: MetadataCodec): TreasuryConstants {
  const t = (codec.consts.treasury ?? {}) as unknown as Record<string, Codec | undefined>;
  const b = codec.consts.bounties as unknown as Record<string, Codec | undefined> | undefined;
  const minimum = b?.bountyValueMinimum;
  return {
    account: accountFromBytes(hexToBytes(potAccountHex(codec))),
    spendPeriod: num(t.spendPeriod) ?? 0,
    burnPermill: num(t.burn) ?? 0,
    payoutPeriod: num(t.payoutPeriod) ?? 0,
    maxApprovals: num(t.maxApprovals) ?? 0,
    existentialDeposit: BigInt(
      (
        codec.consts.balances as unknown as Record<string, Codec | undefined> | undefined
      )?.existentialDeposit?.toString() ?? '0',
    ),
    bountyDepositPayoutDelay: num(b?.bountyDepositPayoutDelay),
    bountyUpdatePeriod: num(b?.bountyUpdatePeriod),
    bountyValueMinimum: minimum ? BigInt(minimum.toString()) : null,
  };
}
