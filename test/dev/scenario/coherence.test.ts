import { describe, expect, it } from 'vitest';
import { assessTally } from '../../../core/opengov/index.js';
import type { OngoingReferendum } from '../../../core/types/index.js';
import {
  BONDING_DURATION_ERAS,
  HISTORY_DEPTH_ERAS,
  MAX_EXPOSURE_PAGE_SIZE,
} from '../../../dev/scenario/chain-constants.js';
import { generateScenario } from '../../../dev/scenario/index.js';

const scenario = generateScenario({ size: 'small', seed: 5 });
const { expected: e, fixtures: fx } = scenario;
const s = e.staking;
const active = s.history.at(-1)!;

/** Stake each account has in the active era's exposures. */
function exposedStake(): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const p of active.pages) for (const o of p.others) out.set(o.who, (out.get(o.who) ?? 0n) + o.value);
  return out;
}

describe('staking coherence', () => {
  it('keeps a contiguous 84-era window ending at the unpaid active era', () => {
    expect(s.history).toHaveLength(HISTORY_DEPTH_ERAS);
    s.history.forEach((h, i) => {
      expect(h.era).toBe(s.activeEra.index - HISTORY_DEPTH_ERAS + 1 + i);
    });
    expect(active.validatorReward).toBeNull();
    expect(s.currentEra).toBe(s.activeEra.index + 1);
    expect(s.activeEra.index).toBeGreaterThan(9_700);
    expect(s.activeEra.index).toBeLessThan(9_900);
    for (const h of s.history.slice(0, -1)) {
      // A 13–17% yearly yield on the era's stake, over 1,461 eras a year.
      const yearly = Number((h.validatorReward! * 1_461n * 1_000_000n) / h.totalStake) / 1e6;
      expect(yearly).toBeGreaterThanOrEqual(0.13 - 1e-6);
      expect(yearly).toBeLessThanOrEqual(0.17 + 1e-6);
    }
  });

  it('pages: totals add up, at most 512 each, sorted, pageCount = ceil(nominators / 512)', () => {
    for (const h of s.history) {
      let totalStake = 0n;
      for (const [v, o] of Object.entries(h.overviews)) {
        const pages = h.pages.filter((p) => p.validator === v);
        expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i));
        expect(o.pageCount).toBe(Math.ceil(o.nominatorCount / MAX_EXPOSURE_PAGE_SIZE));
        expect(pages).toHaveLength(o.pageCount);
        const others = pages.flatMap((p) => p.others);
        expect(others).toHaveLength(o.nominatorCount);
        for (const p of pages) {
          expect(p.others.length).toBeLessThanOrEqual(MAX_EXPOSURE_PAGE_SIZE);
          expect(p.pageTotal).toBe(p.others.reduce((a, x) => a + x.value, 0n));
        }
        for (let i = 1; i < others.length; i++) expect(others[i - 1]!.value >= others[i]!.value).toBe(true);
        expect(o.total).toBe(o.own + pages.reduce((a, p) => a + p.pageTotal, 0n));
        totalStake += o.total;
      }
      expect(h.totalStake).toBe(totalStake);
      expect(Object.keys(h.prefs).sort()).toEqual(Object.keys(h.overviews).sort());
      expect(h.rewardPoints.total).toBe(Object.values(h.rewardPoints.individual).reduce((a, b) => a + b, 0));
    }
  });

  it('claimed pages are sorted subsets of [0, pageCount), none in the active era, most in old eras', () => {
    let claimed = 0;
    let possible = 0;
    for (const h of s.history) {
      for (const [v, pages] of Object.entries(h.claimed)) {
        const count = h.overviews[v]!.pageCount;
        expect(pages.length).toBeGreaterThan(0);
        expect([...pages].sort((a, b) => a - b)).toEqual(pages);
        expect(new Set(pages).size).toBe(pages.length);
        for (const p of pages) expect(p >= 0 && p < Math.max(1, count)).toBe(true);
      }
      if (h.era <= s.activeEra.index - 12) {
        claimed += Object.values(h.claimed).reduce((a, p) => a + p.length, 0);
        possible += Object.values(h.overviews).reduce((a, o) => a + Math.max(1, o.pageCount), 0);
      }
    }
    expect(Object.keys(active.claimed)).toEqual([]);
    expect(claimed / possible).toBeGreaterThan(0.9);
    expect(claimed).toBeLessThan(possible);
  });

  it('ledgers: active equals the stake exposed in the active era; total = active + unlocking', () => {
    const exposed = exposedStake();
    for (const [stash, l] of Object.entries(s.ledgers)) {
      expect(l.stash).toBe(stash);
      expect(l.total).toBe(l.unlocking.reduce((a, c) => a + c.value, l.active));
      if (exposed.has(stash)) expect(exposed.get(stash)).toBe(l.active);
      if (active.overviews[stash]) expect(active.overviews[stash]!.own).toBe(l.active);
    }
    for (const [stash, n] of Object.entries(s.nominators)) {
      expect(s.ledgers[stash], stash).toBeDefined();
      expect(n.targets.length).toBeGreaterThan(0);
      expect(n.targets.length).toBeLessThanOrEqual(24);
      expect(new Set(n.targets).size).toBe(n.targets.length);
      const stake = exposed.get(stash);
      if (stake !== undefined) expect(s.ledgers[stash]!.active >= s.minimumActiveStake).toBe(true);
    }
    for (const v of Object.keys(s.validators)) expect(s.ledgers[v]).toBeDefined();
    for (const v of Object.keys(active.overviews)) expect(s.validators[v]).toBeDefined();
  });

  it('validator self-stake, commission and the blocked and chilled fixtures', () => {
    const commissions = Object.values(s.validators).map((v) => v.commission);
    expect(commissions.every((c) => c >= 0 && c <= 1_000_000_000)).toBe(true);
    expect(s.validators[fx.validators.blocked]!.blocked).toBe(true);
    expect(s.validators[fx.validators.chilled]).toBeUndefined();
    expect(s.ledgers[fx.validators.chilled]).toBeDefined();
    expect(Object.values(s.nominators).some((n) => n.targets.includes(fx.validators.chilled))).toBe(true);
    for (const v of fx.validators.waiting) expect(active.overviews[v]).toBeUndefined();
    for (const v of fx.validators.elected) expect(active.overviews[v]).toBeDefined();
  });
});

describe('staking fixtures', () => {
  const exposed = exposedStake();
  const activeSet = new Set(Object.keys(active.overviews));

  it('nominators: all targets active, none active, not exposed, on a later page', () => {
    const all = s.nominators[fx.nominators.allTargetsActive]!;
    expect(all.targets.every((t) => activeSet.has(t))).toBe(true);
    for (const t of all.targets) {
      expect(active.pages.some((p) => p.validator === t && p.others.some((o) => o.who === all.stash))).toBe(
        true,
      );
    }
    const none = s.nominators[fx.nominators.noTargetsActive]!;
    expect(none.targets.some((t) => activeSet.has(t))).toBe(false);
    const notExposed = s.nominators[fx.nominators.notExposed]!;
    expect(notExposed.targets.every((t) => activeSet.has(t))).toBe(true);
    expect(exposed.has(notExposed.stash)).toBe(false);
    expect(s.ledgers[notExposed.stash]!.active < s.minimumActiveStake).toBe(true);
    expect(s.ledgers[notExposed.stash]!.active >= s.minNominatorBond).toBe(true);
    const later = fx.nominators.onLaterPage;
    expect(later.page).toBeGreaterThan(0);
    const page = active.pages.find((p) => p.validator === later.validator && p.page === later.page)!;
    expect(page.others.some((o) => o.who === later.nominator)).toBe(true);
  });

  it('controller differs from stash; withdrawable and locked unlocking chunks', () => {
    const { stash, controller } = fx.controllerNotStash;
    expect(controller).not.toBe(stash);
    expect(s.ledgers[stash]!.controller).toBe(controller);
    const era = s.activeEra.index;
    const withdrawable = s.ledgers[fx.ledgers.withdrawableChunk]!.unlocking;
    expect(withdrawable.some((c) => c.era <= era)).toBe(true);
    const locked = s.ledgers[fx.ledgers.lockedChunk]!.unlocking;
    expect(locked.length).toBeGreaterThan(0);
    expect(locked.every((c) => c.era > era && c.era <= era + BONDING_DURATION_ERAS)).toBe(true);
  });

  it('a validator with claimed and unclaimed pages, and the era that expires next', () => {
    const pc = fx.validators.partlyClaimed;
    const h = s.history.find((x) => x.era === pc.era)!;
    expect(pc.pageCount).toBeGreaterThan(1);
    expect(h.overviews[pc.validator]!.pageCount).toBe(pc.pageCount);
    expect(h.claimed[pc.validator]).toEqual(pc.claimed);
    expect(pc.claimed.length).toBeGreaterThan(0);
    expect(pc.unclaimed.length).toBeGreaterThan(0);
    expect([...pc.claimed, ...pc.unclaimed].sort()).toEqual(
      Array.from({ length: pc.pageCount }, (_, i) => i),
    );
    expect(fx.eras.expiresNext).toBe(s.history[0]!.era);
    expect(fx.eras.expiresNext + HISTORY_DEPTH_ERAS).toBe(fx.eras.current);
  });
});

describe('pools coherence', () => {
  const { pools, members } = e.pools;

  it('pool points are the members’ points; the pool ledger holds them plus unbonding', () => {
    for (const pool of Object.values(pools)) {
      const list = Object.values(members).filter((m) => m.poolId === pool.id);
      expect(list).toHaveLength(pool.memberCounter);
      expect(pool.points).toBe(list.reduce((a, m) => a + m.points, 0n));
      const unbonding = list.flatMap((m) => m.unbondingEras).reduce((a, u) => a + u.points, 0n);
      const sub = pool.subPools;
      const subPoints = sub ? sub.withEra.reduce((a, p) => a + p.points, sub.noEra.points) : 0n;
      const subBalance = sub ? sub.withEra.reduce((a, p) => a + p.balance, sub.noEra.balance) : 0n;
      expect(subPoints).toBe(unbonding);
      const ledger = s.ledgers[pool.bondedAccount]!;
      // Only a slashed pool holds less than its points, bonded or unbonding.
      expect(ledger.active <= pool.points).toBe(true);
      expect(ledger.total - ledger.active).toBe(subBalance);
      expect(list.some((m) => m.who === pool.roles.depositor)).toBe(true);
      expect(s.nominators[pool.bondedAccount]).toBeDefined();
    }
    expect(members[fx.pools.member]!.poolId).toBe(fx.pools.poolId);
    expect(members[fx.pools.unbondingMember]!.unbondingEras.length).toBeGreaterThan(0);
    expect(pools[fx.pools.poolId]!.roles.depositor).toBe(fx.pools.depositor);
  });

  it('every case the pool figures need is seeded', () => {
    const list = Object.values(pools);
    expect(list.map((p) => p.state)).toEqual(expect.arrayContaining(['Open', 'Blocked', 'Destroying']));
    expect(list.some((p) => p.name === null)).toBe(true);
    expect(list.some((p) => p.name !== null && p.commission.current !== null)).toBe(true);
    expect(list.some((p) => (p.commission.current?.rate ?? 0) > e.pools.rules.globalMaxCommission!)).toBe(
      true,
    );
    expect(list.some((p) => p.subPools && p.subPools.noEra.points > 0n)).toBe(true);
    expect(list.some((p) => p.subPools?.withEra.some((u) => u.balance < u.points))).toBe(true);
    const unbonding = members[fx.pools.unbondingMember]!.unbondingEras.map((u) => u.era);
    const active = s.activeEra.index;
    expect(unbonding.some((era) => era <= active)).toBe(true);
    expect(unbonding.filter((era) => era > active).length).toBeGreaterThan(0);
    const roleHolders = Object.values(members).filter((m) => {
      const r = pools[m.poolId]!.roles;
      return m.who !== r.depositor && [r.root, r.nominator, r.bouncer].includes(m.who);
    });
    expect(roleHolders.length).toBeGreaterThan(0);
    for (const p of list) {
      const r = p.rewardPool!;
      // The reward account holds at least what the pool owed when it last recorded its counter.
      expect(p.rewardBalance + r.totalRewardsClaimed + r.totalCommissionClaimed).toBeGreaterThanOrEqual(
        r.lastRecordedTotalPayouts,
      );
    }
  });
});

describe('governance coherence', () => {
  const g = e.governance;
  const ongoing = Object.values(g.referenda).filter((r): r is OngoingReferendum => r.status === 'ongoing');

  it('has referenda in every phase, ids 0..count-1, on real tracks', () => {
    expect(Object.keys(g.referenda)).toHaveLength(g.referendumCount);
    for (const [phase, ids] of Object.entries(fx.referenda)) expect(ids.length, phase).toBeGreaterThan(0);
    const trackIds = new Set(g.tracks.map((t) => t.id));
    for (const r of ongoing) expect(trackIds.has(r.track)).toBe(true);
    expect(g.tracks).toHaveLength(16);
    expect(g.tracks.find((t) => t.id === 30)!.name).toBe('small_tipper');
  });

  it('phases match their fields', () => {
    const get = (id: number) => g.referenda[id] as OngoingReferendum;
    for (const id of fx.referenda.preparing) expect(get(id).deciding).toBeNull();
    for (const id of fx.referenda.queued) {
      expect(get(id).inQueue).toBe(true);
      expect(get(id).decisionDeposit).not.toBeNull();
    }
    for (const id of fx.referenda.deciding) {
      expect(get(id).deciding!.confirming).toBeNull();
      expect(get(id).tally.nays > get(id).tally.ayes).toBe(true);
    }
    for (const id of fx.referenda.confirming)
      expect(get(id).deciding!.confirming! > e.anchor.relayBlock).toBe(true);
    for (const status of ['approved', 'rejected', 'timedOut', 'cancelled', 'killed'] as const) {
      for (const id of fx.referenda[status]) expect(g.referenda[id]!.status).toBe(status);
    }
  });

  it('deciding tallies fail and confirming tallies pass their track curves now (core OpenGov engine)', () => {
    const activeIssuance = e.issuance.total - e.issuance.inactive;
    const now = e.anchor.relayBlock;
    for (const phase of ['deciding', 'confirming'] as const) {
      for (const id of fx.referenda[phase]) {
        const r = g.referenda[id] as OngoingReferendum;
        const track = g.tracks.find((t) => t.id === r.track)!;
        const assessment = assessTally(track, r.tally, activeIssuance, now - r.deciding!.since);
        expect(assessment.passing, `${phase} #${id}`).toBe(phase === 'confirming');
      }
    }
  });

  it('deciding counts and track queues agree with the referenda', () => {
    const counts: Record<number, number> = {};
    for (const r of ongoing) if (r.deciding) counts[r.track] = (counts[r.track] ?? 0) + 1;
    expect(g.decidingCount).toEqual(counts);
    for (const t of g.tracks) expect(counts[t.id] ?? 0).toBeLessThanOrEqual(t.maxDeciding);
    for (const [track, queue] of Object.entries(g.trackQueue)) {
      const t = g.tracks.find((x) => x.id === Number(track))!;
      expect(counts[t.id]).toBe(t.maxDeciding);
      for (let i = 1; i < queue.length; i++) expect(queue[i - 1]!.ayes <= queue[i]!.ayes).toBe(true);
      for (const q of queue) expect((g.referenda[q.id] as OngoingReferendum).tally.ayes).toBe(q.ayes);
    }
    const queued = ongoing
      .filter((r) => r.inQueue)
      .map((r) => r.id)
      .sort();
    expect(
      Object.values(g.trackQueue)
        .flat()
        .map((q) => q.id)
        .sort(),
    ).toEqual(queued);
  });

  it('balances: holds cover stakes and deposits, free covers frozen, issuance covers everyone', () => {
    let sum = 0n;
    for (const b of Object.values(fx.balances)) {
      expect(b.free >= b.frozen).toBe(true);
      sum += b.free + b.reserved;
    }
    expect(sum < e.issuance.total - e.issuance.inactive).toBe(true);
    for (const l of Object.values(s.ledgers)) {
      const isPool = Object.values(e.pools.pools).some((p) => p.bondedAccount === l.stash);
      if (!isPool) expect(fx.balances[l.stash]!.reserved >= l.total).toBe(true);
    }
  });
});
