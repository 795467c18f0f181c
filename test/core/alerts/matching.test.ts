import { describe, expect, it } from 'vitest';
import { deadlineAlerts, upcomingDeadlines } from '../../../core/alerts/detect-deadlines.js';
import { referendumAlerts } from '../../../core/alerts/detect-referenda.js';
import { groupDeliveries } from '../../../core/alerts/grouping.js';
import { deadlineLeads, fanOut } from '../../../core/alerts/matching.js';
import { KUSAMA_TRACKS } from '../../fixtures/kusama-tracks.js';
import { clock, DC, deciding, NOW_BLOCK, ongoing, rec, sub, TG } from './fixtures.js';

const submitted = (id: number, track: number) =>
  referendumAlerts([{ id, before: undefined, after: rec(ongoing(id, track)) }], KUSAMA_TRACKS, clock());

describe('fan-out', () => {
  it('routes referendum alerts to subscribers of all tracks or of that track only', () => {
    const all = sub(TG, { kind: 'referenda', track: null });
    const t32 = sub(DC, { kind: 'referenda', track: 32 });
    const deliveries = fanOut([...submitted(1, 32), ...submitted(2, 0)], [all, t32]);
    expect(deliveries.map((d) => `${d.target.platform}:${d.alert.id}`)).toEqual([
      'telegram:ref:1:submitted',
      'discord:ref:1:submitted',
      'telegram:ref:2:submitted',
    ]);
  });

  it('a target with two matching subscriptions gets the alert once', () => {
    const deliveries = fanOut(submitted(1, 32), [
      sub(TG, { kind: 'referenda', track: null }),
      sub(TG, { kind: 'referenda', track: 32 }),
    ]);
    expect(deliveries).toHaveLength(1);
  });

  it('deadline scope: all, a track, or one referendum; and only the lead times the subscription has', () => {
    const ref = deciding(12, 32, NOW_BLOCK + 300 - KUSAMA_TRACKS.find((t) => t.id === 32)!.decisionPeriod);
    const subs = [
      sub(TG, { kind: 'deadlines', scope: { type: 'referendum', referendum: 12 }, leadMinutes: [60] }),
      sub(DC, { kind: 'deadlines', scope: { type: 'track', track: 0 }, leadMinutes: [60] }),
      sub({ ...TG, id: '42' }, { kind: 'deadlines', scope: { type: 'all' }, leadMinutes: [120] }),
    ];
    const alerts = deadlineAlerts(
      upcomingDeadlines([ref], KUSAMA_TRACKS, clock()),
      deadlineLeads(subs),
      clock(),
    );
    const routed = fanOut(alerts, subs).map((d) => `${d.target.id}:${d.alert.id}`);
    expect(routed).toEqual(['42:deadline:12:decision:2h', '-100111:deadline:12:decision:1h']);
    expect(deadlineLeads(subs)).toEqual([120, 60]);
  });

  it('muted kinds are dropped; the subscription key wins over the target default', () => {
    const all = sub(TG, { kind: 'referenda', track: null });
    const settings = new Map([
      ['*', { muted: ['ref-submitted' as const], quietHours: null }],
      ['referenda:all', { muted: [], quietHours: null }],
    ]);
    expect(fanOut(submitted(1, 32), [all], () => settings)).toHaveLength(1);
    const onlyDefault = new Map([['*', { muted: ['ref-submitted' as const], quietHours: null }]]);
    expect(fanOut(submitted(1, 32), [all], () => onlyDefault)).toEqual([]);
  });

  it('operator alerts go to the configured operators only', () => {
    const stale = {
      ...submitted(1, 32)[0]!,
      id: 'health:stale:7',
      scope: { type: 'operator' as const },
    };
    expect(
      fanOut([stale], [sub(TG, { kind: 'referenda', track: null })], undefined, [DC]).map((d) => d.target),
    ).toEqual([DC]);
  });
});

describe('grouping', () => {
  it('one job per target, most severe first, split past the per-job limit', () => {
    const all = sub(TG, { kind: 'referenda', track: null });
    const alerts = [1, 2, 3, 4, 5].flatMap((id) => submitted(id, 32));
    const critical = { ...alerts[4]!, id: 'ref:99:submitted', severity: 'critical' as const };
    const jobs = groupDeliveries(
      fanOut([...alerts, critical], [all, sub(DC, { kind: 'referenda', track: 32 })]),
      4,
    );
    expect(jobs.map((j) => `${j.target.platform}:${j.items.length}`)).toEqual([
      'telegram:4',
      'telegram:2',
      'discord:4',
      'discord:2',
    ]);
    expect(jobs[0]!.items[0]!.alert.id).toBe('ref:99:submitted');
  });
});
