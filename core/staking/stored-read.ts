/**
 * Reads the stored parts the slices of some accounts (or one validator) need, in a few batched
 * rounds through the SnapshotReader port, and joins them (stored-join.ts). The reads are bounded:
 * the account records, the stake set, the era-claimed groups and the unpaid eras' points, the
 * accounts' (and their pools' bonded accounts') shard in every era with rows, and the
 * era-validators buckets of the exposures a view still needs.
 */
import type { SnapshotReader, StorePointer } from '../ports/snapshot-reader.js';
import { ENTITY } from '../snapshot/entities.js';
import type { Address } from '../types/staking.js';
import type { AccountStakingSlice, EraSlice, ValidatorSlice } from './slice-types.js';
import {
  joinAccountSlice,
  joinValidatorSlice,
  recentPaidEras,
  rowEras,
  rowOf,
  type StoredParts,
} from './stored-join.js';
import {
  type AccountRecord,
  claimedGroupOf,
  type EraClaimedItem,
  type EraPointsItem,
  type EraValidatorsItem,
  eraValidatorsId,
  type PoolRecord,
  REF_STRIDE,
  STAKE_KIND,
  STAKE_SET_ID,
  type StakeEraItem,
  type StakeSetItem,
  stakeEraId,
  stakeShardOf,
  type ValidatorRecord,
  validatorBucketOf,
} from './stored-layout.js';

type Reader = Pick<SnapshotReader, 'getEntity' | 'getEntities'>;

class PartsCache implements StoredParts {
  set: StakeSetItem | undefined;
  readonly accounts = new Map<string, AccountRecord>();
  readonly pools = new Map<string, PoolRecord>();
  readonly stake = new Map<string, StakeEraItem>();
  readonly validators = new Map<string, EraValidatorsItem>();
  readonly points = new Map<string, EraPointsItem>();
  readonly claimedItems = new Map<string, EraClaimedItem>();

  constructor(
    private readonly reader: Reader,
    private readonly pointer: StorePointer,
    readonly era: EraSlice,
  ) {}

  account = (address: Address) => this.accounts.get(address);
  pool = (id: number) => this.pools.get(String(id));
  stakeEra = (era: number, shard: number) => this.stake.get(stakeEraId(era, shard));
  eraValidators = (era: number, bucket: number) => this.validators.get(eraValidatorsId(era, bucket));
  eraPoints = (era: number) => this.points.get(String(era));
  claimed = (group: number) => this.claimedItems.get(String(group));

  async load<T>(kind: string, ids: Iterable<string>, into: Map<string, T>, settled = false): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !into.has(id));
    if (missing.length === 0) return;
    const found = await this.reader.getEntities<T>(kind, missing, { pointer: this.pointer, settled });
    for (const [id, value] of found) into.set(id, value);
  }

  /**
   * Era-scoped items of `eras`, read eventually consistently where the era is settled (see
   * `isSettledEra`) and strongly otherwise. `idOf` names the items of one era.
   */
  loadByEra<T>(
    kind: string,
    eras: readonly number[],
    idOf: (era: number) => Iterable<string>,
    into: Map<string, T>,
  ): Promise<void> {
    const active = this.era.activeEra.index;
    const settled = eras.filter((e) => isSettledEra(e, active)).flatMap((e) => [...idOf(e)]);
    const fresh = eras.filter((e) => !isSettledEra(e, active)).flatMap((e) => [...idOf(e)]);
    return Promise.all([this.load(kind, settled, into, true), this.load(kind, fresh, into)]).then(() => {});
  }

  async loadSet(): Promise<void> {
    this.set = await this.reader.getEntity<StakeSetItem>(STAKE_KIND.stakeSet, STAKE_SET_ID, {
      pointer: this.pointer,
    });
  }

  /** Era-claimed groups and the points of eras not paid yet: what every figure needs. */
  async loadEraShared(): Promise<void> {
    const groups = new Set(this.era.eras.map((e) => String(claimedGroupOf(e.era))));
    const unpaid = this.era.eras.filter((e) => e.validatorReward === null).map((e) => String(e.era));
    await Promise.all([
      this.load(STAKE_KIND.eraClaimed, groups, this.claimedItems),
      this.load(STAKE_KIND.eraPoints, unpaid, this.points),
    ]);
  }

  loadRows(stashes: Iterable<Address>, eras: readonly number[]): Promise<void> {
    const shards = [...new Set([...stashes].map(stakeShardOf))];
    return this.loadByEra(
      STAKE_KIND.stakeEra,
      eras,
      (era) => shards.map((s) => stakeEraId(era, s)),
      this.stake,
    );
  }
}

/**
 * An era whose `stake-era` and `era-validators` items no longer change: paid (its reward and
 * points are in) since at least one era before the active one, so every copy a reader could be
 * served, including a refresh's, holds the same value and was written at least an era ago.
 */
export function isSettledEra(era: number, activeEra: number): boolean {
  return era <= activeEra - 2;
}

/** The era-validators buckets of one era the stashes' rows refer to, where a view keeps figures. */
function bucketsNeeded(parts: PartsCache, stashes: readonly Address[], era: number): string[] {
  const active = parts.era.activeEra.index;
  const ids = new Set<string>();
  for (const stash of stashes) {
    const row = rowOf(parts.stakeEra(era, stakeShardOf(stash)), stash);
    for (const [ref, page, , own, pageCount] of row?.[1] ?? []) {
      if (typeof ref !== 'number') continue;
      const bucket = Math.floor(ref / REF_STRIDE);
      if (era !== active && isClaimed(parts, era, ref, page, own === 1, pageCount ?? 0)) continue;
      ids.add(eraValidatorsId(era, bucket));
    }
  }
  return [...ids];
}

function isClaimed(
  parts: PartsCache,
  era: number,
  ref: number,
  page: number,
  own: boolean,
  pageCount: number,
) {
  const stored = parts.claimed(claimedGroupOf(era))?.eras[String(era)]?.[Math.floor(ref / REF_STRIDE)]?.[
    ref % REF_STRIDE
  ];
  const list: number[] = [];
  if (Array.isArray(stored)) list.push(...stored);
  else if (stored !== undefined) for (let p = 0; p < 30; p += 1) if (stored & (1 << p)) list.push(p);
  return own ? list.length >= Math.max(1, pageCount) : list.includes(page);
}

async function eraSliceAt(reader: Reader, pointer: StorePointer, era?: EraSlice) {
  return era ?? (await reader.getEntity<EraSlice>(ENTITY.era, 'current', { pointer }));
}

/**
 * The slices of the accounts that have a stored record, by address in the order asked for (the
 * others are absent, as with getEntities). Needs the era slice; read when not given.
 */
export async function readAccountSlices(
  reader: Reader,
  pointer: StorePointer,
  addresses: Iterable<Address>,
  eraSlice?: EraSlice,
): Promise<Map<Address, AccountStakingSlice>> {
  const list = [...new Set(addresses)];
  const out = new Map<Address, AccountStakingSlice>();
  const era = await eraSliceAt(reader, pointer, eraSlice);
  if (!era || list.length === 0) return out;
  const parts = new PartsCache(reader, pointer, era);
  await Promise.all([
    parts.loadSet(),
    parts.load(ENTITY.account, list, parts.accounts),
    parts.loadEraShared(),
  ]);
  const records = list.map((a) => parts.accounts.get(a)).filter((r): r is AccountRecord => r !== undefined);
  const stashes = records.flatMap((r) => (r.stash === null ? [] : [r.stash]));
  const poolIds = records.flatMap((r) => (r.poolMember ? [String(r.poolMember.poolId)] : []));
  await Promise.all([parts.loadRows(stashes, rowEras(era)), parts.load(ENTITY.pool, poolIds, parts.pools)]);
  const bonded = [...parts.pools.values()].map((p) => p.pool.bondedAccount);
  const poolEras = rowEras(era).filter((e) => e === era.activeEra.index || recentPaidEras(era).has(e));
  await Promise.all([
    parts.load(ENTITY.account, bonded, parts.accounts),
    parts.loadRows(bonded, poolEras),
    parts.loadByEra(
      STAKE_KIND.eraValidators,
      rowEras(era),
      (e) => bucketsNeeded(parts, stashes, e),
      parts.validators,
    ),
  ]);
  for (const r of records) out.set(r.address, joinAccountSlice(parts, r.address));
  return out;
}

/** One account's slice (an empty one when nothing is stored for it); null without an era slice. */
export async function readAccountSlice(
  reader: Reader,
  pointer: StorePointer,
  address: Address,
  eraSlice?: EraSlice,
): Promise<AccountStakingSlice | undefined> {
  return (await readAccountSlices(reader, pointer, [address], eraSlice)).get(address);
}

/** One validator's slice: its record and its bucket in every era of the window. */
export async function readValidatorSlice(
  reader: Reader,
  pointer: StorePointer,
  address: Address,
  eraSlice?: EraSlice,
): Promise<ValidatorSlice | undefined> {
  const era = await eraSliceAt(reader, pointer, eraSlice);
  if (!era) return undefined;
  const parts = new PartsCache(reader, pointer, era);
  const bucket = validatorBucketOf(address);
  const [record] = await Promise.all([
    reader.getEntity<ValidatorRecord>(ENTITY.validator, address, { pointer }),
    parts.loadEraShared(),
    parts.loadByEra(
      STAKE_KIND.eraValidators,
      era.eras.map((e) => e.era),
      (e) => [eraValidatorsId(e, bucket)],
      parts.validators,
    ),
  ]);
  const slice = joinValidatorSlice(parts, address, record);
  return record || slice.eras.length > 0 ? slice : undefined;
}
