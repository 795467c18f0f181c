import { describe, expect, it } from 'vitest';
import { deadlineAlerts, referendumAlerts } from '../../../core/alerts/detect.js';
import { upcomingDeadlines } from '../../../core/alerts/detect-deadlines.js';

import { groupDeliveries } from '../../../core/alerts/grouping.js';
import { deadlineLeads, fanOut } from '../../../core/alerts/matching.js';
import type { AlertSettings } from '../../../core/subscriptions/settings.js';
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

  it("muted kinds are dropped: the chat's and the subscription's own add up", () => {
    const all = sub(TG, { kind: 'referenda', track: null });
    const chatMutes = new Map([
      ['*', { muted: ['ref-submitted' as const], quietHours: null }],
      ['referenda:all', { muted: [], quietHours: null }],
    ]);
    // A subscription's own entry cannot let through what the whole chat muted.
    expect(fanOut(submitted(1, 32), [all], () => chatMutes)).toEqual([]);
    const ownMutes = new Map([['referenda:all', { muted: ['ref-submitted' as const], quietHours: null }]]);
    expect(fanOut(submitted(1, 32), [all], () => ownMutes)).toEqual([]);
    expect(fanOut(submitted(1, 32), [all], () => new Map())).toHaveLength(1);
  });

  it("a kind muted on one subscription still arrives through another of the chat's that matches", () => {
    const all = sub(TG, { kind: 'referenda', track: null });
    const t32 = sub(TG, { kind: 'referenda', track: 32 });
    const settings = new Map([['referenda:all', { muted: ['ref-submitted' as const], quietHours: null }]]);
    const routed = fanOut([...submitted(1, 32), ...submitted(2, 0)], [all, t32], () => settings);
    expect(routed.map((d) => [d.alert.id, d.subscriptionId])).toEqual([
      ['ref:1:submitted', t32.subscription.id],
    ]);
  });

  it("quiet hours: the subscription's own, else the chat's; one without any sends a shared alert at once", () => {
    const night = { startMinute: 1320, endMinute: 420, utcOffsetMinutes: 0 };
    const evening = { startMinute: 1080, endMinute: 1260, utcOffsetMinutes: 0 };
    const all = sub(TG, { kind: 'referenda', track: null });
    const t32 = sub(TG, { kind: 'referenda', track: 32 });
    const quietOf = (entries: Array<[string, AlertSettings]>) =>
      fanOut(submitted(1, 32), [all, t32], () => new Map(entries)).map((d) => [
        d.subscriptionId,
        d.quietHours,
      ]);
    const chatNight: [string, AlertSettings] = ['*', { muted: [], quietHours: night }];
    expect(quietOf([chatNight])).toEqual([[all.subscription.id, night]]);
    expect(quietOf([chatNight, ['referenda:all', { muted: [], quietHours: evening }]])).toEqual([
      [all.subscription.id, evening],
    ]);
    // t32 says "none" of its own: the alert both route goes out at once, through t32.
    expect(
      quietOf([chatNight, ['referenda:t32', { muted: [], quietHours: null, noQuietHours: true }]]),
    ).toEqual([[t32.subscription.id, null]]);
    // Without any "none", the first matching subscription's quiet hours hold it.
    expect(quietOf([chatNight, ['referenda:t32', { muted: [], quietHours: evening }]])).toEqual([
      [all.subscription.id, night],
    ]);
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
