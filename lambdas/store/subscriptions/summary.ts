/**
 * Settings summaries: for each kind whose settings tell the alert detector what to look for
 * (deadline lead times, coretime price levels, para stall times), one item holding every such
 * setting some subscription holds (with when it was last added) and when a subscription of the kind
 * was last created or changed, so the detector learns what to look for without reading every
 * subscriber each run. Without transactions it cannot be written with the record as one, so it is
 * kept a superset, in the order whose leftovers are harmless (design.md, "The settings summaries"):
 *
 * - a subscribe that creates a subscription of the kind or changes its settings adds them here
 *   before it writes the record; a crash between leaves a setting nobody holds, never a held one
 *   missing;
 * - unsubscribing writes nothing here; the sweep drops a setting no record holds once it was last
 *   added longer ago than the grace (no subscribe still on its way to its record can hold it);
 * - a missing or unreadable summary is created anew, and is trusted ("ready") only once a full read
 *   of the kind's subscribers that began at least the grace after its creation was merged into it:
 *   every subscribe that found no summary to add to has reached its record by then.
 */
import type { SubscriptionSpec } from '../../../core/subscriptions/subscription-model.js';
import { CorruptDataError, type Item, type TableIo, type WriteTally } from '../table/index.js';
import { specProblem } from './items.js';
import { summaryKey } from './keys.js';

export type SummaryKind = 'deadlines' | 'coretime' | 'para';
export const SUMMARY_KINDS: readonly SummaryKind[] = ['deadlines', 'coretime', 'para'];

export interface Summary {
  /** When this summary was created (ms). */
  since: number;
  /** The start of the full read that completed it; undefined until then (not to be trusted). */
  ready: number | undefined;
  /** When a subscription of the kind was last created or had its settings changed (ms). */
  changedAtMs: number;
  /** Setting (facet key) → when it was last added (ms). */
  facets: Map<string, number>;
}

/** The settings of a spec detection looks for, as facet keys; null for a kind without a summary. */
export function facetsOf(spec: SubscriptionSpec): { kind: SummaryKind; facets: string[] } | null {
  switch (spec.kind) {
    case 'deadlines':
      return { kind: 'deadlines', facets: spec.leadMinutes.map((m) => `m${m}`) };
    case 'coretime':
      return { kind: 'coretime', facets: spec.below === null ? [] : [`b${spec.below}`] };
    case 'para':
      return { kind: 'para', facets: [`p${spec.para}s${spec.stallMinutes}`] };
    default:
      return null;
  }
}

/** The spec a facet key stands for (deadlines: scope all, that one lead time); null when malformed. */
export function specOfFacet(kind: SummaryKind, facet: string): SubscriptionSpec | null {
  let spec: SubscriptionSpec | null = null;
  const m = /^m(\d+)$/.exec(facet);
  const p = /^p(\d+)s(\d+)$/.exec(facet);
  if (kind === 'deadlines' && m) spec = { kind, scope: { type: 'all' }, leadMinutes: [Number(m[1])] };
  if (kind === 'coretime' && facet.startsWith('b')) spec = { kind, below: facet.slice(1) };
  if (kind === 'para' && p) spec = { kind, para: Number(p[1]), stallMinutes: Number(p[2]) };
  return spec && specProblem(spec) === null ? spec : null;
}

/** The summary, null when there is none, 'corrupt' when the item does not decode. */
export async function readSummary(io: TableIo, kind: SummaryKind): Promise<Summary | null | 'corrupt'> {
  const item = await io.get(summaryKey(kind), true);
  if (!item) return null;
  try {
    return decodeSummary(kind, item);
  } catch {
    return 'corrupt';
  }
}

function decodeSummary(kind: SummaryKind, item: Item): Summary {
  const { since, chg, ready, f } = item as { since?: unknown; chg?: unknown; ready?: unknown; f?: unknown };
  const time = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  if (!time(since) || !time(chg) || (ready !== undefined && !time(ready)) || typeof f !== 'object' || !f)
    throw new CorruptDataError(`the ${kind} summary does not decode`);
  const facets = new Map<string, number>();
  for (const [key, at] of Object.entries(f)) {
    if (!specOfFacet(kind, key) || !time(at))
      throw new CorruptDataError(`the ${kind} summary has a bad setting ${key}`);
    facets.set(key, at as number);
  }
  return { since: since as number, ready: ready as number | undefined, changedAtMs: chg as number, facets };
}

/**
 * Before a subscription with these settings is created or given them: adds them, and moves the
 * change time to `now` unless it is later already. Nothing when there is no summary (it is being
 * rebuilt from the full list, which will find this subscription).
 */
export async function noteChange(
  io: TableIo,
  kind: SummaryKind,
  facets: readonly string[],
  now: number,
  tally: WriteTally,
): Promise<void> {
  const names = Object.fromEntries(facets.map((f, i) => [`#f${i}`, f]));
  const sets = facets.map((_, i) => `f.#f${i} = :now`);
  const base = {
    Key: summaryKey(kind),
    ...(facets.length > 0 ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: { ':now': now },
  };
  const moved = await io.update(
    {
      ...base,
      UpdateExpression: `SET ${[...sets, 'chg = :now'].join(', ')}`,
      ConditionExpression: 'attribute_exists(pk) AND chg < :now',
    },
    tally,
    'version',
  );
  if (moved || facets.length === 0) return;
  await io.update(
    { ...base, UpdateExpression: `SET ${sets.join(', ')}`, ConditionExpression: 'attribute_exists(pk)' },
    tally,
    'version',
  );
}

/**
 * For a table just created, which no subscription predates: the summary, empty and ready at once
 * (false when there is one already). A table created otherwise gets it from its first detector run
 * or sweep, trusted after the grace.
 */
export function startSummary(
  io: TableIo,
  kind: SummaryKind,
  now: number,
  tally: WriteTally,
): Promise<boolean> {
  const item = { ...summaryKey(kind), since: now, ready: now, chg: now, f: {} };
  return io.put(item, tally, 'version', 'attribute_not_exists(pk)');
}

export type RebuildStep = 'created' | 'replaced' | 'rebuilding' | 'completed';

/**
 * After a full read of the kind's subscriptions that began at `readStart` (`held`: every setting
 * their records hold, disabled targets included): a missing summary is created, an unreadable one
 * replaced, one not yet ready gets the settings and, when the read began at least `graceMs` after
 * its creation, is marked ready.
 */
export async function rebuildSummary(
  io: TableIo,
  kind: SummaryKind,
  found: Summary | null | 'corrupt',
  held: ReadonlySet<string>,
  times: { readStart: number; now: number; graceMs: number },
  tally: WriteTally,
): Promise<RebuildStep> {
  const { readStart, now, graceMs } = times;
  if (found === null || found === 'corrupt') {
    const item = {
      ...summaryKey(kind),
      since: now,
      chg: now,
      f: Object.fromEntries([...held].map((f) => [f, now])),
    };
    const put = await io.put(item, tally, 'version', found === null ? 'attribute_not_exists(pk)' : undefined);
    // Not put: another run created it meanwhile, and it is being rebuilt.
    return !put ? 'rebuilding' : found === null ? 'created' : 'replaced';
  }
  const facets = [...held];
  const complete = readStart >= found.since + graceMs;
  const sets = [
    ...facets.map((_, i) => `f.#f${i} = if_not_exists(f.#f${i}, :now)`),
    ...(complete ? ['ready = :ready'] : []),
  ];
  if (sets.length === 0) return 'rebuilding';
  const done = await io.update(
    {
      Key: summaryKey(kind),
      UpdateExpression: `SET ${sets.join(', ')}`,
      // Only the summary this read was measured against: one created again meanwhile starts over.
      ConditionExpression: 'since = :since',
      ...(facets.length > 0
        ? { ExpressionAttributeNames: Object.fromEntries(facets.map((f, i) => [`#f${i}`, f])) }
        : {}),
      ExpressionAttributeValues: {
        ':since': found.since,
        ...(facets.length > 0 ? { ':now': now } : {}),
        ...(complete ? { ':ready': readStart } : {}),
      },
    },
    tally,
    'version',
  );
  return done && complete ? 'completed' : 'rebuilding';
}

/**
 * The sweep's part, on a ready summary: settings the records hold and the summary lacks are added
 * (it was damaged), and settings no record holds are dropped once last added longer ago than the
 * grace, each only while it still has the time read (a subscribe adding it again keeps it).
 */
export async function trimSummary(
  io: TableIo,
  kind: SummaryKind,
  found: Summary,
  held: ReadonlySet<string>,
  times: { readStart: number; now: number; graceMs: number },
  tally: WriteTally,
): Promise<{ added: number; dropped: number }> {
  let added = 0;
  let dropped = 0;
  for (const f of held) {
    if (found.facets.has(f)) continue;
    const done = await io.update(
      {
        Key: summaryKey(kind),
        UpdateExpression: 'SET f.#f = if_not_exists(f.#f, :now)',
        ConditionExpression: 'since = :since',
        ExpressionAttributeNames: { '#f': f },
        ExpressionAttributeValues: { ':now': times.now, ':since': found.since },
      },
      tally,
      'version',
    );
    if (done) added++;
  }
  for (const [f, at] of found.facets) {
    if (held.has(f) || at > times.readStart - times.graceMs) continue;
    const done = await io.update(
      {
        Key: summaryKey(kind),
        UpdateExpression: 'REMOVE f.#f',
        ConditionExpression: 'f.#f = :at',
        ExpressionAttributeNames: { '#f': f },
        ExpressionAttributeValues: { ':at': at },
      },
      tally,
      'version',
    );
    if (done) dropped++;
  }
  return { added, dropped };
}
