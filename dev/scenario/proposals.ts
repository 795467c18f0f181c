/**
 * Proposal calls for referenda, encoded as the runtime's real `RuntimeCall`: treasury.spend,
 * system.remark and utility.batch. Their preimages go to `Preimage.PreimageFor`.
 */
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import type { Address } from '../../core/types/index.js';
import { accountIdOf } from './accounts.js';
import { KSM } from './amounts.js';
import type { StorageContext } from './storage-context.js';

export type AssetSymbol = 'KSM' | 'USDT' | 'USDC';

export interface EncodedCall {
  call: string;
  bytes: Uint8Array;
  hex: string;
  hash: string;
}

const HERE = { parents: 0, interior: 'Here' };

/** XCM v4 location of a spendable asset, relative to Asset Hub. */
export function assetLocation(symbol: AssetSymbol): { location: unknown; assetId: unknown } {
  if (symbol === 'KSM') return { location: HERE, assetId: { parents: 1, interior: 'Here' } };
  const index = symbol === 'USDT' ? 1984 : 1337;
  return {
    location: HERE,
    assetId: { parents: 0, interior: { X2: [{ PalletInstance: 50 }, { GeneralIndex: BigInt(index) }] } },
  };
}

export function beneficiaryLocation(who: Address): { location: unknown; accountId: unknown } {
  return {
    location: HERE,
    accountId: { parents: 0, interior: { X1: [{ AccountId32: { network: null, id: accountIdOf(who) } }] } },
  };
}

export function treasurySpendCall(symbol: AssetSymbol, amount: bigint, to: Address): unknown {
  return {
    Treasury: {
      spend: {
        assetKind: { V4: assetLocation(symbol) },
        amount,
        beneficiary: { V4: beneficiaryLocation(to) },
        validFrom: null,
      },
    },
  };
}

export function remarkCall(text: string): unknown {
  return { System: { remark: { remark: new TextEncoder().encode(text) } } };
}

export function batchCall(calls: unknown[]): unknown {
  return { Utility: { batch: { calls } } };
}

export function encodeCall(ctx: StorageContext, name: string, call: unknown): EncodedCall {
  const bytes = ctx.codec.encode(ctx.callType, call);
  return { call: name, bytes, hex: u8aToHex(bytes), hash: u8aToHex(blake2AsU8a(bytes, 256)) };
}

/** A proposal for a track: spends on spending tracks, batches on root, remarks elsewhere. */
export function callForTrack(
  ctx: StorageContext,
  trackName: string,
  ref: number,
  beneficiary: Address,
): EncodedCall {
  const spendKsm: Record<string, number> = {
    small_tipper: 8,
    big_tipper: 30,
    small_spender: 300,
    medium_spender: 1_500,
    big_spender: 9_000,
    treasurer: 20_000,
  };
  const units = spendKsm[trackName];
  if (units !== undefined) {
    const stable = ref % 3 === 0 && units >= 300;
    const symbol: AssetSymbol = stable ? (ref % 2 === 0 ? 'USDT' : 'USDC') : 'KSM';
    const amount = stable ? BigInt(units * 20) * 1_000_000n : BigInt(units) * KSM + BigInt(ref) * 1_000_000n;
    return encodeCall(ctx, 'treasury.spend', treasurySpendCall(symbol, amount, beneficiary));
  }
  if (trackName === 'root' || trackName === 'whitelisted_caller') {
    return encodeCall(
      ctx,
      'utility.batch',
      batchCall([
        remarkCall(`Referendum ${ref}: runtime parameters`),
        treasurySpendCall('KSM', 50n * KSM, beneficiary),
      ]),
    );
  }
  return encodeCall(ctx, 'system.remark', remarkCall(`Kusama referendum ${ref} on ${trackName}`));
}
