/** The served snapshot's chain time is older than the stale limit (for operators). */
import { formatDuration } from '../../format/duration.js';
import { formatInteger } from '../../format/number.js';
import { dataAgeMs } from '../detect-context.js';
import { healthAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';

export interface SnapshotStaleFacts {
  kind: 'snapshot-stale';
  version: number;
  relayBlock: number;
  ageMs: number;
  staleAfterMs: number;
}

export const snapshotStale: AlertRule<SnapshotStaleFacts, 'health'> = {
  kind: 'snapshot-stale',
  group: 'health',
  description: 'the data is stale (operators)',
  severity: 'critical',
  source: 'health',
  detect({ staleAfterMs }, clock) {
    const age = dataAgeMs(clock);
    if (age <= staleAfterMs) return [];
    return [
      {
        id: healthAlertId('stale', clock.version),
        scope: { type: 'operator' },
        facts: {
          kind: 'snapshot-stale',
          version: clock.version,
          relayBlock: clock.relayBlock,
          ageMs: age,
          staleAfterMs,
        },
      },
    ];
  },
  message: (f) => ({
    title: 'Snapshot data is stale',
    lines: [
      `Version ${f.version} at relay block ${formatInteger(f.relayBlock)} is ${formatDuration(f.ageMs)} old (limit ${formatDuration(f.staleAfterMs)})`,
    ],
  }),
};
