/**
 * The stored staking parts put back together give exactly the slices the builders compute, and the
 * same views: every account and validator of a kusama-size snapshot (12 eras, to stay light) and of
 * the hand-made scenario, after the store's JSON round trip.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../core/snapshot/entities.js';
import { ENTITY } from '../../../core/snapshot/entities.js';
import { stakingEntities } from '../../../core/snapshot/staking-entities.js';
import {
  accountView,
  buildAccountSlices,
  buildEraSlice,
  buildValidatorSlices,
  buildViewContext,
  validatorView,
} from '../../../core/staking/index.js';
import type { EraSlice } from '../../../core/staking/slice-types.js';
import { readAccountSlices, readValidatorSlice } from '../../../core/staking/stored-read.js';
import type { Snapshot } from '../../../core/types/snapshot.js';
import { fromCanonicalJson, toCanonicalJson } from '../../../lambdas/store/table/index.js';
import { kusamaScaleSnapshot } from './kusama-scale-fixture.js';
import { handScenario } from './scenario.js';

/** A reader over the entities as the store would give them back (canonical JSON, bigints restored). */
function memoryReader(entities: Iterable<Entity>) {
  const stored = new Map<string, string>();
  for (const e of entities) stored.set(`${e.kind}#${e.id}`, toCanonicalJson(e.data));
  const get = (kind: string, id: string) => {
    const text = stored.get(`${kind}#${id}`);
    return text === undefined ? undefined : fromCanonicalJson(text, `${kind}/${id}`);
  };
  let reads = 0;
  return {
    reads: () => reads,
    async getEntity<T>(kind: string, id: string) {
      reads += 1;
      return get(kind, id) as T | undefined;
    },
    async getEntities<T>(kind: string, ids: Iterable<string>) {
      const out = new Map<string, T>();
      for (const id of ids) {
        reads += 1;
        const v = get(kind, id);
        if (v !== undefined) out.set(id, v as T);
      }
      return out;
    },
  };
}

const pointer = { version: 1, committedAt: 0, meta: {}, aborted: [] };

async function checkRoundTrip(snapshot: Snapshot) {
  const era = buildEraSlice(snapshot);
  const reader = memoryReader([
    ...stakingEntities(snapshot),
    { kind: ENTITY.era, id: 'current', data: era },
    ...Object.values(snapshot.pools.pools).map((pool) => ({
      kind: ENTITY.pool,
      id: String(pool.id),
      data: {
        pool,
        bondedActive: snapshot.staking.ledgers[pool.bondedAccount]?.active ?? 0n,
        bondedTotal: snapshot.staking.ledgers[pool.bondedAccount]?.total ?? 0n,
      },
    })),
  ]);
  const stored = fromCanonicalJson(toCanonicalJson(era), 'era') as EraSlice;
  const ctx = buildViewContext(era);
  const slices = buildAccountSlices(snapshot);
  const joined = await readAccountSlices(reader, pointer, slices.keys(), stored);
  expect(joined.size).toBe(slices.size);
  for (const [address, slice] of slices) {
    const back = joined.get(address);
    expect(back, address).toEqual(slice);
    expect(accountView(back!, ctx)).toEqual(accountView(slice, ctx));
  }
  const validators = buildValidatorSlices(snapshot);
  for (const [address, slice] of validators) {
    const back = await readValidatorSlice(reader, pointer, address, stored);
    expect(back, address).toEqual(slice);
    expect(validatorView(back!, ctx)).toEqual(validatorView(slice, ctx));
  }
  return { accounts: slices.size, validators: validators.size };
}

describe('stored staking parts', () => {
  it('join back into the hand-made scenario slices', async () => {
    const counts = await checkRoundTrip(handScenario());
    expect(counts.accounts).toBeGreaterThan(5);
  });

  it('join back into every slice of a kusama-size snapshot', async () => {
    const { snapshot } = kusamaScaleSnapshot({ eras: 12 });
    const counts = await checkRoundTrip(snapshot);
    expect(counts.validators).toBeGreaterThan(1_000);
  }, 600_000);
});
