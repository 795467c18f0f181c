/**
 * Data health for operators: the served snapshot is stale, or the snapshot job read from a
 * different chain endpoint than the run before (a failover).
 */
import type { Alert } from './alert-types.js';
import { type DetectionClock, dataAgeMs, makeAlert } from './detect-context.js';
import { healthAlertId } from './identity.js';

export interface HealthInput {
  staleAfterMs: number;
  /** Endpoint the previous and the new version were read from, when known. */
  previousEndpoint?: string | null;
  endpoint?: string | null;
}

export function healthAlerts(input: HealthInput, clock: DetectionClock): Alert[] {
  const alerts: Alert[] = [];
  const age = dataAgeMs(clock);
  if (age > input.staleAfterMs)
    alerts.push(
      makeAlert(
        clock,
        healthAlertId('stale', clock.version),
        'critical',
        { type: 'operator' },
        {
          kind: 'snapshot-stale',
          version: clock.version,
          relayBlock: clock.relayBlock,
          ageMs: age,
          staleAfterMs: input.staleAfterMs,
        },
      ),
    );
  const { previousEndpoint, endpoint } = input;
  if (endpoint && previousEndpoint && endpoint !== previousEndpoint)
    alerts.push(
      makeAlert(
        clock,
        healthAlertId('failover', clock.version),
        'warning',
        { type: 'operator' },
        {
          kind: 'endpoint-failover',
          version: clock.version,
          from: previousEndpoint,
          to: endpoint,
        },
      ),
    );
  return alerts;
}
