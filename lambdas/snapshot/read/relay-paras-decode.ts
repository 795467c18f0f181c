/**
 * The relay chain's parachain values, decoded through the relay block's own metadata into the
 * shapes of `core/types/parachains.ts`.
 */

import type { Codec } from '@polkadot/types/types';
import { blake2AsHex } from '@polkadot/util-crypto';
import type { CoreAssignment, ParaLifecycle, RelayCore } from '../../../core/types/parachains.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded values are walked through their JSON shape
type Json = any;

/** A `CoreAssignment` (`{ task: 2000 }`, `{ pool: null }`, `{ idle: null }` as JSON). */
export function assignmentOf(json: Json): CoreAssignment {
  if (json && typeof json === 'object') {
    if ('task' in json) return { type: 'task', para: Number(json.task) };
    if ('pool' in json) return { type: 'pool' };
  }
  if (json === 'Pool' || json === 'pool') return { type: 'pool' };
  return { type: 'idle' };
}

const LIFECYCLES: readonly ParaLifecycle[] = [
  'Onboarding',
  'Parathread',
  'Parachain',
  'UpgradingParathread',
  'DowngradingParachain',
  'OffboardingParathread',
  'OffboardingParachain',
];

export function lifecycleOf(value: Codec): ParaLifecycle {
  const name = value.toString();
  const found = LIFECYCLES.find((l) => l.toLowerCase() === name.toLowerCase());
  if (!found) throw new Error(`unknown para lifecycle ${name}`);
  return found;
}

/** A compact-encoded unsigned number at `offset`, or null when the bytes end first. */
function compactAt(bytes: Uint8Array, offset: number): number | null {
  const first = bytes[offset];
  if (first === undefined) return null;
  const mode = first & 3;
  if (mode === 0) return first >> 2;
  if (mode === 1) return offset + 2 <= bytes.length ? (first | (bytes[offset + 1]! << 8)) >> 2 : null;
  if (mode === 2) {
    if (offset + 4 > bytes.length) return null;
    const v = first | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! * 2 ** 24);
    return Math.floor(v / 4);
  }
  const size = (first >> 2) + 4;
  if (size > 6 || offset + 1 + size > bytes.length) return null;
  let v = 0;
  for (let i = size - 1; i >= 0; i--) v = v * 256 + bytes[offset + 1 + i]!;
  return v;
}

/**
 * A para's head (`Paras.Heads`, the `HeadData` bytes): its hash is blake2-256 of those bytes (the
 * para block's hash); its number is the compact after the 32-byte parent hash of a Substrate
 * header, null when the bytes are not one.
 */
export function headOf(value: Codec): { hash: string; number: number | null } {
  // The head data without the compact length the stored `Bytes` carry first.
  const data = value.toU8a(true);
  return { hash: blake2AsHex(data, 256), number: data.length > 32 ? compactAt(data, 32) : null };
}

type Assignments = RelayCore['assignments'];

export function assignmentsOf(list: Json[]): Assignments {
  return list.map(([assignment, state]: [Json, Json]) => ({
    assignment: assignmentOf(assignment),
    parts: Number(typeof state === 'object' && state !== null ? state.ratio : state),
  }));
}

/** `ParaScheduler.CoreDescriptors`: each core's current work. */
export function coreDescriptorsOf(
  value: Codec,
): Map<number, { assignments: Assignments; endHint: number | null }> {
  const out = new Map<number, { assignments: Assignments; endHint: number | null }>();
  const json = value.toJSON() as Record<string, Json>;
  for (const [core, descriptor] of Object.entries(json ?? {})) {
    const work = descriptor?.currentWork;
    out.set(Number(core), {
      assignments: work ? assignmentsOf(work.assignments) : [],
      endHint: work?.endHint ?? null,
    });
  }
  return out;
}
