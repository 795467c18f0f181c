/**
 * The treasury and bounties as the snapshot stored them, for the treasury and bounties sources:
 * the `treasury/current` entity and the bounties of `index/bounties` at the version and at the
 * base, each with its relay block. Both are read every run (relay time passing a spend's
 * `validFrom` or a bounty's `unlockAt` changes no entity): two items each. A bounty's children come
 * from its own entity, read only for the bounties that have any (a handful on Kusama).
 */
import type { TreasuryData } from '../../core/alerts/detect.js';
import type { SnapshotReader, StorePointer } from '../../core/ports/snapshot-reader.js';
import { type BountyIndex, ENTITY, INDEX_ID, TREASURY_ID } from '../../core/snapshot/entities.js';
import type { Bounty, TreasuryState } from '../../core/types/treasury.js';
import type { VersionRange } from './version-range.js';

type Side = { pointer: StorePointer; relayBlock: number };

async function bountiesAt(
  store: SnapshotReader,
  side: Side,
  withChildren: (index: BountyIndex) => string[],
): Promise<Map<string, Bounty> | undefined> {
  const index = await store.getEntity<BountyIndex>(ENTITY.index, INDEX_ID.bounties, {
    pointer: side.pointer,
  });
  if (!index) return undefined;
  const refs = withChildren(index);
  const full =
    refs.length > 0
      ? await store.getEntities<Bounty>(ENTITY.bounty, refs, { pointer: side.pointer })
      : new Map<string, Bounty>();
  const out = new Map<string, Bounty>();
  for (const { childCount: _, ...summary } of index.bounties)
    out.set(summary.ref, full.get(summary.ref) ?? { ...summary, children: [] });
  return out;
}

export async function readTreasury(
  store: SnapshotReader,
  range: Pick<VersionRange, 'at' | 'basePointer'>,
  relayBlocks: { at: number; base: number | null },
): Promise<TreasuryData | undefined> {
  const at: Side = { pointer: range.at, relayBlock: relayBlocks.at };
  const base: Side | null =
    range.basePointer && relayBlocks.base !== null
      ? { pointer: range.basePointer, relayBlock: relayBlocks.base }
      : null;
  const treasuryAt = (side: Side) =>
    store.getEntity<TreasuryState>(ENTITY.treasury, TREASURY_ID, { pointer: side.pointer });
  const [after, before] = await Promise.all([treasuryAt(at), base ? treasuryAt(base) : undefined]);
  const parents = (index: BountyIndex) => index.bounties.filter((b) => b.childCount > 0).map((b) => b.ref);
  const bountiesAfter = await bountiesAt(store, at, parents);
  const bountiesBefore = base && bountiesAfter ? await bountiesAt(store, base, parents) : undefined;
  if (!after && !bountiesAfter) return undefined;
  const data: TreasuryData = {};
  if (after)
    data.treasury = {
      after,
      before: before && base ? { treasury: before, relayBlock: base.relayBlock } : undefined,
    };
  if (bountiesAfter)
    data.bounties = {
      after: bountiesAfter,
      before: bountiesBefore && base ? { bounties: bountiesBefore, relayBlock: base.relayBlock } : undefined,
      holdings: after?.holdings ?? [],
    };
  return data;
}
