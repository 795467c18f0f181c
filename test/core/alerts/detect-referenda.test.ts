import { describe, expect, it } from 'vitest';
import { referendumAlerts } from '../../../core/alerts/detect.js';

import { KUSAMA_TRACKS, kusamaTrack } from '../../fixtures/kusama-tracks.js';
import { clock, deciding, ended, NOW_BLOCK, NOW_MS, ongoing, rec } from './fixtures.js';

const ids = (alerts: Array<{ id: string }>) => alerts.map((a) => a.id);

describe('referendum phase changes', () => {
  it('a new referendum is submitted; one that also started deciding and confirming gives all three', () => {
    const plain = referendumAlerts(
      [{ id: 5, before: undefined, after: rec(ongoing(5, 30), 'tip') }],
      KUSAMA_TRACKS,
      clock(),
    );
    expect(ids(plain)).toEqual(['ref:5:submitted']);
    expect(plain[0]!.facts).toMatchObject({ kind: 'ref-submitted', proposal: 'tip', track: 30 });
    expect(plain[0]!.scope).toEqual({ type: 'referendum', referendum: 5, track: 30 });

    const fast = deciding(6, 30, NOW_BLOCK - 20, NOW_BLOCK + 50);
    expect(
      ids(referendumAlerts([{ id: 6, before: undefined, after: rec(fast) }], KUSAMA_TRACKS, clock())),
    ).toEqual(['ref:6:submitted', 'ref:6:deciding', `ref:6:confirm:${NOW_BLOCK + 50}`]);
  });

  it('decision start carries the decision-period end as a block and a time', () => {
    const since = NOW_BLOCK - 600;
    const [alert] = referendumAlerts(
      [{ id: 9, before: rec(ongoing(9, 32)), after: rec(deciding(9, 32, since)) }],
      KUSAMA_TRACKS,
      clock(),
    );
    const end = since + kusamaTrack(32).decisionPeriod;
    expect(alert!.facts).toEqual({
      kind: 'ref-decision-started',
      referendum: 9,
      track: 32,
      decisionEnd: { block: end, atMs: NOW_MS + (end - NOW_BLOCK) * 6_000 },
    });
  });

  it('confirm abort and a restart between two snapshots are two alerts with distinct ids', () => {
    const a = deciding(9, 32, NOW_BLOCK - 1_000, NOW_BLOCK + 100);
    const b = deciding(9, 32, NOW_BLOCK - 1_000, NOW_BLOCK + 400);
    const c = deciding(9, 32, NOW_BLOCK - 1_000, null);
    // Rules run in registry order (started before aborted); which comes first does not matter.
    expect(
      ids(referendumAlerts([{ id: 9, before: rec(a), after: rec(b) }], KUSAMA_TRACKS, clock())).sort(),
    ).toEqual([`ref:9:confirm-aborted:${NOW_BLOCK + 100}`, `ref:9:confirm:${NOW_BLOCK + 400}`]);
    const aborted = referendumAlerts([{ id: 9, before: rec(b), after: rec(c) }], KUSAMA_TRACKS, clock());
    expect(ids(aborted)).toEqual([`ref:9:confirm-aborted:${NOW_BLOCK + 400}`]);
    expect(aborted[0]!.severity).toBe('warning');
  });

  it('approval carries the enactment: requested delay, but no earlier than the track minimum', () => {
    const before = deciding(9, 32, NOW_BLOCK - 1_000, NOW_BLOCK - 1);
    const approved = ended(9, 'approved', NOW_BLOCK - 1);
    const [alert] = referendumAlerts(
      [{ id: 9, before: rec(before), after: approved }],
      KUSAMA_TRACKS,
      clock(),
    );
    // Requested After 100 blocks; small_spender's minEnactmentPeriod (24 h = 14,400) wins.
    const enact = NOW_BLOCK - 1 + kusamaTrack(32).minEnactmentPeriod;
    expect(alert!.id).toBe('ref:9:approved');
    expect(alert!.facts).toMatchObject({ kind: 'ref-approved', track: 32, enactment: { block: enact } });
  });

  it('rejected, timed out, cancelled and killed each end the referendum once; an ended one never re-alerts', () => {
    for (const status of ['rejected', 'timedOut', 'cancelled', 'killed'] as const) {
      const out = referendumAlerts(
        [{ id: 3, before: rec(ongoing(3, 0)), after: ended(3, status, NOW_BLOCK) }],
        KUSAMA_TRACKS,
        clock(),
      );
      expect(ids(out)).toEqual([`ref:3:${status}`]);
      expect(out[0]!.facts).toMatchObject({ kind: 'ref-ended', outcome: status, track: 0 });
    }
    expect(
      referendumAlerts(
        [{ id: 3, before: ended(3, 'rejected', 1), after: ended(3, 'rejected', 1) }],
        KUSAMA_TRACKS,
        clock(),
      ),
    ).toEqual([]);
  });

  it('a tally-only change is no alert, and neither is a removal or a bad id', () => {
    const a = deciding(4, 1, NOW_BLOCK - 10);
    const b = { ...a, tally: { ayes: 5n, nays: 1n, support: 5n } };
    expect(referendumAlerts([{ id: 4, before: rec(a), after: rec(b) }], KUSAMA_TRACKS, clock())).toEqual([]);
    expect(referendumAlerts([{ id: 4, before: rec(a), after: undefined }], KUSAMA_TRACKS, clock())).toEqual(
      [],
    );
    expect(referendumAlerts([{ id: -1, before: undefined, after: rec(a) }], KUSAMA_TRACKS, clock())).toEqual(
      [],
    );
  });

  it('the same change detected twice has the same ids', () => {
    const change = [{ id: 8, before: rec(ongoing(8, 2)), after: rec(deciding(8, 2, NOW_BLOCK)) }];
    const first = referendumAlerts(change, KUSAMA_TRACKS, clock({ nowMs: NOW_MS }));
    const second = referendumAlerts(change, KUSAMA_TRACKS, clock({ nowMs: NOW_MS + 60_000, version: 8 }));
    expect(ids(second)).toEqual(ids(first));
  });
});
