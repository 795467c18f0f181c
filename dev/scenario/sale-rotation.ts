/**
 * `startNextSale`: relay time reaches the block the sale ends at (regionBegin × timeslicePeriod −
 * advanceNotice) and the broker rotates the sale as `rotate_sale` does:
 * - the new `SaleInfo`: `saleStart` = now + `interludeLength`, region = the old `regionEnd` plus
 *   `regionLength`, `firstCore` after the reservations and leases, `coresSold` = the auto-renewals
 *   made at the rotation; the end price is carried over (what `MinimumPrice` keeps when the sale
 *   sold at or below its ideal; a sale that sold more would raise it);
 * - the reservations and leases are planned for the new region (`Workplan`); a lease ending before
 *   the new region's end leaves `Leases` and becomes renewable for the sale after (`when` = new regionEnd);
 * - the auto-renewals due at the new `regionBegin` are renewed (new core, new entry, `Workplan`);
 * - the old region's plan was committed (`Workplan` at the old `regionBegin` leaves, it becomes the
 *   cores' `Workload`); renewals for the old sale that were not made stay (now lapsed).
 * The relay chain's cores are left as they are (it switches at the region's start, after this).
 */

import { saleEndBlock } from '../../core/coretime/sale-phase.js';
import { firstBlockAtOrBelow } from '../../core/coretime/sale-price.js';
import { RELAY_BLOCKS_PER_DAY, RELAY_BLOCKS_PER_HOUR } from '../../core/kusama/constants.js';
import type { ScheduleItem } from '../../core/types/parachains.js';
import { taskSchedule } from './broker-model.js';
import { ScenarioError } from './errors.js';
import { advanceRelayTo, combineChanges, withParachains } from './parachain-mutations.js';
import type { Scenario, ScenarioChange, StorageChange } from './types.js';
import {
  autoRenewalsPair,
  coretimeContext,
  lastRelayBlockPair,
  leasesPair,
  renewalPair,
  salePair,
  scheduleValue,
  statusPair,
  workplanPair,
} from './write-coretime.js';

/** The renewal reminders' lead times before renewals close, in relay blocks. */
export const RENEWAL_LEADS = {
  week: 7 * RELAY_BLOCKS_PER_DAY,
  day: RELAY_BLOCKS_PER_DAY,
  hour: RELAY_BLOCKS_PER_HOUR,
} as const;

/** The first relay block at which the sale's price is at or below `level` (null: it never gets there). */
export function priceLevelBlock(scenario: Scenario, level: bigint): number | null {
  const sale = scenario.expected.parachains.coretime?.sale;
  if (!sale) throw new ScenarioError('this scenario has no sale');
  return firstBlockAtOrBelow(sale, level);
}

/** The relay blocks at which renewals for the sale on close in a week, a day and an hour. */
export function renewalLeadBlocks(scenario: Scenario): {
  week: number;
  day: number;
  hour: number;
  end: number;
} {
  const ct = scenario.expected.parachains.coretime;
  if (!ct?.sale || !ct.config) throw new ScenarioError('this scenario has no sale');
  const end = saleEndBlock(ct.sale, ct.config, ct.timeslicePeriod);
  return {
    week: end - RENEWAL_LEADS.week,
    day: end - RENEWAL_LEADS.day,
    hour: end - RENEWAL_LEADS.hour,
    end,
  };
}

export function startNextSale(scenario: Scenario): ScenarioChange {
  const ct0 = scenario.expected.parachains.coretime;
  if (!ct0?.sale || !ct0.config || !ct0.status) throw new ScenarioError('this scenario has no sale');
  const end = saleEndBlock(ct0.sale, ct0.config, ct0.timeslicePeriod);
  const clock = advanceRelayTo(scenario, end, { rotating: true });
  const state = structuredClone(clock.scenario.expected.parachains);
  const ct = state.coretime!;
  const old = ct.sale!;
  const config = ct.config!;
  const ctx = coretimeContext();
  const writes: StorageChange[] = [];
  const now = end;
  const regionBegin = old.regionEnd;
  const regionEnd = regionBegin + config.regionLength;

  // The old region's plan is committed: it becomes the cores' workload.
  for (const w of ct.workplan.filter((x) => x.timeslice === old.regionBegin)) {
    writes.push(ctx.removal('Broker', 'Workplan', [[w.timeslice, w.core]]));
    const at = ct.workload.findIndex((x) => x.core === w.core);
    if (at >= 0) ct.workload[at] = { core: w.core, items: w.items };
    else ct.workload.push({ core: w.core, items: w.items });
    writes.push(ctx.pair('Broker', 'Workload', [w.core], scheduleValue(w.items)));
  }
  ct.workload.sort((a, b) => a.core - b.core);
  ct.workplan = ct.workplan.filter((x) => x.timeslice !== old.regionBegin);

  const plan = (core: number, items: ScheduleItem[]) => {
    const w = { timeslice: regionBegin, core, items };
    ct.workplan.push(w);
    writes.push(workplanPair(w));
  };
  let core = 0;
  for (const items of ct.reservations) plan(core++, items);
  const kept: typeof ct.leases = [];
  for (const lease of ct.leases) {
    const items = taskSchedule(lease.para);
    plan(core, items);
    if (lease.until < regionEnd) {
      const r = {
        core,
        when: regionEnd,
        price: old.endPrice,
        completion: { type: 'complete' as const, items },
      };
      ct.renewals.push(r);
      writes.push(renewalPair(r));
    } else kept.push(lease);
    core++;
  }
  ct.leases = kept;
  writes.push(leasesPair(kept));

  const firstCore = core;
  let sold = 0;
  for (const auto of ct.autoRenewals) {
    if (auto.nextRenewal !== regionBegin) continue;
    const at = ct.renewals.findIndex((r) => r.core === auto.core && r.when === regionBegin);
    const entry = ct.renewals[at];
    if (entry?.completion.type !== 'complete') continue;
    const newCore = firstCore + sold++;
    const bumped = entry.price + (entry.price * BigInt(config.renewalBump)) / 1_000_000_000n;
    const next = { core: newCore, when: regionEnd, price: bumped, completion: entry.completion };
    ct.renewals.splice(at, 1, next);
    writes.push(
      ctx.removal('Broker', 'PotentialRenewals', [{ core: auto.core, when: regionBegin }]),
      renewalPair(next),
    );
    plan(newCore, entry.completion.items);
    auto.core = newCore;
    auto.nextRenewal = regionEnd;
  }
  writes.push(autoRenewalsPair(ct.autoRenewals));
  ct.renewals.sort((a, b) => a.when - b.when || a.core - b.core);
  ct.workplan.sort((a, b) => a.timeslice - b.timeslice || a.core - b.core);

  const coresOffered = Math.max(0, ct.status!.coreCount - firstCore);
  ct.sale = {
    saleStart: now + config.interludeLength,
    leadinLength: config.leadinLength,
    endPrice: old.endPrice,
    regionBegin,
    regionEnd,
    idealCoresSold: Math.floor((coresOffered * config.idealBulkProportion) / 1e9),
    coresOffered,
    firstCore,
    selloutPrice: null,
    coresSold: sold,
  };
  writes.push(salePair(ct.sale));
  ct.block = { ...ct.block, relayBlock: now };
  ct.status = {
    ...ct.status!,
    lastTimeslice: Math.floor(now / ct.timeslicePeriod),
    lastCommittedTimeslice: Math.floor((now + config.advanceNotice) / ct.timeslicePeriod),
  };
  writes.push(statusPair(ct.status), lastRelayBlockPair(now));
  return combineChanges(scenario, [clock, withParachains(clock.scenario, state, { coretime: writes })]);
}
