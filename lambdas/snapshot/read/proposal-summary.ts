/** A short human summary of a proposal's call, e.g. `treasury.spend 1,000 KSM to <address>`. */
import type { Call } from '@polkadot/types/interfaces';
import type { Codec, Registry } from '@polkadot/types/types';
import { encodeAddress } from '@polkadot/util-crypto';
import { formatKsm } from '../../../core/format/balance.js';
import { KUSAMA_SS58_PREFIX } from '../../../core/kusama/constants.js';
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
