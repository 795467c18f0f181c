/**
 * The deadline lead-time summary: one item holding every lead time some deadline subscription
 * holds (with when it was last added) and when a deadline subscription was last created or changed,
 * so the alert detector learns which deadline windows to open without reading every deadline
 * subscriber each run. Without transactions it cannot be written with the record as one, so it is
 * kept a superset, in the order whose leftovers are harmless (design.md, "The deadline summary"):
 *
 * - a subscribe that creates a deadline subscription or changes its lead times adds them here
 *   before it writes the record; a crash between leaves a lead time nobody holds, never a held one
 *   missing;
 * - unsubscribing writes nothing here; the sweep drops a lead time no record holds once it was last
 *   added longer ago than the grace (no subscribe still on its way to its record can hold it);
 * - a missing or unreadable summary is created anew, and is trusted ("ready") only once a full read
 *   of the deadline subscribers that began at least the grace after its creation was merged into
 *   it: every subscribe that found no summary to add to has reached its record by then.
 */
import { CorruptDataError, type Item, type TableIo, type WriteTally } from '../table/index.js';
import { DEADLINE_SUMMARY_KEY } from './keys.js';

export interface LeadSummary {
  /** When this summary was created (ms). */
  since: number;
  /** The start of the full read that completed it; undefined until then (not to be trusted). */
  ready: number | undefined;
  /** When a deadline subscription was last created or had its lead times changed (ms). */
  changedAtMs: number;
  /** Lead time (minutes) → when it was last added (ms). */
  leads: Map<number, number>;
}

const facet = (minutes: number) => `m${minutes}`;

/** The summary, null when there is none, 'corrupt' when the item does not decode. */
export async function readLeadSummary(io: TableIo): Promise<LeadSummary | null | 'corrupt'> {
  const item = await io.get(DEADLINE_SUMMARY_KEY, true);
  if (!item) return null;
  try {
    return decodeSummary(item);
  } catch {
    return 'corrupt';
  }
}

export function decodeSummary(item: Item): LeadSummary {
  const { since, chg, ready, f } = item as { since?: unknown; chg?: unknown; ready?: unknown; f?: unknown };
  const time = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  if (!time(since) || !time(chg) || (ready !== undefined && !time(ready)) || typeof f !== 'object' || !f)
    throw new CorruptDataError('the deadline lead summary does not decode');
  const leads = new Map<number, number>();
  for (const [key, at] of Object.entries(f)) {
    const minutes = Number(key.slice(1));
    if (!/^m[1-9]\d*$/.test(key) || !time(at))
      throw new CorruptDataError(`the deadline lead summary has a bad lead ${key}`);
    leads.set(minutes, at as number);
  }
  return { since: since as number, ready: ready as number | undefined, changedAtMs: chg as number, leads };
}

/**
 * Before a deadline subscription with these lead times is created or given them: adds them, and
 * moves the change time to `now` unless it is later already. Nothing when there is no summary
 * (it is being rebuilt from the full list, which will find this subscription).
 */
export async function noteLeads(io: TableIo, leads: readonly number[], now: number, tally: WriteTally) {
  const names = Object.fromEntries(leads.map((m, i) => [`#f${i}`, facet(m)]));
  const sets = leads.map((_, i) => `f.#f${i} = :now`).join(', ');
  const base = { Key: DEADLINE_SUMMARY_KEY, ExpressionAttributeNames: names };
  const moved = await io.update(
    {
      ...base,
      UpdateExpression: `SET ${sets}, chg = :now`,
      ConditionExpression: 'attribute_exists(pk) AND chg < :now',
      ExpressionAttributeValues: { ':now': now },
    },
    tally,
    'version',
  );
  if (moved) return;
  await io.update(
    {
      ...base,
      UpdateExpression: `SET ${sets}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':now': now },
    },
    tally,
    'version',
  );
}

/**
 * For a table just created, which no subscription predates: the summary, empty and ready at once
 * (false when there is one already). A table created otherwise gets it from its first detector run
 * or sweep, trusted after the grace.
 */
export function startLeadSummary(io: TableIo, now: number, tally: WriteTally): Promise<boolean> {
  const item = { ...DEADLINE_SUMMARY_KEY, since: now, ready: now, chg: now, f: {} };
  return io.put(item, tally, 'version', 'attribute_not_exists(pk)');
}

export type RebuildStep = 'created' | 'replaced' | 'rebuilding' | 'completed';

/**
 * After a full read of the deadline subscriptions that began at `readStart` (`held`: every lead
 * time their records hold, disabled targets included): a missing summary is created, an
 * unreadable one replaced, one not yet ready gets the lead times and, when the read began at least
 * `graceMs` after its creation, is marked ready.
 */
export async function rebuildLeadSummary(
  io: TableIo,
  found: LeadSummary | null | 'corrupt',
  held: ReadonlySet<number>,
  times: { readStart: number; now: number; graceMs: number },
  tally: WriteTally,
): Promise<RebuildStep> {
  const { readStart, now, graceMs } = times;
  if (found === null || found === 'corrupt') {
    const item = {
      ...DEADLINE_SUMMARY_KEY,
      since: now,
      chg: now,
      f: Object.fromEntries([...held].map((m) => [facet(m), now])),
    };
    const put = await io.put(item, tally, 'version', found === null ? 'attribute_not_exists(pk)' : undefined);
    // Not put: another run created it meanwhile, and it is being rebuilt.
    return !put ? 'rebuilding' : found === null ? 'created' : 'replaced';
  }
  const leads = [...held];
  const complete = readStart >= found.since + graceMs;
  const sets = [
    ...leads.map((_, i) => `f.#f${i} = if_not_exists(f.#f${i}, :now)`),
    ...(complete ? ['ready = :ready'] : []),
  ];
  if (sets.length === 0) return 'rebuilding';
  const done = await io.update(
    {
      Key: DEADLINE_SUMMARY_KEY,
      UpdateExpression: `SET ${sets.join(', ')}`,
      // Only the summary this read was measured against: one created again meanwhile starts over.
      ConditionExpression: 'since = :since',
      ...(leads.length > 0
        ? { ExpressionAttributeNames: Object.fromEntries(leads.map((m, i) => [`#f${i}`, facet(m)])) }
        : {}),
      ExpressionAttributeValues: {
        ':since': found.since,
        ...(leads.length > 0 ? { ':now': now } : {}),
        ...(complete ? { ':ready': readStart } : {}),
      },
    },
    tally,
    'version',
  );
  return done && complete ? 'completed' : 'rebuilding';
}

/**
 * The sweep's part, on a ready summary: lead times the records hold and the summary lacks are
 * added (it was damaged), and lead times no record holds are dropped once last added longer ago
 * than the grace, each only while it still has the time read (a subscribe adding it again keeps it).
 */
export async function trimLeadSummary(
  io: TableIo,
  found: LeadSummary,
  held: ReadonlySet<number>,
  times: { readStart: number; now: number; graceMs: number },
  tally: WriteTally,
): Promise<{ added: number; dropped: number }> {
  let added = 0;
  let dropped = 0;
  for (const m of held) {
    if (found.leads.has(m)) continue;
    const done = await io.update(
      {
        Key: DEADLINE_SUMMARY_KEY,
        UpdateExpression: 'SET f.#f = if_not_exists(f.#f, :now)',
        ConditionExpression: 'since = :since',
        ExpressionAttributeNames: { '#f': facet(m) },
        ExpressionAttributeValues: { ':now': times.now, ':since': found.since },
      },
      tally,
      'version',
    );
    if (done) added++;
  }
  for (const [m, at] of found.leads) {
    if (held.has(m) || at > times.readStart - times.graceMs) continue;
    const done = await io.update(
      {
        Key: DEADLINE_SUMMARY_KEY,
        UpdateExpression: 'REMOVE f.#f',
        ConditionExpression: 'f.#f = :at',
        ExpressionAttributeNames: { '#f': facet(m) },
        ExpressionAttributeValues: { ':at': at },
      },
      tally,
      'version',
    );
    if (done) dropped++;
  }
  return { added, dropped };
}
