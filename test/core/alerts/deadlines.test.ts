import { describe, expect, it } from 'vitest';
import { deadlineAlerts, detectAlerts } from '../../../core/alerts/detect.js';
import { applicableLead, upcomingDeadlines } from '../../../core/alerts/detect-deadlines.js';
import { fanOut } from '../../../core/alerts/matching.js';
import { resolveRules } from '../../../core/alerts/thresholds.js';
import { KUSAMA_TRACKS, kusamaTrack } from '../../fixtures/kusama-tracks.js';
import { clock, deciding, NOW_BLOCK, NOW_MS, ongoing, sub, TG } from './fixtures.js';

const HOUR_BLOCKS = 600;
const decisionPeriod = kusamaTrack(32).decisionPeriod;

/** A small_spender referendum whose decision period ends `hours` from the snapshot. */
const endingIn = (id: number, hours: number) =>
  deciding(id, 32, NOW_BLOCK + hours * HOUR_BLOCKS - decisionPeriod);

function runAt(refs: ReturnType<typeof ongoing>[], nowMs: number, leads = [1_440, 60]) {
  return detectAlerts({
    clock: clock({ nowMs }),
    rules: resolveRules({ maxDataAgeForDeadlinesMs: 10 * 24 * 3_600_000 }),
    referendumChanges: [],
    ongoing: refs,
    tracks: KUSAMA_TRACKS,
    deadlineLeadMinutes: leads,
    accounts: [],
    eraBefore: undefined,
    eraAfter: undefined,
  }).alerts.filter((a) => a.facts.kind === 'ref-deadline');
}

describe('deadline alerts', () => {
  it('open one window per lead time: 30 h out none, 23 h out the 24 h one, 30 min out both', () => {
    expect(runAt([endingIn(1, 30)], NOW_MS)).toEqual([]);
    expect(runAt([endingIn(1, 23)], NOW_MS).map((a) => a.id)).toEqual(['deadline:1:decision:24h']);
    expect(runAt([endingIn(1, 0.5)], NOW_MS).map((a) => a.id)).toEqual([
      'deadline:1:decision:24h',
      'deadline:1:decision:1h',
    ]);
  });

  it('each subscriber gets one alert per lead time over the whole countdown, the tightest window that holds', () => {
    const subscriber = sub(TG, { kind: 'deadlines', scope: { type: 'all' }, leadMinutes: [1_440, 60] });
    const ref = endingIn(7, 30);
    const delivered = new Set<string>();
    // Detection every 10 minutes from 30 h before the end until 2 h after it.
    for (let minutes = 0; minutes <= 32 * 60; minutes += 10) {
      const nowMs = NOW_MS + minutes * 60_000;
      for (const d of fanOut(runAt([ref], nowMs), [subscriber])) delivered.add(d.alert.id);
    }
    expect([...delivered].sort()).toEqual(['deadline:7:decision:1h', 'deadline:7:decision:24h']);
  });

  it('never alerts an ended referendum or an end already past', () => {
    const past = endingIn(2, -1);
    expect(runAt([past], NOW_MS)).toEqual([]);
    const ended = { ...endingIn(3, 0.5), status: 'approved' } as unknown as ReturnType<typeof ongoing>;
    expect(runAt([ended], NOW_MS)).toEqual([]);
    // Preparing referenda have no decision deadline yet.
    expect(runAt([ongoing(4, 32)], NOW_MS)).toEqual([]);
  });

  it('a confirming referendum has a confirm deadline whose id names its end block', () => {
    const end = NOW_BLOCK + 30 * 10;
    const ref = deciding(5, 32, NOW_BLOCK - 1_000, end);
    const ids = runAt([ref], NOW_MS).map((a) => a.id);
    expect(ids).toContain(`deadline:5:confirm@${end}:1h`);
    expect(ids).toContain(`deadline:5:confirm@${end}:24h`);
  });

  it('is held back when the data is too old to trust the countdown', () => {
    const result = detectAlerts({
      clock: clock({ nowMs: NOW_MS + 20 * 60_000 }),
      rules: resolveRules(),
      referendumChanges: [],
      ongoing: [endingIn(1, 0.5)],
      tracks: KUSAMA_TRACKS,
      deadlineLeadMinutes: [60],
      accounts: [],
      eraBefore: undefined,
      eraAfter: undefined,
    });
    expect(result.alerts.filter((a) => a.facts.kind === 'ref-deadline')).toEqual([]);
    expect(result.notes.join(' ')).toMatch(/held back/);
    expect(result.alerts.map((a) => a.id)).toEqual(['health:stale:7']);
  });

  it('upcoming deadlines are sorted soonest first; applicableLead picks the tightest window', () => {
    const list = upcomingDeadlines([endingIn(1, 5), endingIn(2, 1)], KUSAMA_TRACKS, clock());
    expect(list.map((d) => d.referendum)).toEqual([2, 1]);
    expect(list[0]!.remainingMs).toBe(3_600_000);
    expect(applicableLead([1_440, 60], 30 * 60_000)).toBe(60);
    expect(applicableLead([1_440, 60], 2 * 3_600_000)).toBe(1_440);
    expect(applicableLead([1_440, 60], 25 * 3_600_000)).toBeNull();
    expect(applicableLead([1_440], 0)).toBeNull();
    expect(deadlineAlerts(list, [Number.NaN, -5], clock())).toEqual([]);
  });
});
