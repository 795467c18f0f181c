/**
 * Every pool member of the small scenario: the bonded balance and pending rewards Herald computes
 * from its snapshot equal what this test computes straight from the dev chain's storage, read over
 * WebSocket with @polkadot/api, with the pallet's formulas written out here (not Herald's code).
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import { u8aConcat, u8aToString } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccountSlices,
  buildEraSlice,
  buildViewContext,
  poolView,
} from '../../../core/staking/index.js';
import type { PoolView } from '../../../core/staking/pool-view.js';
import { readSnapshot } from '../../../lambdas/snapshot/chain-reader.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { type SeededChain, seededChain } from './chain-fixture.js';

type J = Record<string, unknown>;
const big = (v: unknown): bigint => BigInt(String(v ?? 0));
const json = (c: Codec): J => c.toJSON() as J;

/** "modl" ++ the pallet id ++ the account type ++ the pool id (u32 LE), zero-padded to 32 bytes. */
function poolAccount(palletId: Uint8Array, poolId: number, type: number): string {
  const id = new Uint8Array(5);
  id[0] = type;
  new DataView(id.buffer).setUint32(1, poolId, true);
  const raw = u8aConcat(new TextEncoder().encode('modl'), palletId, id);
  const out = new Uint8Array(32);
  out.set(raw.subarray(0, 32));
  return encodeAddress(out, 2);
}

interface Expected {
  bonded: bigint;
  pending: bigint | null;
}

let seeded: SeededChain;
let api: ApiPromise;
const views = new Map<string, PoolView>();
const expected = new Map<string, Expected>();

beforeAll(async () => {
  seeded = await seededChain(7);
  const { snapshot } = await readSnapshot(
    { assetHub: [seeded.chain.endpoint] },
    { archive: new MemoryEraArchive() },
  );
  const ctx = buildViewContext(buildEraSlice(snapshot));
  for (const [address, slice] of buildAccountSlices(snapshot)) {
    if (slice.pool) views.set(address, poolView(slice.pool, ctx));
  }

  api = await ApiPromise.create({ provider: new WsProvider(seeded.chain.endpoint), noInitWarn: true });
  const at = await api.at(snapshot.anchor.blockHash);
  const palletId = (api.consts.nominationPools.palletId as unknown as Codec).toU8a(true);
  const ed = big(api.consts.balances.existentialDeposit.toString());
  const globalMax = (await at.query.nominationPools.globalMaxCommission()) as unknown as Codec;
  const cap = globalMax.isEmpty ? 1_000_000_000n : big(globalMax.toJSON());
  const members = await at.query.nominationPools.poolMembers.entries();
  for (const [key, value] of members) {
    const who = encodeAddress(key.args[0]!.toU8a(), 2);
    const m = json((value as unknown as { unwrap(): Codec }).unwrap());
    const poolId = Number(m.poolId);
    const pool = json(
      ((await at.query.nominationPools.bondedPools(poolId)) as unknown as { unwrap(): Codec }).unwrap(),
    );
    const reward = json(
      ((await at.query.nominationPools.rewardPools(poolId)) as unknown as { unwrap(): Codec }).unwrap(),
    );
    const bondedAccount = poolAccount(palletId, poolId, 0);
    const ledger = (await at.query.staking.ledger(bondedAccount)) as unknown as {
      isSome: boolean;
      unwrap(): Codec;
    };
    const active = ledger.isSome ? big(json(ledger.unwrap()).active) : 0n;
    const account = json(
      (await at.query.system.account(poolAccount(palletId, poolId, 1))) as unknown as Codec,
    );
    const data = account.data as J;

    // points_to_balance: balance × points / pool points, rounded down; nothing when any is zero.
    const points = big(m.points);
    const poolPoints = big(pool.points);
    const bonded = active === 0n || poolPoints === 0n || points === 0n ? 0n : (active * points) / poolPoints;

    // The reward account's reducible balance (Expendable, Polite).
    const free = big(data.free);
    let keep = big(data.frozen) > big(data.reserved) ? big(data.frozen) - big(data.reserved) : 0n;
    const canDropProvider = Number(account.consumers) === 0 || Number(account.providers) > 1;
    if (free > 0n && !canDropProvider && ed > keep) keep = ed;
    const rewardBalance = free > keep ? free - keep : 0n;

    // current_reward_counter, then pending_rewards.
    const paidIn = rewardBalance + big(reward.totalRewardsClaimed) + big(reward.totalCommissionClaimed);
    const recorded = big(reward.lastRecordedTotalPayouts);
    const payouts = paidIn > recorded ? paidIn - recorded : 0n;
    const current = ((pool.commission as J).current as [number, string] | null)?.[0];
    const rate = current === undefined ? 0n : BigInt(current) < cap ? BigInt(current) : cap;
    const product = payouts * rate;
    const commission = product / 1_000_000_000n + (product % 1_000_000_000n > 500_000_000n ? 1n : 0n);
    let pending: bigint | null = null;
    if (poolPoints > 0n) {
      const counter =
        big(reward.lastRecordedRewardCounter) + ((payouts - commission) * 10n ** 18n) / poolPoints;
      const own = big(m.lastRecordedRewardCounter);
      pending = ((counter > own ? counter - own : 0n) * points) / 10n ** 18n;
    }
    expected.set(who, { bonded, pending });
  }
}, 300_000);

afterAll(async () => {
  await api?.disconnect();
  await seeded?.close();
});

describe('pool members of the small scenario, against the dev chain', () => {
  it('has a view for every member on chain, and seeds the cases that matter', () => {
    expect(views.size).toBe(expected.size);
    expect(expected.size).toBe(40);
    const pending = [...expected.values()].map((e) => e.pending ?? 0n);
    expect(pending.filter((p) => p > 0n).length).toBeGreaterThan(30);
    // A slashed pool: some member's balance is below its points.
    expect([...views.values()].some((v) => v.value < v.memberPoints)).toBe(true);
  });

  it("computes each member's bonded balance as the pallet does", () => {
    for (const [who, e] of expected)
      expect({ who, bonded: views.get(who)?.value }).toEqual({ who, bonded: e.bonded });
  });

  it("computes each member's pending rewards as the pallet does", () => {
    for (const [who, e] of expected) {
      expect({ who, pending: views.get(who)?.pendingRewards }).toEqual({ who, pending: e.pending });
    }
  });

  it('names the pools as their sanitised metadata', async () => {
    const names = await api.query.nominationPools.metadata.entries();
    const hostile = names
      .map(([, v]) => u8aToString((v as unknown as Codec).toU8a(true)))
      .find((n) => /\u202E/.test(n));
    expect(hostile).toBeDefined();
    const shown = [...views.values()].map((v) => v.name).filter((n): n is string => n !== null);
    expect(shown.length).toBeGreaterThan(0);
    for (const n of shown) expect(n).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });
});
