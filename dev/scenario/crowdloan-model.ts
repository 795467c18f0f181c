/**
 * Crowdloan money waiting on Asset Hub (`AhOps`) since the migration: contributions to the funds of
 * legacy leases, each returned from the relay block its lease ended (Kusama lease periods are
 * 604,800 relay blocks), lease deposits and crowdloan deposits. Some blocks are past (withdrawable
 * now), some to come. One fund's contributions are all withdrawn already, so only its deposit is left.
 */
import { KSM_PLANCK_PER_UNIT } from '../../core/kusama/constants.js';
import type { AhDeposit, CrowdloanContribution, CrowdloanState } from '../../core/types/parachains.js';
import { deriveAccount, palletSubAccount } from './accounts.js';
import type { Rng } from './rng.js';
import type { StorageContext } from './storage-context.js';
import type { ScenarioSize, StorageChange, StoragePair } from './types.js';

export const LEASE_PERIOD = 604_800;

export interface CrowdloanModel {
  state: CrowdloanState;
  /** A contributor with entries both withdrawable now and not yet, and one with none. */
  contributor: string;
  noContributions: string;
}

const SIZES: Record<
  ScenarioSize,
  { funds: number; contributions: number; contributors: number; deposits: number }
> = {
  small: { funds: 4, contributions: 20, contributors: 12, deposits: 2 },
  kusama: { funds: 14, contributions: 200, contributors: 120, deposits: 4 },
};

function fundAccount(index: number): string {
  const sub = new Uint8Array(4);
  new DataView(sub.buffer).setUint32(0, index, true);
  return palletSubAccount('py/cfund', sub).address;
}

export function compareContributions(a: CrowdloanContribution, b: CrowdloanContribution): number {
  return (
    a.block - b.block ||
    a.para - b.para ||
    (a.contributor < b.contributor ? -1 : a.contributor > b.contributor ? 1 : 0)
  );
}

export function compareDeposits(a: AhDeposit, b: AhDeposit): number {
  return (
    a.block - b.block ||
    a.para - b.para ||
    (a.account < b.account ? -1 : a.account > b.account ? 1 : 0) ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)
  );
}

export function buildCrowdloans(
  rng: Rng,
  seed: number,
  size: ScenarioSize,
  paras: number[],
  relayBlock: number,
  manager: (para: number) => string,
): CrowdloanModel {
  const n = SIZES[size];
  const periodNow = Math.floor(relayBlock / LEASE_PERIOD);
  // Half the funds ended already (withdrawable), the rest end in the coming lease periods.
  const funds = Array.from({ length: n.funds }, (_, i) => ({
    index: 40 + i,
    para: paras[i % paras.length]!,
    block: (periodNow + (i % 2 === 0 ? -rng.int(0, 3) : rng.int(1, 6))) * LEASE_PERIOD,
  }));
  const contributors = Array.from(
    { length: n.contributors },
    (_, i) => deriveAccount(seed, 'crowdloan', i).address,
  );
  const contributor = contributors[0]!;
  const byKey = new Map<string, CrowdloanContribution>();
  const put = (c: CrowdloanContribution) => byKey.set(`${c.block}/${c.para}/${c.contributor}`, c);
  const emptied = funds.at(-1)!;
  const live = funds.slice(0, -1);
  put({ ...contribution(rng, live[0]!, contributor) });
  put({ ...contribution(rng, live[1]!, contributor) });
  while (byKey.size < n.contributions) put(contribution(rng, rng.pick(live), rng.pick(contributors)));
  const contributions = [...byKey.values()].sort(compareContributions);

  const deposits: AhDeposit[] = [];
  for (let i = 0; i < n.deposits; i++) {
    const f = live[i % live.length]!;
    deposits.push({
      kind: 'lease',
      block: f.block,
      para: f.para,
      account: manager(f.para),
      amount: leaseDeposit(rng),
    });
  }
  for (const f of [emptied, ...live.slice(0, n.deposits - 1)]) {
    deposits.push({
      kind: 'crowdloan',
      block: f.block,
      para: f.para,
      account: manager(f.para),
      amount: rng.bigint(KSM_PLANCK_PER_UNIT / 10n, 5n * KSM_PLANCK_PER_UNIT),
    });
  }
  deposits.sort(compareDeposits);
  return {
    state: { contributions, deposits },
    contributor,
    noContributions: deriveAccount(seed, 'crowdloan-none', 0).address,
  };
}

function contribution(
  rng: Rng,
  f: { index: number; para: number; block: number },
  who: string,
): CrowdloanContribution {
  return {
    block: f.block,
    para: f.para,
    contributor: who,
    fundAccount: fundAccount(f.index),
    amount: rng.logBigint(KSM_PLANCK_PER_UNIT / 10n, 5_000n * KSM_PLANCK_PER_UNIT),
  };
}

function leaseDeposit(rng: Rng): bigint {
  return rng.logBigint(100n * KSM_PLANCK_PER_UNIT, 60_000n * KSM_PLANCK_PER_UNIT);
}

export function contributionKey(
  ctx: StorageContext,
  c: Pick<CrowdloanContribution, 'block' | 'para' | 'contributor'>,
): string {
  return ctx.key('AhOps', 'RcCrowdloanContribution', c.block, c.para, c.contributor);
}

export function crowdloanPairs(ctx: StorageContext, state: CrowdloanState): StoragePair[] {
  const pairs: StoragePair[] = state.contributions.map((c) => [
    contributionKey(ctx, c),
    ctx.value('AhOps', 'RcCrowdloanContribution', [c.fundAccount, c.amount]),
  ]);
  for (const d of state.deposits) {
    const item = d.kind === 'lease' ? 'RcLeaseReserve' : 'RcCrowdloanReserve';
    pairs.push(ctx.pair('AhOps', item, [d.block, d.para, d.account], d.amount));
  }
  return pairs;
}

export function contributionRemoval(ctx: StorageContext, c: CrowdloanContribution): StorageChange {
  return [contributionKey(ctx, c), null];
}
