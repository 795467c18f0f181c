/** The served data is read under a new runtime (spec version) than the version before (for operators). */
import { formatInteger } from '../../format/number.js';
import { healthAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';

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
      `Spec ${formatInteger(f.from)} → ${formatInteger(f.to)}, first read in version ${formatInteger(f.version)} at relay block ${formatInteger(f.relayBlock)}`,
      f.warnings.length === 0
        ? 'Every hand-decoded item matched the new metadata; the data is served as usual.'
        : `Check the data: ${f.warnings.length} snapshot warning(s) under the new runtime`,
      ...f.warnings.slice(0, 5).map((w) => `! ${w}`),
    ],
  }),
};
