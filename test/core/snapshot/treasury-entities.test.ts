import { describe, expect, it } from 'vitest';
import { ENTITY, INDEX_ID, TREASURY_ID } from '../../../core/snapshot/entities.js';
import { treasuryEntities } from '../../../core/snapshot/treasury-entities.js';
import type { Snapshot } from '../../../core/types/snapshot.js';
import type { Bounty } from '../../../core/types/treasury.js';

const bounty = (ref: string, description: string | null, children: number): Bounty =>
  ({
    ref,
    id: Number(ref.replace('m', '')),
    description,
    children: Array.from({ length: children }, (_, id) => ({ id, parent: 1, description: 'child' })),
  }) as unknown as Bounty;

describe('the treasury entities', () => {
  it('are treasury/current, one per bounty with its children, and the list with counts and short descriptions', () => {
    const long = `${'é'.repeat(130)}`;
    const treasury = { spends: [] } as unknown as Snapshot['treasury'];
    const bounties = {
      bountyCount: 3,
      multiAssetBountyCount: 2,
      childBountyCount: 2,
      bounties: [bounty('1', long, 2), bounty('m1', 'short', 0)],
    };
    const out = [...treasuryEntities({ treasury, bounties } as Snapshot)];
    expect(out.map((e) => `${e.kind}/${e.id}`)).toEqual([
      `${ENTITY.treasury}/${TREASURY_ID}`,
      'bounty/1',
      'bounty/m1',
      `${ENTITY.index}/${INDEX_ID.bounties}`,
    ]);
    expect(out[1]?.data).toBe(bounties.bounties[0]);
    const index = out[3]?.data as { bounties: Array<Record<string, unknown>> };
    expect(index).toMatchObject({ bountyCount: 3, multiAssetBountyCount: 2, childBountyCount: 2 });
    expect(index.bounties[0]).toEqual({ ref: '1', id: 1, description: `${'é'.repeat(119)}…`, childCount: 2 });
    expect([...String(index.bounties[0]?.description)]).toHaveLength(120);
    expect(index.bounties[1]).toEqual({ ref: 'm1', id: 1, description: 'short', childCount: 0 });
  });

  it('are none without the pallets', () => {
    expect([...treasuryEntities({ treasury: null, bounties: null } as Snapshot)]).toEqual([]);
  });
});
