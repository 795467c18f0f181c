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
      `The newest snapshot (version ${formatInteger(f.version)}) was ${formatDuration(f.ageMs)} old when checked, over the ${formatDuration(f.staleAfterMs)} limit: answers and alerts lag the chain until a snapshot succeeds.`,
    ],
  }),
};
