/**
 * The relay chain's view of the layout at a relay block: every para's lifecycle, registration and
 * latest head, what each core runs (`CoreDescriptors`, a couple of queued `CoreSchedules`), the
 * on-demand queue, and the host configuration (Kusama-like values).
 *
 * A para head is a SCALE `Header { parent_hash, number: Compact<u32>, state_root, extrinsics_root,
 * digest }` whose digest carries one Aura pre-runtime slot, as a cumulus para's does.
 */

import { blake2AsHex } from '@polkadot/util-crypto';
import {
  KSM_PLANCK_PER_UNIT,
  RELAY_BLOCKS_PER_DAY,
  RELAY_BLOCKS_PER_HOUR,
} from '../../core/kusama/constants.js';
import type { ParaRecord, RelayCore, RelayParachainsState } from '../../core/types/parachains.js';
import { deriveAccount } from './accounts.js';
import { assignmentOf } from './broker-model.js';
import { ByteWriter } from './byte-writer.js';
import type { CoreWork, ParachainsLayout } from './parachains-layout.js';
import type { Rng } from './rng.js';

export const PARTS_FULL = 57_600;
export const ON_DEMAND_BASE_FEE = 333_333_333n;
export const ON_DEMAND_QUEUE_MAX = 10_000;
export const PARA_DEPOSIT = 4n * KSM_PLANCK_PER_UNIT;

/** A para header's bytes for block `number` (parent and roots drawn from `rng`). */
export function paraHeader(rng: Rng, number: number, slot: bigint): Uint8Array {
  const w = new ByteWriter();
  w.bytes(rng.bytes(32));
  w.compact(number);
  w.bytes(rng.bytes(32));
  w.bytes(rng.bytes(32));
  w.compact(1);
  w.u8(6); // DigestItem::PreRuntime
  w.bytes(new TextEncoder().encode('aura'));
  w.compact(8);
  w.uintLE(slot, 8);
  return w.toU8a();
}

export function headOf(bytes: Uint8Array, number: number): NonNullable<ParaRecord['head']> {
  return { hash: blake2AsHex(bytes, 256), number };
}

export interface RelayModel {
  state: RelayParachainsState;
  /** Head bytes by para (what `Paras.Heads` stores). */
  heads: Map<number, Uint8Array>;
  /** The para whose head stopped advancing a few hours ago while it holds a core. */
  stalled: number;
  /** The on-demand queue, oldest order first. */
  orders: Array<{ para: number; orderedAt: number }>;
}

function parts(work: CoreWork): RelayCore['assignments'] {
  return work.map((w) => ({
    assignment: assignmentOf(w.task),
    parts: w.half === 'full' ? PARTS_FULL : PARTS_FULL / 2,
  }));
}

export function buildRelay(
  rng: Rng,
  seed: number,
  layout: ParachainsLayout,
  relayBlock: number,
  regionEndBlock: number,
): RelayModel {
  const onCore = new Set(
    layout.cores.flatMap((w) => w.flatMap((x) => (typeof x.task === 'number' ? [x.task] : []))),
  );
  const stalled = layout.paras.find(
    (p) => p.role === 'due' && p.id !== layout.cores[layout.dueCores[0]!]![0]!.task,
  )!.id;
  const heads = new Map<number, Uint8Array>();
  const paras: ParaRecord[] = [];
  let lockedTurn = 0;
  for (const p of layout.paras) {
    const system = p.role === 'system';
    const lockedDraw = lockedTurn++ % 5;
    let head: ParaRecord['head'] = null;
    let context: number | null = null;
    if (p.lifecycle !== 'Onboarding') {
      const number = rng.int(400_000, 12_000_000);
      const bytes = paraHeader(rng, number, BigInt(rng.int(100_000_000, 300_000_000)));
      heads.set(p.id, bytes);
      head = headOf(bytes, number);
      if (p.id === stalled) context = relayBlock - rng.int(3, 5) * RELAY_BLOCKS_PER_HOUR;
      else if (onCore.has(p.id)) context = relayBlock - rng.int(1, 3);
      else if (p.role === 'onDemand') context = relayBlock - rng.int(20, 4 * RELAY_BLOCKS_PER_HOUR);
      else if (rng.chance(0.7)) context = relayBlock - rng.int(2, 120) * RELAY_BLOCKS_PER_DAY;
    }
    const manager = system ? null : deriveAccount(seed, 'para-manager', p.id).address;
    paras.push({
      id: p.id,
      lifecycle: p.lifecycle,
      listed: p.lifecycle === 'Parachain',
      manager,
      deposit: system ? null : PARA_DEPOSIT + rng.bigint(0n, 40n * KSM_PLANCK_PER_UNIT),
      locked: system ? null : lockedDraw === 0 ? false : lockedDraw === 1 ? null : true,
      head,
      headRelayBlock: context,
    });
  }
  paras.push({
    id: layout.reservedId,
    lifecycle: null,
    listed: false,
    manager: deriveAccount(seed, 'para-manager', layout.reservedId).address,
    deposit: PARA_DEPOSIT,
    locked: null,
    head: null,
    headRelayBlock: null,
  });
  paras.sort((a, b) => a.id - b.id);

  const nextTimeslice = (Math.floor(relayBlock / 80) + 1) * 80;
  const cores: RelayCore[] = layout.cores.map((work, core) => ({
    core,
    assignments: parts(work),
    endHint: core === layout.leaseEndedCore || core === layout.partialCore ? regionEndBlock : null,
    upcoming: [],
  }));
  // The partial core's owner re-partitions it: two schedules queued, the second after the first.
  const partial = cores[layout.partialCore]!;
  const para = partial.assignments[0]!.assignment;
  partial.upcoming = [
    {
      block: nextTimeslice,
      assignments: [{ assignment: para, parts: PARTS_FULL }],
      endHint: nextTimeslice + 800,
    },
    {
      block: nextTimeslice + 800,
      assignments: [
        { assignment: para, parts: PARTS_FULL / 2 },
        { assignment: { type: 'pool' }, parts: PARTS_FULL / 2 },
      ],
      endHint: regionEndBlock,
    },
  ];
  const idle = cores[layout.idleCores[0]!]!;
  idle.upcoming = [
    {
      block: nextTimeslice,
      assignments: [{ assignment: { type: 'pool' }, parts: PARTS_FULL }],
      endHint: null,
    },
  ];

  const onDemandParas = layout.paras.filter((p) => p.role === 'onDemand').map((p) => p.id);
  const orders = Array.from({ length: rng.int(3, 6) }, (_, i) => ({
    para: rng.pick(onDemandParas),
    orderedAt: relayBlock - 6 + i,
  }));
  const queued = orders.map((o) => o.para);
  const nextFree = Math.max(layout.reservedId + 1, ...paras.map((p) => p.id + 1));
  return {
    heads,
    stalled,
    orders,
    state: {
      block: relayBlock,
      paras,
      cores,
      coreCount: layout.coreCount,
      onDemand: {
        traffic: 10n ** 18n + rng.bigint(10n ** 17n, 25n * 10n ** 17n),
        baseFee: ON_DEMAND_BASE_FEE,
        queued,
        maxQueueSize: ON_DEMAND_QUEUE_MAX,
      },
      nextFreeParaId: nextFree,
    },
  };
}
