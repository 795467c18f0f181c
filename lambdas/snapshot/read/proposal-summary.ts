/**
 * A proposal's call, decoded: a short summary (e.g. `treasury.spend 1,000 KSM to <address>`) and
 * the structured call its title is worded from (core/opengov/title.ts).
 */
import type { Call } from '@polkadot/types/interfaces';
import type { Codec, Registry } from '@polkadot/types/types';
import { encodeAddress } from '@polkadot/util-crypto';
import { formatKsm } from '../../../core/format/balance.js';
import { KUSAMA_SS58_PREFIX } from '../../../core/kusama/constants.js';
import type { ProposalCall } from '../../../core/opengov/title.js';
import { formatAssetAmount, identifyAsset } from './assets.js';

/** Finds the first 32-byte account id anywhere in a decoded location or address. */
export function findAccount(x: unknown): string | null {
  if (typeof x === 'string' && x.length === 66 && x.startsWith('0x'))
    return encodeAddress(x, KUSAMA_SS58_PREFIX);
  if (x == null || typeof x !== 'object') return null;
  for (const v of Object.values(x as Record<string, unknown>)) {
    const found = findAccount(v);
    if (found) return found;
  }
  return null;
}

function argsOf(call: Call): Record<string, Codec> {
  const out: Record<string, Codec> = {};
  call.meta.args.forEach((arg, i) => {
    out[arg.name.toString()] = call.args[i]!;
  });
  return out;
}

function describe(call: Call, depth: number): string {
  const name = `${call.section}.${call.method}`;
  const args = argsOf(call);
  if (name === 'treasury.spendLocal' && args.amount && args.beneficiary) {
    return `${name} ${formatKsm(BigInt(args.amount.toString()))} to ${findAccount(args.beneficiary.toJSON()) ?? 'an unrecognised beneficiary'}`;
  }
  const assetKind = args.assetKind ?? args.asset_kind;
  if (name === 'treasury.spend' && args.amount && assetKind && args.beneficiary) {
    const shown = formatAssetAmount(BigInt(args.amount.toString()), identifyAsset(assetKind.toJSON()));
    return `${name} ${shown} to ${findAccount(args.beneficiary.toJSON()) ?? 'an unrecognised beneficiary'}`;
  }
  if (call.section === 'utility' && args.calls) {
    const inner = args.calls as unknown as Call[];
    if (depth > 0) return `${name} of ${inner.length} calls`;
    const shown = inner.slice(0, 3).map((c) => describe(c, depth + 1));
    return `${name} of ${inner.length} calls: ${shown.join('; ')}${inner.length > 3 ? '; …' : ''}`;
  }
  return name;
}

export function summariseCall(registry: Registry, callHex: string): string {
  return describe(registry.createType('Call', callHex), 0);
}

/** Calls of a batch kept for its title: the title names at most the first three. */
const BATCH_CALLS_KEPT = 3;

function structure(call: Call, depth: number): ProposalCall {
  const out: ProposalCall = { pallet: call.section, method: call.method };
  const args = argsOf(call);
  if (call.section === 'treasury' && args.amount && args.beneficiary) {
    const assetKind = args.assetKind ?? args.asset_kind;
    const asset = assetKind ? identifyAsset(assetKind.toJSON()) : { symbol: 'KSM', decimals: 12 };
    out.amount = { value: BigInt(args.amount.toString()), asset };
    out.beneficiary = findAccount(args.beneficiary.toJSON());
  }
  if (call.section === 'utility' && args.calls) {
    const inner = args.calls as unknown as Call[];
    out.callCount = inner.length;
    if (depth < 2) out.calls = inner.slice(0, BATCH_CALLS_KEPT).map((c) => structure(c, depth + 1));
  } else if (args.call && depth < 2) {
    try {
      out.calls = [structure(args.call as unknown as Call, depth + 1)];
    } catch {
      // A wrapper whose `call` argument is not a call: the wrapper alone is the title.
    }
  }
  return out;
}

/** The call's structure, for its title. Throws like summariseCall when the call does not decode. */
export function decodeProposalCall(registry: Registry, callHex: string): ProposalCall {
  return structure(registry.createType('Call', callHex), 0);
}
