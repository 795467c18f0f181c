/**
 * The engine: every rule registered for a source sees each input of that source, and what it finds
 * becomes an alert, stamped with the version it was detected at and the rule's severity.
 */
import type { AlertSeverity } from '../ports/notifier.js';
import type { Alert, AlertFacts } from './alert-types.js';
import type { DetectionClock } from './detect-context.js';
import type { DetectionSources, SourceName } from './rule-types.js';
import { rulesFor } from './rules/index.js';
import type { AlertScope } from './scope.js';

/** Runs the sources' rules over the inputs: for each input, the rules of each source in turn. */
export function runRules<S extends SourceName>(
  sources: readonly S[],
  inputs: ReadonlyArray<DetectionSources[S]>,
  clock: DetectionClock,
): Alert[] {
  const rules = sources.flatMap((source) => rulesFor(source));
  const alerts: Alert[] = [];
  for (const input of inputs)
    for (const rule of rules)
      for (const found of rule.detect(input, clock)) {
        const facts = found.facts as AlertFacts;
        const severity = typeof rule.severity === 'function' ? rule.severity(facts) : rule.severity;
        alerts.push(makeAlert(clock, found.id, severity, found.scope, facts));
      }
  return alerts;
}

export function makeAlert(
  clock: DetectionClock,
  id: string,
  severity: AlertSeverity,
  scope: AlertScope,
  facts: AlertFacts,
): Alert {
  return {
    id,
    severity,
    scope,
    version: clock.version,
    relayBlock: clock.relayBlock,
    dataAtMs: clock.timestampMs,
    facts,
  };
}
