/**
 * The parachains and crowdloans detection sources.
 * - `parachains`: the `parachains/current` entity (relay and Coretime chain parts) of the previous
 *   version and of this one, with what the subscriptions ask for: every coretime price level, every
 *   (para, stall time) pair, and the renewal lead times (empty when the data is too old for
 *   clock-based reminders).
 * - `crowdloans`: the crowdloan contributions and deposits of the watched addresses, with the relay
 *   blocks of both versions: an entry became withdrawable when its block lies between them.
 * Every block here is a relay block (6 s); broker timeslices are turned into relay blocks with the
 * Coretime chain's `timeslicePeriod`.
 */

import { KSM_DECIMALS } from '../kusama/constants.js';
import type { CrowdloanAccount, ParachainsEntity } from '../snapshot/entities.js';
import type { SubscriptionSpec } from '../subscriptions/subscription-model.js';
import { toSmallestUnit } from '../subscriptions/treasury-filter.js';
import type { CoretimeState, ParaRecord, SaleInfo } from '../types/parachains.js';

export interface ParachainsInput {
  /** The previous version's entity and relay block; undefined on a first run (nothing is news then). */
  before: { entity: ParachainsEntity; relayBlock: number } | undefined;
  after: ParachainsEntity;
  /** The relay block the version was read at (the snapshot's). */
  relayBlock: number;
  /** The relay block estimated to be current now (the clock), for the renewal windows. */
  nowBlock: number;
  /** Lead times of renewal reminders, largest first; empty when the data is too old. */
  leadMinutes: readonly number[];
  /** Price levels of coretime subscriptions, KSM as plain decimal strings. */
  priceLevels: readonly string[];
  /** The stall time of each para subscription, distinct pairs. */
  stalls: ReadonlyArray<{ para: number; minutes: number }>;
}

export interface CrowdloansInput {
  /** The watched addresses' crowdloan entities in this version (only those that have one). */
  accounts: readonly CrowdloanAccount[];
  relayBlock: number;
  /** The previous version's relay block; null on a first run (nothing became withdrawable then). */
  beforeRelayBlock: number | null;
}

/** What the coretime and para subscriptions ask detection to look for. */
export interface ParachainWatch {
  priceLevels: string[];
  stalls: Array<{ para: number; minutes: number }>;
}

/** The distinct price levels and (para, stall time) pairs of these subscriptions. */
export function parachainWatch(specs: Iterable<SubscriptionSpec>): ParachainWatch {
  const levels = new Set<string>();
  const stalls = new Map<string, { para: number; minutes: number }>();
  for (const spec of specs) {
    if (spec.kind === 'coretime' && spec.below !== null) levels.add(spec.below);
    if (spec.kind === 'para')
      stalls.set(`${spec.para}:${spec.stallMinutes}`, { para: spec.para, minutes: spec.stallMinutes });
  }
  return {
    priceLevels: [...levels].sort(),
    stalls: [...stalls.values()].sort((a, b) => a.para - b.para || a.minutes - b.minutes),
  };
}

/** A price level (KSM, decimal string) in planck. */
export function levelPlanck(level: string): bigint {
  return toSmallestUnit(level, KSM_DECIMALS);
}

/** The Coretime chain's sale with what its rules need, or null when any part is missing. */
export function saleOf(
  coretime: CoretimeState | null | undefined,
): { sale: SaleInfo; advanceNotice: number; period: number; coretime: CoretimeState } | null {
  if (!coretime?.sale || !coretime.config) return null;
  return {
    sale: coretime.sale,
    advanceNotice: coretime.config.advanceNotice,
    period: coretime.timeslicePeriod,
    coretime,
  };
}

/** The paras of a relay part by id (empty without one). */
export function parasById(entity: ParachainsEntity | undefined): Map<number, ParaRecord> {
  return new Map((entity?.relay?.paras ?? []).map((p) => [p.id, p]));
}

/** The cores the relay chain has a para on now. */
export function coresOf(entity: ParachainsEntity, para: number): number[] {
  return (entity.relay?.cores ?? [])
    .filter((c) => c.assignments.some((a) => a.assignment.type === 'task' && a.assignment.para === para))
    .map((c) => c.core);
}
