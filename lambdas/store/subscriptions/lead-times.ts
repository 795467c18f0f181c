/**
 * The deadline lead times the alert detector opens windows for: from the lead summary when it is
 * ready (one consistent GetItem), else from every deadline subscriber, read as before the summary
 * existed, which also rebuilds the summary (summary.ts). Either way no held lead time is missing.
 */
import type { DeadlineLeads, Subscriber } from '../../../core/ports/subscription-store.js';
import { type TableIo, WriteTally } from '../table/index.js';
import { indexedSubscriptions } from './routing.js';
import { type LeadSummary, type RebuildStep, readLeadSummary, rebuildLeadSummary } from './summary.js';

const largestFirst = (leads: Iterable<number>) => [...new Set(leads)].sort((a, b) => b - a);

/** Every lead time the subscriptions hold. */
export function leadsHeld(subscriptions: ReadonlyArray<Pick<Subscriber, 'subscription'>>): Set<number> {
  const held = new Set<number>();
  for (const { subscription } of subscriptions)
    if (subscription.spec.kind === 'deadlines') for (const m of subscription.spec.leadMinutes) held.add(m);
  return held;
}

export async function deadlineLeads(io: TableIo, now: () => number, graceMs: number): Promise<DeadlineLeads> {
  const found = await readLeadSummary(io);
  if (found !== null && found !== 'corrupt' && found.ready !== undefined)
    return { leads: largestFirst(found.leads.keys()), changedAtMs: found.changedAtMs };
  const readStart = now();
  const all = await indexedSubscriptions(io, { kind: 'deadlines' });
  const held = leadsHeld(all);
  const step = await rebuildLeadSummary(
    io,
    found,
    held,
    { readStart, now: now(), graceMs },
    new WriteTally(),
  );
  const subscribers = all
    .filter((s) => !s.disabled)
    .map(({ target, subscription }) => ({ target, subscription }));
  const known = found !== null && found !== 'corrupt' ? found.leads.keys() : [];
  return {
    leads: largestFirst([...held, ...known]),
    changedAtMs: readStart,
    subscribers,
    warning: warning(step, found, subscribers.length, graceMs),
  };
}

function warning(
  step: RebuildStep,
  found: LeadSummary | null | 'corrupt',
  read: number,
  graceMs: number,
): string {
  const instead = `read all ${read} deadline subscribers instead`;
  const trusted = `it is trusted once a full read begun ${Math.round(graceMs / 60_000)} min after its creation completes it`;
  switch (step) {
    case 'created':
      return `no deadline lead summary (a table written before it): ${instead} and created it; ${trusted}`;
    case 'replaced':
      return `the deadline lead summary did not decode: ${instead} and wrote it anew; ${trusted}`;
    case 'rebuilding': {
      const since = typeof found === 'object' && found !== null ? found.since : undefined;
      const created = since === undefined ? 'just created' : `created ${new Date(since).toISOString()}`;
      return `the deadline lead summary is being rebuilt (${created}): ${instead}; ${trusted}`;
    }
    case 'completed':
      return `the deadline lead summary was completed from all ${read} deadline subscribers: later runs read it alone`;
  }
}
