/**
 * Which referendum approved a spend. `Treasury.Spends` does not say, so Herald remembers, from run
 * to run, the `treasury.spend` calls of the referenda it saw ongoing (their decoded proposal calls)
 * in a small entity of its own, `treasury/spend-calls`. When a spend appears whose asset, amount
 * and beneficiary match the call of a referendum approved since, it is linked to the lowest such
 * referendum whose call is not linked yet (a batch links each of its calls once). Spends on chain
 * before Herald remembered anything stay unlinked (null).
 */
import type { ProposalCall } from '../opengov/title.js';
import type { Snapshot } from '../types/snapshot.js';
import type { TreasuryState } from '../types/treasury.js';
import { KNOWN_ASSETS, NATIVE_ASSET } from './asset-ref.js';

/** Id of the memory's entity (kind `treasury`). */
export const SPEND_CALLS_ID = 'spend-calls';

/** An approved referendum's call is kept this many relay blocks (90 days) waiting for its spend. */
export const SPEND_CALL_RETENTION = 90 * 14_400;

export interface SpendCall {
  referendum: number;
  /** Its place among the referendum's spend calls (a batch has several). */
  ordinal: number;
  /** The asset's `AssetRef.key`. */
  asset: string;
  amount: bigint;
  beneficiary: string;
}

export interface SpendCallMemory {
  /** `SpendCount` when last read: spends from this index on are new to the next run. */
  spendCount: number;
  /** The spend calls of referenda seen ongoing and not linked yet, by referendum and ordinal. */
  calls: SpendCall[];
  /** Links made, `[spend index, referendum]`, for the spends still on chain, by index. */
  links: Array<[number, number]>;
}

function assetKey(asset: { symbol: string } | null): string | null {
  if (!asset) return null;
  if (asset.symbol === NATIVE_ASSET.symbol) return NATIVE_ASSET.key;
  for (const [key, known] of KNOWN_ASSETS) if (known.symbol === asset.symbol) return key;
  return null;
}

/** Every `treasury.spend` of a proposal call, in order, through batches and wrappers. */
export function spendCallsOf(referendum: number, call: ProposalCall): SpendCall[] {
  const out: SpendCall[] = [];
  const visit = (c: ProposalCall) => {
    const asset = c.amount ? assetKey(c.amount.asset) : null;
    if (c.pallet === 'treasury' && c.method === 'spend' && c.amount && asset && c.beneficiary)
      out.push({
        referendum,
        ordinal: out.length,
        asset,
        amount: c.amount.value,
        beneficiary: c.beneficiary,
      });
    for (const inner of c.calls ?? []) visit(inner);
  };
  visit(call);
  return out;
}

const byCall = (a: SpendCall, b: SpendCall) => a.referendum - b.referendum || a.ordinal - b.ordinal;

/**
 * The treasury with `approvedBy` set, and the memory for the next run. Without a treasury the
 * memory is kept as it was.
 */
export function linkSpends(
  previous: SpendCallMemory | null | undefined,
  snapshot: Pick<Snapshot, 'governance' | 'treasury' | 'anchor'>,
): { treasury: TreasuryState | null; memory: SpendCallMemory | null } {
  const treasury = snapshot.treasury;
  if (!treasury) return { treasury, memory: previous ?? null };
  const referenda = snapshot.governance.referenda;
  const calls = new Map<string, SpendCall>();
  for (const c of previous?.calls ?? []) calls.set(`${c.referendum}:${c.ordinal}`, c);
  for (const [id, call] of Object.entries(snapshot.governance.proposalCalls ?? {})) {
    if (referenda[Number(id)]?.status !== 'ongoing') continue;
    for (const c of spendCallsOf(Number(id), call)) calls.set(`${c.referendum}:${c.ordinal}`, c);
  }
  const links = new Map(previous?.links ?? []);
  const newFrom = previous?.spendCount ?? treasury.spendCount;
  const approved = (c: SpendCall) => referenda[c.referendum]?.status === 'approved';
  for (const spend of treasury.spends) {
    if (spend.index < newFrom || links.has(spend.index)) continue;
    const match = [...calls.values()]
      .filter(
        (c) =>
          approved(c) &&
          c.asset === spend.asset.key &&
          c.amount === spend.amount &&
          c.beneficiary === spend.beneficiary,
      )
      .sort(byCall)[0];
    if (!match) continue;
    links.set(spend.index, match.referendum);
    calls.delete(`${match.referendum}:${match.ordinal}`);
  }
  const onChain = new Set(treasury.spends.map((s) => s.index));
  const now = snapshot.anchor.relayBlock;
  const waiting = [...calls.values()].filter((c) => {
    const r = referenda[c.referendum];
    if (!r) return false;
    if (r.status === 'ongoing') return true;
    return r.status === 'approved' && r.block + SPEND_CALL_RETENTION > now;
  });
  return {
    treasury: {
      ...treasury,
      spends: treasury.spends.map((s) => ({ ...s, approvedBy: links.get(s.index) ?? null })),
    },
    memory: {
      spendCount: treasury.spendCount,
      calls: waiting.sort(byCall),
      links: [...links.entries()].filter(([index]) => onChain.has(index)).sort(([a], [b]) => a - b),
    },
  };
}
