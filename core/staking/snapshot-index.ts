/** One linear pass over a Snapshot's era history: exposures by account, and per-(era, validator) figures. */
import type { Snapshot } from '../types/snapshot.js';
import type { Address, EraHistory } from '../types/staking.js';
import { incentiveOf } from './incentive.js';
import type { AccountExposure, ValidatorEraFigures } from './slice-types.js';

export interface SnapshotIndex {
  snapshot: Snapshot;
  activeEra: number;
  /** The history window sorted oldest first. */
  history: EraHistory[];
  historyByEra: Map<number, EraHistory>;
  exposuresOf: Map<Address, AccountExposure[]>;
  /** Page totals by era, then validator. */
  pageTotals: Map<number, Map<Address, bigint[]>>;
  stashOfController: Map<Address, Address>;
  /** Validators elected in the active era. */
  activeSet: Set<Address>;
  figures(era: number, validator: Address): ValidatorEraFigures | null;
}

function pushExposure(map: Map<Address, AccountExposure[]>, who: Address, exposure: AccountExposure): void {
  const list = map.get(who);
  if (list) list.push(exposure);
  else map.set(who, [exposure]);
}

/** Indexes the snapshot; with `only`, exposures are kept for those accounts alone (single-account builds). */
export function indexSnapshot(snapshot: Snapshot, only?: ReadonlySet<Address>): SnapshotIndex {
  const history = [...snapshot.staking.history].sort((a, b) => a.era - b.era);
  const historyByEra = new Map(history.map((h) => [h.era, h]));
  const exposuresOf = new Map<Address, AccountExposure[]>();
  const pageTotals = new Map<number, Map<Address, bigint[]>>();

  for (const h of history) {
    const totals = new Map<Address, bigint[]>();
    pageTotals.set(h.era, totals);
    for (const [validator, overview] of Object.entries(h.overviews)) {
      if (!only || only.has(validator)) {
        pushExposure(exposuresOf, validator, {
          era: h.era,
          validator,
          page: 0,
          value: overview.own,
          own: true,
        });
      }
    }
    for (const page of h.pages) {
      let list = totals.get(page.validator);
      if (!list) {
        list = [];
        totals.set(page.validator, list);
      }
      list[page.page] = page.pageTotal;
      for (const other of page.others) {
        if (only && !only.has(other.who)) continue;
        pushExposure(exposuresOf, other.who, {
          era: h.era,
          validator: page.validator,
          page: page.page,
          value: other.value,
          own: false,
        });
      }
    }
  }

  const stashOfController = new Map<Address, Address>();
  for (const ledger of Object.values(snapshot.staking.ledgers)) {
    if (ledger.controller !== ledger.stash) stashOfController.set(ledger.controller, ledger.stash);
  }

  const activeEra = snapshot.staking.activeEra.index;
  const activeSet = new Set(Object.keys(historyByEra.get(activeEra)?.overviews ?? {}));
  const cache = new Map<number, Map<Address, ValidatorEraFigures | null>>();

  function figures(era: number, validator: Address): ValidatorEraFigures | null {
    let eraCache = cache.get(era);
    if (!eraCache) {
      eraCache = new Map();
      cache.set(era, eraCache);
    }
    const cached = eraCache.get(validator);
    if (cached !== undefined) return cached;
    const h = historyByEra.get(era);
    const overview = h?.overviews[validator];
    let result: ValidatorEraFigures | null = null;
    if (h && overview) {
      const totals = pageTotals.get(era)?.get(validator) ?? [];
      const pageCount = Math.max(overview.pageCount, totals.length);
      result = {
        era,
        validator,
        points: h.rewardPoints.individual[validator] ?? 0,
        commission: h.prefs[validator]?.commission ?? 0,
        total: overview.total,
        own: overview.own,
        nominatorCount: overview.nominatorCount,
        pageCount: overview.pageCount,
        pageTotals: Array.from({ length: pageCount }, (_, i) => totals[i] ?? 0n),
        claimed: [...(h.claimed[validator] ?? [])].sort((a, b) => a - b),
      };
      const incentive = incentiveOf(h.incentive, validator);
      if (incentive > 0n) result.incentive = incentive;
    }
    eraCache.set(validator, result);
    return result;
  }

  return {
    snapshot,
    activeEra,
    history,
    historyByEra,
    exposuresOf,
    pageTotals,
    stashOfController,
    activeSet,
    figures,
  };
}
