/**
 * The treasury's entities (core/snapshot/entities.ts): `treasury/current` (the whole
 * `TreasuryState`), one `bounty/<ref>` per live bounty with its children, and `index/bounties`
 * (every bounty without its children, the description cut to 120 characters, with its child count).
 */
import type { Snapshot } from '../types/snapshot.js';
import { type BountyIndex, ENTITY, type Entity, INDEX_ID, TREASURY_ID } from './entities.js';

const SUMMARY_DESCRIPTION = 120;

export function* treasuryEntities(snapshot: Pick<Snapshot, 'treasury' | 'bounties'>): Generator<Entity> {
  if (snapshot.treasury) yield { kind: ENTITY.treasury, id: TREASURY_ID, data: snapshot.treasury };
  const b = snapshot.bounties;
  if (!b) return;
  for (const bounty of b.bounties) yield { kind: ENTITY.bounty, id: bounty.ref, data: bounty };
  const index: BountyIndex = {
    bountyCount: b.bountyCount,
    multiAssetBountyCount: b.multiAssetBountyCount,
    childBountyCount: b.childBountyCount,
    bounties: b.bounties.map(({ children, ...bounty }) => ({
      ...bounty,
      description: bounty.description?.slice(0, SUMMARY_DESCRIPTION) ?? null,
      childCount: children.length,
    })),
  };
  yield { kind: ENTITY.index, id: INDEX_ID.bounties, data: index };
}
