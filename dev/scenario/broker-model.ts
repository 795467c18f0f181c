/**
 * The Coretime chain's `Broker` state for the layout at a relay block, as pallet_broker leaves it:
 * the sale on at that block is in its lead-in (it rotated `interludeLength` before `saleStart`, at
 * relay block (regionBegin − regionLength) × timeslicePeriod − advanceNotice), reservations and
 * leases were planned for its region at the rotation, the auto-renewed para was renewed at the
 * rotation, the renewed ones since, and the buyers bought a core each.
 */
import { KSM_PLANCK_PER_UNIT } from '../../core/kusama/constants.js';
import type {
  BrokerConfig,
  BrokerStatus,
  CoreAssignment,
  CoretimeState,
  PotentialRenewal,
  SaleInfo,
  ScheduleItem,
} from '../../core/types/parachains.js';
import { type CoreWork, coreParas, type ParachainsLayout } from './parachains-layout.js';
import type { Rng } from './rng.js';

export const TIMESLICE_PERIOD = 80;
export const MASK_FULL = `0x${'ff'.repeat(10)}`;
export const MASK_FIRST = `0x${'ff'.repeat(5)}${'00'.repeat(5)}`;
export const MASK_SECOND = `0x${'00'.repeat(5)}${'ff'.repeat(5)}`;

/** Kusama's `Broker.Configuration`. */
export const KUSAMA_BROKER_CONFIG: BrokerConfig = {
  advanceNotice: 10,
  interludeLength: 50_400,
  leadinLength: 100_800,
  regionLength: 5_040,
  idealBulkProportion: 600_000_000,
  limitCoresOffered: null,
  renewalBump: 30_000_000,
  contributionTimeout: 5_040,
};

const MASKS = { full: MASK_FULL, first: MASK_FIRST, second: MASK_SECOND } as const;

export function assignmentOf(task: number | 'pool' | 'idle'): CoreAssignment {
  return typeof task === 'number' ? { type: 'task', para: task } : { type: task };
}

export function scheduleOf(work: CoreWork): ScheduleItem[] {
  return work.map((w) => ({ mask: MASKS[w.half], assignment: assignmentOf(w.task) }));
}

export const taskSchedule = (para: number): ScheduleItem[] => [
  { mask: MASK_FULL, assignment: { type: 'task', para } },
];

/** The sale on at `relayBlock`, `elapsed` relay blocks into its lead-in. */
export function saleTiming(
  relayBlock: number,
  elapsed: number,
  config: BrokerConfig = KUSAMA_BROKER_CONFIG,
): { regionBegin: number; saleStart: number; rotatedAt: number } {
  const target = relayBlock - elapsed - config.interludeLength;
  const regionBegin = Math.floor((target + config.advanceNotice) / TIMESLICE_PERIOD) + config.regionLength;
  const rotatedAt = (regionBegin - config.regionLength) * TIMESLICE_PERIOD - config.advanceNotice;
  return { regionBegin, saleStart: rotatedAt + config.interludeLength, rotatedAt };
}

export function buildBroker(rng: Rng, layout: ParachainsLayout, relayBlock: number): CoretimeState {
  const config = KUSAMA_BROKER_CONFIG;
  const elapsed = rng.int(15_000, 85_000);
  const { regionBegin, saleStart } = saleTiming(relayBlock, elapsed, config);
  const regionEnd = regionBegin + config.regionLength;
  const endPrice = rng.bigint(2n * KSM_PLANCK_PER_UNIT, 8n * KSM_PLANCK_PER_UNIT);
  const price = () => (endPrice * BigInt(rng.int(90, 260))) / 100n;
  const paraOn = (core: number) => coreParas(layout.cores[core]!);

  const workplan: CoretimeState['workplan'] = [];
  const renewals: PotentialRenewal[] = [];
  const reservations = layout.cores.slice(0, layout.reservationCount).map(scheduleOf);
  reservations.forEach((items, core) => {
    workplan.push({ timeslice: regionBegin, core, items });
  });
  const leases = layout.leaseCores.map((core, i) => ({
    para: paraOn(core)[0]!,
    // The first lease ends in the region after the one on sale: the next rotation makes it renewable.
    until:
      i === 0
        ? regionEnd + rng.int(100, config.regionLength - 100)
        : regionEnd + rng.int(2, 12) * config.regionLength,
  }));
  for (const core of [...layout.leaseCores, layout.leaseEndedCore]) {
    workplan.push({ timeslice: regionBegin, core, items: scheduleOf(layout.cores[core]!) });
  }
  renewals.push({
    core: layout.leaseEndedCore,
    when: regionEnd,
    price: price(),
    completion: { type: 'complete', items: scheduleOf(layout.cores[layout.leaseEndedCore]!) },
  });
  // Renewed in this sale (the auto-renewal at the rotation first): each kept its core index.
  for (const core of [layout.autoRenewCore, ...layout.renewedCores]) {
    const items = scheduleOf(layout.cores[core]!);
    workplan.push({ timeslice: regionBegin, core, items });
    renewals.push({ core, when: regionEnd, price: price(), completion: { type: 'complete', items } });
  }
  let nextCore = layout.firstCore + 1 + layout.renewedCores.length;
  for (const para of layout.buyers) {
    workplan.push({ timeslice: regionBegin, core: nextCore++, items: taskSchedule(para) });
  }
  for (const core of layout.dueCores) {
    const items = scheduleOf(layout.cores[core]!);
    renewals.push({ core, when: regionBegin, price: price(), completion: { type: 'complete', items } });
  }
  renewals.push({
    core: layout.partialCore,
    when: regionBegin,
    price: price(),
    completion: { type: 'partial', mask: MASK_FIRST },
  });
  renewals.push({
    core: layout.lapsed.core,
    when: regionBegin - config.regionLength,
    price: price(),
    completion: { type: 'complete', items: taskSchedule(layout.lapsed.para) },
  });
  renewals.sort((a, b) => a.when - b.when || a.core - b.core);
  workplan.sort((a, b) => a.timeslice - b.timeslice || a.core - b.core);

  const coresOffered = layout.coreCount - layout.firstCore;
  const sale: SaleInfo = {
    saleStart,
    leadinLength: config.leadinLength,
    endPrice,
    regionBegin,
    regionEnd,
    idealCoresSold: Math.floor((coresOffered * config.idealBulkProportion) / 1e9),
    coresOffered,
    firstCore: layout.firstCore,
    selloutPrice: null,
    coresSold: nextCore - layout.firstCore,
  };
  const pooled = (work: CoreWork) => work.filter((w) => w.task === 'pool').length;
  const status: BrokerStatus = {
    coreCount: layout.coreCount,
    privatePoolSize: pooled(layout.cores[layout.partialCore]!) * 40,
    systemPoolSize: reservations.filter((r) => r[0]?.assignment.type === 'pool').length * 80,
    lastCommittedTimeslice: Math.floor((relayBlock + config.advanceNotice) / TIMESLICE_PERIOD),
    lastTimeslice: Math.floor(relayBlock / TIMESLICE_PERIOD),
  };
  const workload = layout.cores.flatMap((work, core) =>
    work.length ? [{ core, items: scheduleOf(work) }] : [],
  );
  const autoPara = paraOn(layout.autoRenewCore)[0]!;
  return {
    block: { hash: '', number: 0, specVersion: 0, relayBlock },
    timeslicePeriod: TIMESLICE_PERIOD,
    config,
    status,
    sale,
    leases: leases.map((l) => ({ para: l.para, until: l.until })),
    reservations,
    renewals,
    autoRenewals: [{ core: layout.autoRenewCore, para: autoPara, nextRenewal: regionEnd }],
    workplan,
    workload,
  };
}
