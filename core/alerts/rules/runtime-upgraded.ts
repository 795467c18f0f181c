/** The served data is read under a new runtime (spec version) than the version before (for operators). */
import { formatInteger } from '../../format/number.js';
import { healthAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import { plural } from '../wording.js';

export interface RuntimeUpgradedFacts {
  kind: 'runtime-upgraded';
  version: number;
  relayBlock: number;
  from: number;
  to: number;
  /** The snapshot's warnings under the new runtime: layout checks that failed or fell back. */
  warnings: string[];
}

export const runtimeUpgraded: AlertRule<RuntimeUpgradedFacts, 'health'> = {
  kind: 'runtime-upgraded',
  group: 'health',
  description: 'Kusama Asset Hub upgraded its runtime (operators)',
  severity: (f) => (f.warnings.length > 0 ? 'critical' : 'warning'),
  source: 'health',
  detect({ runtime }) {
    if (!runtime || runtime.from === runtime.to) return [];
    return [
      {
        // One alert per new spec version, however often detection runs over it.
        id: healthAlertId('runtime', runtime.to),
        scope: { type: 'operator' },
        facts: { kind: 'runtime-upgraded', ...runtime },
      },
    ];
  },
  message: (f) => ({
    title: 'Kusama Asset Hub runtime upgraded',
    lines: [
      `Asset Hub now runs spec ${formatInteger(f.to)} (was ${formatInteger(f.from)}); snapshot version ${formatInteger(f.version)} is the first read under it.`,
      f.warnings.length === 0
        ? 'Every hand-decoded item matched the new metadata; the data is served as usual.'
        : `Check the data: ${plural(f.warnings.length, 'snapshot warning')} under the new runtime:`,
      ...f.warnings.slice(0, 5).map((w) => `• ${w}`),
      ...(f.warnings.length > 5 ? [`and ${f.warnings.length - 5} more (see /status)`] : []),
    ],
  }),
};
