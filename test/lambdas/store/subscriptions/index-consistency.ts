/**
 * What the crash tests check after a kill: the subscriptions each target's record lists, the ones
 * the alert fan-out reaches through the index (resolve-subscribers, plus the deadline subscribers
 * the detector reads), the index items themselves, and the record counters.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Alert } from '../../../../core/alerts/alert-types.js';
import { makeAlert } from '../../../../core/alerts/engine.js';
import type { SubscriptionStore } from '../../../../core/ports/subscription-store.js';
import { type Target, targetKey } from '../../../../core/subscriptions/subscription-model.js';
import { resolveSubscribers } from '../../../../lambdas/alerts/resolve-subscribers.js';

export interface IndexRow {
  /** `<target key>|<subscription key>` */
  sub: string;
  gen: unknown;
}

export interface IndexState {
  /** `<target key>|<subscription key>` of every subscription the records list, sorted. */
  listed: string[];
  /** The same for every subscriber the alert fan-out finds, sorted. */
  reachable: string[];
  index: IndexRow[];
  /** Index items whose subscription no record lists. */
  leftovers: IndexRow[];
  /** Records whose counters disagree with their map, or whose map does not decode. */
  badRecords: string[];
  /** Subscription gens by `<target key>|<subscription key>`, from the records. */
  gens: Map<string, unknown>;
  /** Deadline subscriptions' lead times by `<target key>|<subscription key>`, from the records. */
  leadsOf: Map<string, number[]>;
}

async function scanAll(client: DynamoDBClient, tableName: string): Promise<Array<Record<string, unknown>>> {
  const doc = DynamoDBDocumentClient.from(client);
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A referendum alert (every referenda subscriber) and one alert per watched address; the facts do not matter here. */
function alertsFor(addresses: string[]): Alert[] {
  const clock = { version: 1, relayBlock: 30_000_000, timestampMs: 0, nowMs: 0 };
  const facts = { kind: 'ref-submitted', referendum: 1, track: 0, proposal: null } as const;
  return [
    makeAlert(clock, 'ref:1:submitted', 'info', { type: 'referendum', referendum: 1, track: 0 }, facts),
    ...addresses.map((address) =>
      makeAlert(clock, `addr:${address}`, 'info', { type: 'address', address }, facts),
    ),
  ];
}

export async function indexState(
  client: DynamoDBClient,
  tableName: string,
  store: SubscriptionStore,
  targets: readonly Target[],
  addresses: readonly string[],
): Promise<IndexState> {
  // The fan-out first: listing repairs what it can (read-repair.ts), and must not hide anything.
  const deadlines = await store.subscribersOf({ kind: 'deadlines' });
  const { subscribers } = await resolveSubscribers(store, alertsFor([...addresses]), deadlines, {
    kinds: { deadlines: { preloaded: true, changedAtMs: 0 } },
    fannedOut: async () => new Map(),
  });
  const reachable = [...new Set(subscribers.map((s) => `${targetKey(s.target)}|${s.subscription.key}`))];
  const listed: string[] = [];
  for (const target of targets)
    for (const s of (await store.listSubscriptions(target))?.subscriptions ?? [])
      listed.push(`${targetKey(target)}|${s.key}`);

  const items = await scanAll(client, tableName);
  const gens = new Map<string, unknown>();
  const leadsOf = new Map<string, number[]>();
  const badRecords: string[] = [];
  for (const item of items.filter((i) => String(i.pk).startsWith('TGT#'))) {
    const key = `${item.platform}:${item.tkind}:${item.tid}`;
    const subs = Object.entries(
      (item.subs ?? {}) as Record<string, { spec?: { kind?: string; leadMinutes?: number[] }; g?: unknown }>,
    );
    const addressCount = subs.filter(([, v]) => v.spec?.kind === 'address').length;
    if (item.n !== subs.length || item.na !== addressCount)
      badRecords.push(
        `${key}: n=${item.n} na=${item.na}, map holds ${subs.length} (${addressCount} addresses)`,
      );
    for (const [sub, value] of subs) {
      gens.set(`${key}|${sub}`, value.g);
      if (value.spec?.kind === 'deadlines') leadsOf.set(`${key}|${sub}`, value.spec.leadMinutes ?? []);
    }
  }
  const index = items
    .filter((i) => String(i.pk).startsWith('SUBX#'))
    .map((i) => ({ sub: `${i.platform}:${i.tkind}:${i.tid}|${i.key}`, gen: i.g }))
    .sort((a, b) => a.sub.localeCompare(b.sub));
  const listedSet = new Set(listed);
  return {
    listed: listed.sort(),
    reachable: reachable.sort(),
    index,
    leftovers: index.filter((row) => !listedSet.has(row.sub)),
    badRecords,
    gens,
    leadsOf,
  };
}
