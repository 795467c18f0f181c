/**
 * What the alert detector looks for, per kind (deadline lead times, coretime price levels, para
 * stall times): from the kind's summary when it is ready (one consistent GetItem), else from every
 * subscriber of the kind, read as before summaries existed, which also rebuilds the summary
 * (summary.ts). Either way no held setting is missing.
 */
import type { DeadlineLeads, Subscriber, WatchedSettings } from '../../../core/ports/subscription-store.js';
import type { SubscriptionSpec } from '../../../core/subscriptions/subscription-model.js';
import { type TableIo, WriteTally } from '../table/index.js';
import { indexedSubscriptions } from './routing.js';
import {
  facetsOf,
  type RebuildStep,
  readSummary,
  rebuildSummary,
  type Summary,
  type SummaryKind,
  specOfFacet,
} from './summary.js';

const LABEL: Record<SummaryKind, string> = {
  deadlines: 'deadline lead',
  coretime: 'coretime price level',
  para: 'para stall time',
};

/** Every setting (facet key) of the kind the subscriptions hold. */
export function settingsHeld(
  kind: SummaryKind,
  subscriptions: Iterable<Pick<Subscriber, 'subscription'>>,
): Set<string> {
  const held = new Set<string>();
  for (const { subscription } of subscriptions) {
    const f = facetsOf(subscription.spec);
    if (f?.kind === kind) for (const facet of f.facets) held.add(facet);
  }
  return held;
}

function specsOf(kind: SummaryKind, facets: Iterable<string>): SubscriptionSpec[] {
  return [...new Set(facets)].sort().flatMap((f) => specOfFacet(kind, f) ?? []);
}

export async function watchedSettings(
  io: TableIo,
  kind: SummaryKind,
  now: () => number,
  graceMs: number,
): Promise<WatchedSettings> {
  const found = await readSummary(io, kind);
  if (found !== null && found !== 'corrupt' && found.ready !== undefined)
    return { specs: specsOf(kind, found.facets.keys()), changedAtMs: found.changedAtMs };
  const readStart = now();
  const all = await indexedSubscriptions(io, { kind });
  const held = settingsHeld(kind, all);
  const step = await rebuildSummary(
    io,
    kind,
    found,
    held,
    { readStart, now: now(), graceMs },
    new WriteTally(),
  );
  const subscribers = all
    .filter((s) => !s.disabled)
    .map(({ target, subscription }) => ({ target, subscription }));
  const known = found !== null && found !== 'corrupt' ? [...found.facets.keys()] : [];
  return {
    specs: specsOf(kind, [...held, ...known]),
    changedAtMs: readStart,
    subscribers,
    warning: warning(kind, step, found, subscribers.length, graceMs),
  };
}

/** The deadline lead times, largest first. */
export async function deadlineLeads(io: TableIo, now: () => number, graceMs: number): Promise<DeadlineLeads> {
  const { specs, ...rest } = await watchedSettings(io, 'deadlines', now, graceMs);
  const leads = specs.flatMap((s) => (s.kind === 'deadlines' ? s.leadMinutes : []));
  return { leads: [...new Set(leads)].sort((a, b) => b - a), ...rest };
}

function warning(
  kind: SummaryKind,
  step: RebuildStep,
  found: Summary | null | 'corrupt',
  read: number,
  graceMs: number,
): string {
  const what = `${LABEL[kind]} summary`;
  const instead = `read all ${read} ${kind === 'deadlines' ? 'deadline' : kind} subscribers instead`;
  const trusted = `it is trusted once a full read begun ${Math.round(graceMs / 60_000)} min after its creation completes it`;
  switch (step) {
    case 'created':
      return `no ${what} (a table written before it): ${instead} and created it; ${trusted}`;
    case 'replaced':
      return `the ${what} did not decode: ${instead} and wrote it anew; ${trusted}`;
    case 'rebuilding': {
      const since = typeof found === 'object' && found !== null ? found.since : undefined;
      const created = since === undefined ? 'just created' : `created ${new Date(since).toISOString()}`;
      return `the ${what} is being rebuilt (${created}): ${instead}; ${trusted}`;
    }
    case 'completed':
      return `the ${what} was completed from all ${read} ${kind === 'deadlines' ? 'deadline' : kind} subscribers: later runs read it alone`;
  }
}
