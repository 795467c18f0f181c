/** The snapshot job read from a different chain endpoint than the run before (for operators). */
import { formatInteger } from '../../format/number.js';
import { healthAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';

export interface EndpointFailoverFacts {
  kind: 'endpoint-failover';
  version: number;
  from: string | null;
  to: string;
}

export const endpointFailover: AlertRule<EndpointFailoverFacts, 'health'> = {
  kind: 'endpoint-failover',
  group: 'health',
  description: 'the chain endpoint failed over (operators)',
  severity: 'warning',
  source: 'health',
  detect({ previousEndpoint, endpoint }, clock) {
    if (!endpoint || !previousEndpoint || endpoint === previousEndpoint) return [];
    return [
      {
        id: healthAlertId('failover', clock.version),
        scope: { type: 'operator' },
        facts: { kind: 'endpoint-failover', version: clock.version, from: previousEndpoint, to: endpoint },
      },
    ];
  },
  message: (f) => ({
    title: 'Chain endpoint failed over',
    lines: [
      `Snapshot version ${formatInteger(f.version)} was read from ${f.to}.`,
      f.from === null ? 'The endpoint used before is not known.' : `The run before read from ${f.from}.`,
    ],
  }),
};
