/**
 * Conviction-voting state of the watched addresses at the pinned block: `ConvictionVoting.VotingFor`
 * (account, track) for every track, built as keys directly (one batch per 2,000 pairs, no key
 * paging), then the same for the delegates those addresses hand their votes to (one level: whether
 * the delegate voted is what an alert says).
 */
import { decodeAddressInput } from '../../../core/address/parse.js';
import type { AccountVoting, VotingState } from '../../../core/types/governance.js';
import type { Address } from '../../../core/types/staking.js';
import { storagePrefix, twox64ConcatBytes } from '../rpc/keys.js';
import { accountFromBytes } from '../scale/reader.js';
import { type ReadContext, reportFailures } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';

interface VotingCodec {
  isCasting: boolean;
  asCasting: { votes: Array<[{ toNumber(): number }, unknown]> };
  isDelegating: boolean;
  asDelegating: { target: { toU8a(): Uint8Array } };
}

function trackKeyPart(track: number): string {
  const le = new Uint8Array(2);
  new DataView(le.buffer).setUint16(0, track, true);
  return twox64ConcatBytes(le);
}

/** Null when the value holds no vote and no delegation (a Casting record with only prior locks). */
export function votingStateOf(codec: MetadataCodec, hex: string): VotingState | null {
  const value = codec.decode('ConvictionVoting', 'VotingFor', hex) as unknown as VotingCodec;
  if (value.isDelegating)
    return { type: 'delegating', target: accountFromBytes(value.asDelegating.target.toU8a()) };
  if (value.isCasting) {
    const referenda = value.asCasting.votes.map(([id]) => id.toNumber());
    return referenda.length > 0 ? { type: 'casting', referenda } : null;
  }
  return null;
}

async function readAccounts(
  ctx: ReadContext,
  codec: MetadataCodec,
  accounts: readonly Address[],
  tracks: readonly number[],
  out: Record<Address, AccountVoting>,
): Promise<void> {
  const prefix = storagePrefix('ConvictionVoting', 'VotingFor');
  const trackParts = tracks.map(trackKeyPart);
  const wanted: Array<{ account: Address; track: number; key: string }> = [];
  for (const account of accounts) {
    let accountPart: string;
    try {
      accountPart = twox64ConcatBytes(decodeAddressInput(account).publicKey);
    } catch (error) {
      ctx.warn(`watched address ${account} skipped: ${(error as Error).message}`);
      continue;
    }
    out[account] = {};
    tracks.forEach((track, i) => {
      wanted.push({ account, track, key: prefix + accountPart + trackParts[i] });
    });
  }
  const values = await ctx.storage.values(wanted.map((w) => w.key));
  let failures = 0;
  let stored = 0;
  let first = '';
  wanted.forEach(({ account, track }, i) => {
    const hex = values[i];
    if (!hex) return;
    stored++;
    try {
      const state = votingStateOf(codec, hex);
      if (state) out[account]![track] = state;
    } catch (error) {
      failures++;
      first ||= `${account} track ${track}: ${(error as Error).message}`;
    }
  });
  reportFailures(ctx, 'ConvictionVoting.VotingFor', failures, stored, first);
}

/** Voting state of `watched` and of their delegates, per address and track. */
export async function readVoting(
  ctx: ReadContext,
  codec: MetadataCodec,
  watched: readonly Address[],
  tracks: readonly number[],
): Promise<Record<Address, AccountVoting>> {
  const out: Record<Address, AccountVoting> = {};
  if (watched.length === 0 || tracks.length === 0) return out;
  if (!ctx.has('ConvictionVoting', 'VotingFor')) {
    ctx.warn('ConvictionVoting.VotingFor is not in this runtime; votes of watched addresses not read');
    return out;
  }
  await readAccounts(ctx, codec, [...new Set(watched)], tracks, out);
  const delegates = new Set<Address>();
  for (const record of Object.values(out))
    for (const state of Object.values(record))
      if (state.type === 'delegating' && !(state.target in out)) delegates.add(state.target);
  if (delegates.size > 0) await readAccounts(ctx, codec, [...delegates], tracks, out);
  return out;
}
