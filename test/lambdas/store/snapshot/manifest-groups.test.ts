/**
 * Manifest buckets follow an id's group (`group.member`): a run that adds or drops every member of
 * a group (an era's shards) rewrites one manifest chunk, not one in every bucket; a lapsing kind
 * (core's LAPSING_KINDS) is left out of a version without a tombstone.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../core/snapshot/entities.js';
import { bucketKeyOf, bucketOf } from '../../../../lambdas/store/snapshot/manifest.js';
import { recordWrites } from '../../../helpers/dynamo.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

const member = (group: number, i: number): Entity => ({
  kind: 'stake-era',
  id: `${group}.${i}`,
  data: { group, i },
});
const single = (i: number): Entity => ({ kind: 'account', id: `addr-${i}`, data: { i } });

describe('manifest groups', () => {
  it('buckets a member by its kind and group, any other key by itself', () => {
    expect(bucketKeyOf('stake-era#9781.17')).toBe('stake-era#9781');
    expect(bucketKeyOf('account#Habc')).toBe('account#Habc');
    expect(bucketKeyOf('bounty#.5')).toBe('bounty#.5');
    for (let i = 0; i < 256; i += 1)
      expect(bucketOf(`stake-era#9781.${i}`, 64)).toBe(bucketOf('stake-era#9781.0', 64));
    expect(
      new Set(Array.from({ length: 64 }, (_, i) => bucketOf(`account#addr-${i}`, 64))).size,
    ).toBeGreaterThan(20);
  });

  it('a run that adds one group and drops another rewrites at most the two chunks they sit in', async () => {
    const { store } = await harness.fresh('groups');
    const base = [
      ...Array.from({ length: 1500 }, (_, i) => single(i)),
      ...Array.from({ length: 256 }, (_, i) => member(1, i)),
    ];
    const first = await store.writeVersion({}, base);
    expect(first.manifestChunksWritten).toBeGreaterThan(2);
    const next = [
      ...Array.from({ length: 1500 }, (_, i) => single(i)),
      ...Array.from({ length: 256 }, (_, i) => member(2, i)),
    ];
    const second = await store.writeVersion({}, next);
    expect(second).toMatchObject({ entitiesAdded: 256, entitiesRemoved: 256, entitiesChanged: 0 });
    expect(second.manifestChunksWritten).toBeLessThanOrEqual(2);
    expect(await store.getEntity('stake-era', '2.255')).toEqual({ group: 2, i: 255 });
  });

  it('leaves a lapsing kind out without tombstones, and tombstones any other kind', async () => {
    const { store, tableName } = await harness.fresh('lapse');
    const client = harness.dynamo().client;
    await store.writeVersion({}, [
      single(1),
      single(2),
      ...Array.from({ length: 30 }, (_, i) => member(1, i)),
    ]);
    const recorder = recordWrites(client, tableName);
    const result = await store.writeVersion({}, [single(1)]);
    expect(result.entitiesRemoved).toBe(31);
    const tombstones = recorder.keys().filter((k) => k.op === 'BatchPut' && k.pk.startsWith('E#'));
    expect(tombstones.map((k) => k.pk)).toEqual([`E#account#addr-2`]);
    recorder.stop();
    expect(await store.getEntity('account', 'addr-2')).toBeUndefined();
    // Nobody asks for a lapsed id (its era left the window); until it expires it still reads back.
    expect(await store.getEntity('stake-era', '1.0')).toEqual({ group: 1, i: 0 });
  });
});
