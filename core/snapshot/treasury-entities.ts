/**
 * The treasury's entities: `treasury/current` (the whole `TreasuryState`), one `bounty/<ref>` per
 * live bounty with its child bounties, and `index/bounties` (every bounty without its children, its
 * description cut short). Each is built from sorted data only, so an unchanged treasury yields the
 * same entities and the store writes none of them; a bounty gone from the chain is simply not
 * yielded, and the store removes its entity.
 */
import type { Snapshot } from '../types/snapshot.js';
import type { Bounty, TreasuryState } from '../types/treasury.js';
import {
  type BountyIndex,
  type BountySummary,
  ENTITY,
  type Entity,
  INDEX_ID,
  TREASURY_ID,
} from './entities.js';

/** Characters of a description the bounty list keeps. */
export const SUMMARY_DESCRIPTION_CHARS = 120;

export function bountySummary(bounty: Bounty): BountySummary {
  const { children, description, ...rest } = bounty;
  const chars = description === null ? null : [...description];
  return {
    ...rest,
    description:
      chars && chars.length > SUMMARY_DESCRIPTION_CHARS
        ? `${chars.slice(0, SUMMARY_DESCRIPTION_CHARS - 1).join('')}…`
        : description,
    childCount: children.length,
  };
}

export function* treasuryEntities(snapshot: Snapshot): Generator<Entity> {
  if (snapshot.treasury)
    yield { kind: ENTITY.treasury, id: TREASURY_ID, data: snapshot.treasury satisfies TreasuryState };
  const b = snapshot.bounties;
  if (!b) return;
  for (const bounty of b.bounties)
    yield { kind: ENTITY.bounty, id: bounty.ref, data: bounty satisfies Bounty };
  const index: BountyIndex = {
    bountyCount: b.bountyCount,
    multiAssetBountyCount: b.multiAssetBountyCount,
    childBountyCount: b.childBountyCount,
    approvals: b.approvals,
    bounties: b.bounties.map(bountySummary),
  };
  yield { kind: ENTITY.index, id: INDEX_ID.bounties, data: index };
}
