/**
 * Parachains, coretime and crowdloan refunds read straight from the three dev chains with
 * @polkadot/api (decoded by its metadata, not by Herald's reader), and the pallets' rules written
 * out here: what /parachains, /para, /coretime and /crowdloan must agree with. Nothing of Herald's
 * parachain or coretime code is used.
 *
 * Rules, from the pallet source:
 * - pallet_broker `sale_price`: through = FixedU64::from_rational(min(now − sale_start, leadin),
 *   leadin) (rounded down); factor = 100 − 180·through up to 1/2, then 19 − 18·through;
 *   price = factor × end_price (rounded down). FixedU64 counts in 1e9ths.
 * - pallet_broker `do_tick` rotates the sale once (now + advance_notice) / timeslice_period
 *   reaches region_begin; `do_renew` renews only the `PotentialRenewals` entry whose `when` is the
 *   sale's region_begin, only with a `Complete` workload.
 * - on-demand `place_order`: spot price = traffic (FixedU128) × on_demand_base_fee.
 * - ahOps: an entry can be withdrawn once its block <= the relay block.
 */
import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';

type J = Record<string, unknown>;
const big = (v: unknown): bigint => BigInt(String(v ?? 0));
const ss58 = (a: unknown): string => encodeAddress(String(a), 2);
const json = (c: Codec): J => (c.toJSON() ?? {}) as J;
const num = (v: unknown): number => Number(v);

export type RawAssignment = { task: number } | 'pool' | 'idle';

function assignment(v: unknown): RawAssignment {
  if (typeof v === 'string') return v.toLowerCase() === 'pool' ? 'pool' : 'idle';
  const o = v as J;
  if ('task' in o) return { task: num(o.task) };
  if ('Task' in o) return { task: num(o.Task) };
  return 'pool' in o || 'Pool' in o ? 'pool' : 'idle';
}

export interface RawPara {
  id: number;
  lifecycle: string | null;
  listed: boolean;
  manager: string | null;
  deposit: bigint | null;
  locked: boolean | null;
  headHash: string | null;
  headNumber: number | null;
  headRelayBlock: number | null;
}

export interface RawCore {
  core: number;
  tasks: number[];
  pool: boolean;
}

export interface RawRenewal {
  core: number;
  when: number;
  price: bigint;
  complete: boolean;
  paras: number[];
}

export interface RawSale {
  saleStart: number;
  leadinLength: number;
  endPrice: bigint;
  regionBegin: number;
  regionEnd: number;
  coresOffered: number;
  coresSold: number;
}

export interface RawEntry {
  kind: 'contribution' | 'lease' | 'crowdloan';
  block: number;
  para: number;
  address: string;
  amount: bigint;
}

export interface RawParachains {
  relayBlock: number;
  timestampMs: number;
  paras: RawPara[];
  cores: RawCore[];
  numCores: number;
  spotPrice: bigint | null;
  timeslicePeriod: number;
  advanceNotice: number;
  sale: RawSale | null;
  renewals: RawRenewal[];
  autoRenew: Map<number, number>;
  leases: Map<number, number>;
  holding: Set<number>;
  entries: RawEntry[];
}

async function readRelay(relay: ApiDecoration<'promise'>) {
  const q = relay.query;
  const [listed, lifecycles, heads, contexts, registrar, descriptors, config, orders] = await Promise.all([
    q.paras!.parachains!(),
    q.paras!.paraLifecycles!.entries(),
    q.paras!.heads!.entries(),
    q.paras!.mostRecentContext!.entries(),
    q.registrar!.paras!.entries(),
    q.paraScheduler!.coreDescriptors!(),
    q.configuration!.activeConfig!(),
    q.onDemandAssignmentProvider!.orderStatus!(),
  ]);
  const ids = new Set<number>();
  const idOf = (k: { args: Codec[] }) => num(k.args[0]?.toString());
  const byId = <T>(entries: Array<[{ args: Codec[] }, T]>) => {
    const m = new Map<number, T>();
    for (const [k, v] of entries) {
      ids.add(idOf(k));
      m.set(idOf(k), v);
    }
    return m;
  };
  const life = byId(lifecycles);
  const head = byId(heads);
  const ctx = byId(contexts);
  const reg = byId(registrar);
  const listedIds = new Set((listed.toJSON() as number[]).map(Number));
  const paras: RawPara[] = [...ids]
    .sort((a, b) => a - b)
    .map((id) => {
      const r = reg.has(id) ? json(reg.get(id) as Codec) : null;
      const h = head.get(id) as Codec | undefined;
      const headHex = h && !(h as unknown as { isEmpty: boolean }).isEmpty ? u8aToHex(h.toU8a(true)) : null;
      let headNumber: number | null = null;
      if (headHex) {
        try {
          headNumber = num(relay.registry.createType('Header', hexToU8a(headHex)).number.toString());
        } catch {
          headNumber = null;
        }
      }
      const lc = life.get(id);
      return {
        id,
        lifecycle: lc ? String(lc.toString()) : null,
        listed: listedIds.has(id),
        manager: r ? ss58(r.manager) : null,
        deposit: r ? big(r.deposit) : null,
        locked: r ? (r.locked === null || r.locked === undefined ? null : Boolean(r.locked)) : null,
        headHash: headHex ? blake2AsHex(hexToU8a(headHex), 256) : null,
        headNumber,
        headRelayBlock: ctx.has(id) ? num((ctx.get(id) as Codec).toString()) : null,
      };
    });
  const cores: RawCore[] = Object.entries(json(descriptors))
    .map(([core, d]) => {
      const work = (d as J)?.currentWork as J | null;
      const list = ((work?.assignments ?? []) as unknown[][]).map((a) => assignment(a[0]));
      return {
        core: num(core),
        tasks: list.flatMap((a) => (typeof a === 'object' ? [a.task] : [])).sort((x, y) => x - y),
        pool: list.includes('pool'),
      };
    })
    .sort((a, b) => a.core - b.core);
  const cfg = json(config);
  const sched = cfg.schedulerParams as J;
  const traffic = big(json(orders).traffic);
  return {
    paras,
    cores,
    numCores: num(sched.numCores),
    spotPrice: (traffic * big(sched.onDemandBaseFee)) / 10n ** 18n,
  };
}

async function readCoretime(ct: ApiDecoration<'promise'>) {
  const q = ct.query;
  const [config, sale, renewals, autos, leases, workload] = await Promise.all([
    q.broker!.configuration!(),
    q.broker!.saleInfo!(),
    q.broker!.potentialRenewals!.entries(),
    q.broker!.autoRenewals!(),
    q.broker!.leases!(),
    q.broker!.workload!.entries(),
  ]);
  const s = json(sale);
  const rawSale: RawSale | null = (sale as unknown as { isSome: boolean }).isSome
    ? {
        saleStart: num(s.saleStart),
        leadinLength: num(s.leadinLength),
        endPrice: big(s.endPrice),
        regionBegin: num(s.regionBegin),
        regionEnd: num(s.regionEnd),
        coresOffered: num(s.coresOffered),
        coresSold: num(s.coresSold),
      }
    : null;
  const raws: RawRenewal[] = renewals
    .map(([k, v]) => {
      const id = json(k.args[0] as Codec);
      const rec = json(v as Codec);
      const completion = rec.completion as J;
      const items = (completion.complete ?? completion.Complete) as J[] | undefined;
      return {
        core: num(id.core),
        when: num(id.when),
        price: big(rec.price),
        complete: Array.isArray(items),
        paras: (items ?? [])
          .map((i) => assignment(i.assignment))
          .flatMap((a) => (typeof a === 'object' ? [a.task] : []))
          .sort((x, y) => x - y),
      };
    })
    .sort((a, b) => a.when - b.when || a.core - b.core);
  return {
    timeslicePeriod: num(ct.consts.broker!.timeslicePeriod!.toString()),
    advanceNotice: num(json(config).advanceNotice),
    sale: rawSale,
    renewals: raws,
    autoRenew: new Map((autos.toJSON() as J[]).map((a) => [num(a.task), num(a.core)])),
    leases: new Map((leases.toJSON() as J[]).map((l) => [num(l.task), num(l.until)])),
    /** Paras a core's current workload runs (`Broker.Workload`). */
    holding: new Set(
      workload.flatMap(([, items]) =>
        (items.toJSON() as J[])
          .map((i) => assignment(i.assignment))
          .flatMap((a) => (typeof a === 'object' ? [a.task] : [])),
      ),
    ),
  };
}

async function readAhOps(ah: ApiDecoration<'promise'>): Promise<RawEntry[]> {
  if (!ah.query.ahOps) return [];
  const [contributions, leases, reserves] = await Promise.all([
    ah.query.ahOps!.rcCrowdloanContribution!.entries(),
    ah.query.ahOps!.rcLeaseReserve!.entries(),
    ah.query.ahOps!.rcCrowdloanReserve!.entries(),
  ]);
  const key = (k: { args: Codec[] }) => {
    const [block, para, who] = k.args.map((a) => a.toString());
    return { block: num(block), para: num(para), address: ss58(who) };
  };
  return [
    ...contributions.map(([k, v]) => ({
      kind: 'contribution' as const,
      ...key(k),
      amount: big((v.toJSON() as [string, unknown])[1]),
    })),
    ...leases.map(([k, v]) => ({ kind: 'lease' as const, ...key(k), amount: big(v.toString()) })),
    ...reserves.map(([k, v]) => ({ kind: 'crowdloan' as const, ...key(k), amount: big(v.toString()) })),
  ].sort((a, b) => a.block - b.block || a.para - b.para || a.address.localeCompare(b.address));
}

/** Everything the four commands show, from the three chains at their blocks. */
export async function readParachains(
  relay: ApiDecoration<'promise'>,
  coretime: ApiDecoration<'promise'>,
  assetHub: ApiDecoration<'promise'>,
): Promise<RawParachains> {
  const [relayBlock, now, r, c, entries] = await Promise.all([
    assetHub.query.parachainSystem!.lastRelayChainBlockNumber!(),
    assetHub.query.timestamp!.now!(),
    readRelay(relay),
    readCoretime(coretime),
    readAhOps(assetHub),
  ]);
  return {
    relayBlock: num(relayBlock.toString()),
    timestampMs: num(now.toString()),
    ...r,
    ...c,
    entries,
  };
}

const FIXED_ONE = 1_000_000_000n;

/** pallet_broker's `sale_price` with `CenterTargetPrice`'s lead-in factor. */
export function rawSalePrice(sale: RawSale, now: number): bigint {
  const elapsed = BigInt(Math.min(Math.max(now - sale.saleStart, 0), sale.leadinLength));
  const through = (elapsed * FIXED_ONE) / BigInt(sale.leadinLength);
  let factor =
    through <= FIXED_ONE / 2n ? 100n * FIXED_ONE - 180n * through : 19n * FIXED_ONE - 18n * through;
  if (factor < 0n) factor = 0n;
  return (factor * sale.endPrice) / FIXED_ONE;
}

/** The relay block from which the sale has rotated (renewals for it closed). */
export const rawSaleEnd = (raw: RawParachains): number | null =>
  raw.sale ? raw.sale.regionBegin * raw.timeslicePeriod - raw.advanceNotice : null;

export function rawPhase(raw: RawParachains): 'interlude' | 'leadin' | 'fixed' | 'ended' | null {
  const sale = raw.sale;
  const end = rawSaleEnd(raw);
  if (!sale || end === null) return null;
  if (raw.relayBlock >= end) return 'ended';
  if (raw.relayBlock <= sale.saleStart) return 'interlude';
  if (raw.relayBlock < sale.saleStart + sale.leadinLength) return 'leadin';
  return 'fixed';
}

/** Renewals open in the current sale: `when` = region begin and a complete workload. */
export const rawDue = (raw: RawParachains): RawRenewal[] =>
  raw.sale ? raw.renewals.filter((r) => r.when === raw.sale?.regionBegin && r.complete) : [];
