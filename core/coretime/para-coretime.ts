/**
 * What one para holds on the Coretime chain (pallet_broker), as `/para` shows it:
 * - `now`: the cores whose current workload (`Workload`) runs it, with its share of each;
 * - `planned`: what `Workplan` has it run from a later timeslice on;
 * - `lease`: a legacy lease (`Leases`) until a timeslice; `reserved`: a system reservation
 *   (`Reservations`), renewed every region without a sale;
 * - `renewals`: each `PotentialRenewals` entry whose workload runs it, with where it stands against
 *   the current sale (renewal.ts), and a `Partial` entry of a core that runs it now (such an
 *   entry names no para); `autoRenewals`: its `AutoRenewals` entries;
 * - `heldUntil`: the timeslice its coretime is known to last to: the later of its lease's end, the
 *   end of the region a renewal or a plan covers, and the current region's end (the sale's
 *   `regionBegin`) when a core runs it now; null with a reservation (no end) or with nothing held.
 *
 * A core's share is the number of set bits in its 80-bit `CoreMask` (80 = the whole core).
 */
import type { CoretimeState, ScheduleItem } from '../types/parachains.js';
import { type RenewalStanding, renewalParas, renewalStanding } from './renewal.js';

/** Bits in a whole core's mask (`CoreMask` is 80 bits). */
export const CORE_MASK_BITS = 80;

/** Set bits of a `CoreMask` given as hex ("0xffff…"). */
export function maskBits(mask: string): number {
  const hex = mask.startsWith('0x') ? mask.slice(2) : mask;
  let bits = 0;
  for (const ch of hex) {
    let nibble = Number.parseInt(ch, 16);
    if (Number.isNaN(nibble)) continue;
    while (nibble > 0) {
      bits += nibble & 1;
      nibble >>= 1;
    }
  }
  return bits;
}

export interface CoreShare {
  core: number;
  /** Mask bits that run the para, of 80. */
  bits: number;
}

export interface PlannedCore extends CoreShare {
  /** The timeslice the plan starts at. */
  from: number;
}

export interface ParaRenewal {
  core: number;
  /** The timeslice (a sale's `regionBegin`) the entry renews for. */
  when: number;
  price: bigint;
  standing: RenewalStanding;
}

export interface ParaCoretime {
  para: number;
  now: CoreShare[];
  planned: PlannedCore[];
  lease: { until: number } | null;
  reserved: boolean;
  renewals: ParaRenewal[];
  autoRenewals: Array<{ core: number; nextRenewal: number }>;
  heldUntil: number | null;
}

function shareOf(items: readonly ScheduleItem[], para: number): number {
  return items
    .filter((i) => i.assignment.type === 'task' && i.assignment.para === para)
    .reduce((sum, i) => sum + maskBits(i.mask), 0);
}

export function paraCoretime(state: CoretimeState, para: number): ParaCoretime {
  const now = state.workload
    .map((w) => ({ core: w.core, bits: shareOf(w.items, para) }))
    .filter((c) => c.bits > 0)
    .sort((a, b) => a.core - b.core);
  const planned = state.workplan
    .map((w) => ({ from: w.timeslice, core: w.core, bits: shareOf(w.items, para) }))
    .filter((c) => c.bits > 0)
    .sort((a, b) => a.from - b.from || a.core - b.core);
  const leaseEnds = state.leases.filter((l) => l.para === para).map((l) => l.until);
  const lease = leaseEnds.length === 0 ? null : { until: Math.max(...leaseEnds) };
  const reserved = state.reservations.some((items) => shareOf(items, para) > 0);
  const sale = state.sale;
  const config = state.config;
  // A partial entry names no para: it is the para's when the para runs on that core now.
  const onCore = new Set(now.map((c) => c.core));
  const renewals: ParaRenewal[] = state.renewals
    .filter((r) => (r.completion.type === 'partial' ? onCore.has(r.core) : renewalParas(r).includes(para)))
    .map((r) => ({
      core: r.core,
      when: r.when,
      price: r.price,
      standing:
        sale && config
          ? renewalStanding(r, sale, config, state.timeslicePeriod)
          : { state: 'later' as const, deadline: null },
    }))
    .sort((a, b) => a.when - b.when || a.core - b.core);
  const autoRenewals = state.autoRenewals
    .filter((a) => a.para === para)
    .map((a) => ({ core: a.core, nextRenewal: a.nextRenewal }))
    .sort((a, b) => a.core - b.core);
  return {
    para,
    now,
    planned,
    lease,
    reserved,
    renewals,
    autoRenewals,
    heldUntil: reserved ? null : heldUntil(state, { now, planned, lease, renewals }),
  };
}

function heldUntil(
  state: CoretimeState,
  held: Pick<ParaCoretime, 'now' | 'planned' | 'lease' | 'renewals'>,
): number | null {
  const regionLength = state.config?.regionLength ?? 0;
  const ends: number[] = [];
  if (held.lease) ends.push(held.lease.until);
  if (held.now.length > 0 && state.sale) ends.push(state.sale.regionBegin);
  // A renewal entry for `when` means the para holds the core until `when` (its region ends there).
  for (const r of held.renewals) if (r.standing.state !== 'lapsed') ends.push(r.when);
  for (const p of held.planned) ends.push(p.from + regionLength);
  return ends.length === 0 ? null : Math.max(...ends);
}
