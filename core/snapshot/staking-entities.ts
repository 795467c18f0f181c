/**
 * The staking entities: one record per account and per validator with what it determines itself
 * (the builders' slices, split), and the era-scoped items every account shares
 * (core/staking/stored-layout.ts), so that an era change does not rewrite every account; then the
 * pools and the slashes.
 */
import { buildAccountSlices } from '../staking/account-slices.js';
import { indexSnapshot } from '../staking/snapshot-index.js';
import { accountRecordOf, eraScopedParts, validatorRecordOf } from '../staking/stored-split.js';
import { buildValidatorSlices } from '../staking/validator-slices.js';
import type { Snapshot } from '../types/snapshot.js';
import { ENTITY, type Entity } from './entities.js';

export function* stakingEntities(snapshot: Snapshot): Generator<Entity> {
  const idx = indexSnapshot(snapshot);
  const accounts = buildAccountSlices(snapshot, idx);
  for (const [address, slice] of accounts)
    yield { kind: ENTITY.account, id: address, data: accountRecordOf(slice, snapshot) };
  accounts.clear();
  for (const [address, slice] of buildValidatorSlices(snapshot))
    yield { kind: ENTITY.validator, id: address, data: validatorRecordOf(slice) };
  yield* eraScopedParts(snapshot, idx);
  for (const pool of Object.values(snapshot.pools.pools)) {
    const ledger = snapshot.staking.ledgers[pool.bondedAccount] ?? null;
    yield {
      kind: ENTITY.pool,
      id: String(pool.id),
      data: { pool, bondedActive: ledger?.active ?? 0n, bondedTotal: ledger?.total ?? 0n },
    };
  }
  yield { kind: ENTITY.slashes, id: 'all', data: snapshot.staking.slashes };
}
