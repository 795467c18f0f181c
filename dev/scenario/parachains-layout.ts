/**
 * Who runs where on the dev Kusama: every para's id, lifecycle and role, and every core's work in
 * the current region, drawn once from the seed so that the relay chain (`ParaScheduler`), the
 * Coretime chain (`Broker`) and the named cases all tell the same story.
 *
 * Cores in the current region, in the order the broker numbers them at a sale's rotation:
 * reservations (the system paras, then one Pool core), legacy leases (the one whose lease ended at
 * the last rotation last), then the bulk cores from the sale's `firstCore`: the auto-renewed para,
 * the renewed ones (renewed in this sale, in this order, so each kept its core index), the due
 * ones, the partial one, cores bought with a provisional assignment (no renewal), idle cores, and
 * cores that never had work.
 */
import type { ParaLifecycle } from '../../core/types/parachains.js';
import { Rng } from './rng.js';
import type { ScenarioSize } from './types.js';

/** The system paras (Asset Hub, Encointer, Bridge Hub, People, Coretime), each on a reserved core. */
export const SYSTEM_PARAS = [1000, 1001, 1002, 1004, 1005] as const;

/** Kusama para ids in the 2000s and 3000s, lowest first (names are not the chain's business). */
const KUSAMA_IDS = [
  2000, 2001, 2004, 2007, 2011, 2012, 2015, 2023, 2024, 2048, 2084, 2085, 2087, 2088, 2090, 2092, 2095, 2096,
  2100, 2101, 2102, 2105, 2106, 2110, 2113, 2114, 2115, 2118, 2119, 2120, 2121, 2123, 2124, 2125, 2222, 2223,
  2225, 2226, 2227, 2228, 2229, 2230, 2231, 2232, 2233, 2234, 2235, 2236, 2237, 2238, 2239, 2240, 2241, 2256,
  2258, 3333, 3334, 3335, 3336, 3338, 3339, 3340, 3344, 3345, 3346, 3350, 3356, 3358, 3359, 3360,
];

export type ParaRole =
  | 'system'
  | 'lease'
  | 'leaseEnded'
  | 'autoRenew'
  | 'renewed'
  | 'due'
  | 'partial'
  | 'lapsed'
  | 'provisional'
  | 'buyer'
  | 'onDemand'
  | 'idle';

export interface LayoutPara {
  id: number;
  lifecycle: ParaLifecycle;
  role: ParaRole;
}

/** One core's work in the current region: each item's half ('full', 'first', 'second') and task. */
export type CoreWork = Array<{ half: 'full' | 'first' | 'second'; task: number | 'pool' | 'idle' }>;

export interface ParachainsLayout {
  paras: LayoutPara[];
  /** An id reserved with `Registrar.reserve`: no lifecycle, no head. */
  reservedId: number;
  coreCount: number;
  /** Current-region work per core (index = core); empty for cores that never had work. */
  cores: CoreWork[];
  reservationCount: number;
  /** Cores of the leases still in `Broker.Leases` (in `leases` order), and of the one that ended. */
  leaseCores: number[];
  leaseEndedCore: number;
  firstCore: number;
  autoRenewCore: number;
  renewedCores: number[];
  dueCores: number[];
  partialCore: number;
  provisionalCores: number[];
  idleCores: number[];
  /** The para whose renewal lapsed at the last sale, and the core it had then. */
  lapsed: { para: number; core: number };
  /** Paras that bought a core in this sale and assigned it for the next region. */
  buyers: number[];
}

interface Counts {
  lease: number;
  renewedCores: number;
  dueCores: number;
  provisional: number;
  parathreads: number;
  eachTransition: number;
  idle: number;
  empty: number;
}

const COUNTS: Record<ScenarioSize, Counts> = {
  small: {
    lease: 1,
    renewedCores: 1,
    dueCores: 2,
    provisional: 0,
    parathreads: 2,
    eachTransition: 1,
    idle: 1,
    empty: 2,
  },
  kusama: {
    lease: 4,
    renewedCores: 5,
    dueCores: 17,
    provisional: 3,
    parathreads: 7,
    eachTransition: 2,
    idle: 8,
    empty: 10,
  },
};

const TRANSITIONS: ParaLifecycle[] = [
  'Onboarding',
  'UpgradingParathread',
  'DowngradingParachain',
  'OffboardingParathread',
  'OffboardingParachain',
];

export function buildLayout(seed: number, size: ScenarioSize): ParachainsLayout {
  const rng = new Rng(seed, 'parachains-layout');
  const c = COUNTS[size];
  const ids = rng.shuffle([...KUSAMA_IDS]);
  let next = 0;
  const take = () => ids[next++]!;
  const paras: LayoutPara[] = SYSTEM_PARAS.map((id) => ({ id, lifecycle: 'Parachain', role: 'system' }));
  const add = (role: ParaRole, lifecycle: ParaLifecycle = 'Parachain') => {
    const id = take();
    paras.push({ id, lifecycle, role });
    return id;
  };
  const cores: CoreWork[] = [];
  const full = (task: number | 'pool' | 'idle'): CoreWork => [{ half: 'full', task }];
  for (const id of SYSTEM_PARAS) cores.push(full(id));
  cores.push(full('pool'));
  const reservationCount = cores.length;

  const leaseCores: number[] = [];
  for (let i = 0; i < c.lease; i++) {
    leaseCores.push(cores.length);
    cores.push(full(add('lease')));
  }
  const leaseEndedCore = cores.length;
  cores.push(full(add('leaseEnded')));
  const firstCore = cores.length;
  const autoRenewCore = cores.length;
  cores.push(full(add('autoRenew')));

  // One renewed core and one due core are split between two paras (the first of each kind).
  const renewedCores: number[] = [];
  for (let i = 0; i < c.renewedCores; i++) {
    renewedCores.push(cores.length);
    const a = add('renewed');
    cores.push(
      i === 0 && size === 'kusama'
        ? [
            { half: 'first', task: a },
            { half: 'second', task: add('renewed') },
          ]
        : full(a),
    );
  }
  const dueCores: number[] = [];
  for (let i = 0; i < c.dueCores; i++) {
    dueCores.push(cores.length);
    const a = add('due');
    cores.push(
      i === 1
        ? [
            { half: 'first', task: a },
            { half: 'second', task: add('due') },
          ]
        : full(a),
    );
  }
  const partialCore = cores.length;
  cores.push([
    { half: 'first', task: add('partial') },
    { half: 'second', task: 'pool' },
  ]);
  const provisionalCores: number[] = [];
  for (let i = 0; i < c.provisional; i++) {
    provisionalCores.push(cores.length);
    cores.push(full(add('provisional')));
  }
  const idleCores: number[] = [];
  for (let i = 0; i < c.idle; i++) {
    idleCores.push(cores.length);
    cores.push(full('idle'));
  }
  for (let i = 0; i < c.empty; i++) cores.push([]);

  const lapsedPara = add('lapsed');
  const buyers = [add('buyer', 'Parathread')];
  for (let i = 1; i < c.parathreads; i++) add(i < 3 ? 'onDemand' : 'idle', 'Parathread');
  if (size === 'kusama')
    buyers.push(paras.find((p) => p.role === 'idle' && p.lifecycle === 'Parathread')!.id);
  for (const id of buyers) paras.find((p) => p.id === id)!.role = 'buyer';
  for (const lifecycle of TRANSITIONS) for (let i = 0; i < c.eachTransition; i++) add('idle', lifecycle);

  paras.sort((a, b) => a.id - b.id);
  const reservedId = Math.max(...paras.map((p) => p.id)) + rng.int(1, 6);
  return {
    paras,
    reservedId,
    coreCount: cores.length,
    cores,
    reservationCount,
    leaseCores,
    leaseEndedCore,
    firstCore,
    autoRenewCore,
    renewedCores,
    dueCores,
    partialCore,
    provisionalCores,
    idleCores,
    lapsed: { para: lapsedPara, core: idleCores[0] ?? cores.length - 1 },
    buyers,
  };
}

/** The paras running on a core in the current region. */
export function coreParas(work: CoreWork): number[] {
  return work.flatMap((w) => (typeof w.task === 'number' ? [w.task] : []));
}
