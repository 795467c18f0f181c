/**
 * The naive way to read the same data, for the snapshot benchmark's baseline: polkadot-js with one
 * query per item (keys listed with `.keys()`, then `api.query.x.y(key)` for each), decoded by the
 * generic codec. It reads what the snapshot reads: staking, the 84-era window, pools and referenda.
 * The era window's part is timed apart, so a run over fewer eras can be scaled per era.
 */
import { ApiPromise } from '@polkadot/api';
import { CountingWsProvider } from '../../lambdas/snapshot/rpc/connect.js';

type Q = (...args: unknown[]) => Promise<{ toJSON(): unknown }>;

async function inBatches<T>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

export interface NaiveRead {
  ms: number;
  rpcRequests: number;
  items: number;
  /** The era window's part (part of the totals): its time, requests and items. */
  erasPart: { ms: number; rpcRequests: number; items: number };
}

/**
 * `pause` runs before and after the era window (e.g. so a proxy's figures can be taken); the time it
 * takes is not counted.
 */
export async function naiveRead(
  endpoint: string,
  eras: number,
  pause: (at: 'eras-start' | 'eras-end') => Promise<void> = async () => undefined,
): Promise<NaiveRead> {
  let started = performance.now();
  const paused = async (at: 'eras-start' | 'eras-end') => {
    const before = performance.now();
    await pause(at);
    started += performance.now() - before;
  };
  const provider = new CountingWsProvider(endpoint);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  const hash = await api.rpc.chain.getFinalizedHead();
  const at = await api.at(hash);
  const staking = at.query.staking as unknown as Record<
    string,
    Q & { keys: (...a: unknown[]) => Promise<Array<{ args: unknown[] }>> }
  >;
  let items = 0;
  const one = async (q: Q, ...args: unknown[]) => {
    await q(...args);
    items++;
  };
  const active = ((await at.query.staking.activeEra()).toJSON() as { index: number }).index;
  await Promise.all([staking.currentEra!(), staking.minNominatorBond!(), staking.minimumActiveStake!()]);
  const validators = await staking.validators!.keys();
  await inBatches(validators, 256, (k) => one(staking.validators!, k.args[0]));
  const stashes = await staking.nominators!.keys();
  await inBatches(stashes, 256, async (k) => {
    await Promise.all([
      one(staking.nominators!, k.args[0]),
      one(staking.ledger!, k.args[0]),
      one(staking.payee!, k.args[0]),
    ]);
  });
  await paused('eras-start');
  const erasStarted = performance.now();
  const erasFrom = { requests: provider.requests, items };
  for (let era = active - eras + 1; era <= active; era++) {
    await Promise.all([
      one(staking.erasValidatorReward!, era),
      one(staking.erasTotalStake!, era),
      one(staking.erasRewardPoints!, era),
    ]);
    const elected = await staking.erasStakersOverview!.keys(era);
    await inBatches(elected, 256, async (k) => {
      const v = k.args[1];
      const overview = (await staking.erasStakersOverview!(era, v)).toJSON() as { pageCount: number } | null;
      items++;
      const pages = Array.from({ length: overview?.pageCount ?? 0 }, (_, p) =>
        one(staking.erasStakersPaged!, era, v, p),
      );
      await Promise.all([
        ...pages,
        one(staking.erasValidatorPrefs!, era, v),
        one(staking.claimedRewards!, era, v),
      ]);
    });
  }
  const erasPart = {
    ms: Math.round(performance.now() - erasStarted),
    rpcRequests: provider.requests - erasFrom.requests,
    items: items - erasFrom.items,
  };
  await paused('eras-end');
  const pools = at.query.nominationPools as unknown as Record<
    string,
    Q & { keys: () => Promise<Array<{ args: unknown[] }>> }
  >;
  const poolIds = await pools.bondedPools!.keys();
  await inBatches(poolIds, 256, (k) => one(pools.bondedPools!, k.args[0]));
  const members = await pools.poolMembers!.keys();
  await inBatches(members, 256, (k) => one(pools.poolMembers!, k.args[0]));
  const referenda = at.query.referenda as unknown as Record<
    string,
    Q & { keys: () => Promise<Array<{ args: unknown[] }>> }
  >;
  const refIds = await referenda.referendumInfoFor!.keys();
  await inBatches(refIds, 256, (k) => one(referenda.referendumInfoFor!, k.args[0]));
  const rpcRequests = provider.requests;
  await api.disconnect();
  return { ms: Math.round(performance.now() - started), rpcRequests, items, erasPart };
}
