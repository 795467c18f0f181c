/**
 * The benchmark's table: N targets (even ones Telegram chats, odd ones Discord channels), each with
 * a 1 h deadline subscription on referendum 900, and every tenth with a referenda subscription as
 * well; two snapshot versions: the first, which the detector's cursor has already passed, and the
 * second, where referendum 900's decision period ends in 55 minutes (the event that reaches every
 * subscriber) and referendum 901 was submitted (the normal mix: the tenth subscribed to referenda
 * get it, grouped with the deadline into one message).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ReferendumRecord } from '../../../core/alerts/rule-types.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import { ENTITY, type ReferendaIndex } from '../../../core/snapshot/entities.js';
import type { SubscriptionSpec } from '../../../core/subscriptions/subscription-model.js';
import type { OngoingReferendum } from '../../../core/types/governance.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import {
  createSubscriptionStore,
  indexItemKey,
  targetItemKey,
} from '../../../lambdas/store/subscriptions/index.js';
import { ensureTable, runPool } from '../../../lambdas/store/table/index.js';
import { KUSAMA_TRACKS } from '../../fixtures/kusama-tracks.js';
import { dcChannel, tgChat } from '../../lambdas/alerts/harness.js';

export const targetOf = (i: number): DeliveryTarget => (i % 2 === 0 ? tgChat(i) : dcChannel(i));
/** Targets that also follow every referendum (the normal mix). */
export const followsReferenda = (i: number) => i % 10 === 0;

function referendum(id: number, track: number, relayBlock: number, endsIn: number): OngoingReferendum {
  const t = KUSAMA_TRACKS.find((x) => x.id === track)!;
  return {
    status: 'ongoing',
    id,
    track,
    origin: 'system.Root',
    proposal: { kind: 'Legacy', hash: '0x01' },
    enactment: { kind: 'After', blocks: 100 },
    submitted: relayBlock - 100_000,
    submissionDeposit: { who: 'x', amount: 1n },
    decisionDeposit: { who: 'x', amount: 1n },
    deciding: { since: relayBlock + endsIn - t.decisionPeriod, confirming: null },
    tally: { ayes: 0n, nays: 0n, support: 0n },
    inQueue: false,
    alarm: null,
  };
}

const DEADLINE: SubscriptionSpec = {
  kind: 'deadlines',
  scope: { type: 'referendum', referendum: 900 },
  leadMinutes: [60],
};
const REFERENDA: SubscriptionSpec = { kind: 'referenda', track: null };

/**
 * Subscribes the first two targets of each shape (Telegram and Discord; with and without the
 * referenda subscription) through the store, then writes every other target's items as copies of
 * theirs with the target's keys and parts (BatchWriteItem): a hundred thousand subscribes one by
 * one would take the emulator an hour, and the items are the same.
 */
export async function seedSubscriptions(client: DynamoDBClient, tableName: string, n: number): Promise<void> {
  await ensureTable(client, tableName);
  const subs = createSubscriptionStore({ client, tableName });
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const get = async (key: { pk: string; sk: string }) =>
    (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item!;
  const shapes = new Map<string, Array<Record<string, unknown>>>();
  const shapeOf = (i: number) => `${i % 2}:${followsReferenda(i)}`;
  const subscribed = new Set<number>();
  for (let i = 0; i < Math.min(n, 20); i++) {
    if (shapes.has(shapeOf(i))) continue;
    subscribed.add(i);
    const target = targetOf(i);
    const specs = followsReferenda(i) ? [DEADLINE, REFERENDA] : [DEADLINE];
    for (const spec of specs) await subs.subscribe({ ...target, createdBy: '1' }, spec);
    shapes.set(shapeOf(i), [
      await get(targetItemKey(target)),
      ...(await Promise.all(specs.map((spec) => get(indexItemKey(spec, target))))),
    ]);
  }
  const items = (i: number) => {
    const target = targetOf(i);
    const parts = { platform: target.platform, tkind: target.kind, tid: target.id };
    const [record, ...index] = shapes.get(shapeOf(i))!;
    const specs = followsReferenda(i) ? [DEADLINE, REFERENDA] : [DEADLINE];
    return [
      { ...record, ...targetItemKey(target), ...parts },
      ...index.map((item, k) => ({ ...item, ...indexItemKey(specs[k]!, target), ...parts })),
    ];
  };
  const batches: Array<Array<Record<string, unknown>>> = [];
  let batch: Array<Record<string, unknown>> = [];
  for (let i = 0; i < n; i++) {
    if (subscribed.has(i)) continue;
    for (const item of items(i)) {
      batch.push(item);
      if (batch.length === 25) {
        batches.push(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) batches.push(batch);
  await runPool(batches, 8, async (group) => {
    let pending = group.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (out.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  });
}

/** Writes the two versions and moves the detector's cursor past the first. */
export async function writeVersions(client: DynamoDBClient, tableName: string): Promise<void> {
  const store = createDynamoStore({ client, tableName });
  const now = Date.now();
  const relayBlock = 31_000_000;
  const ref900 = referendum(900, 0, relayBlock, 550);
  const ref901 = referendum(901, 2, relayBlock, 20_000);
  const version = async (block: number, refs: OngoingReferendum[]) => {
    const anchor = {
      blockHash: `0x0${block}`,
      blockNumber: block,
      relayBlock: relayBlock - 2 + block,
      timestampMs: now - (2 - block) * 60_000,
      specVersion: 1,
      genesisHash: '0x01',
    };
    const index: ReferendaIndex = {
      referendumCount: 902,
      ongoing: refs.map((r) => ({ id: r.id, track: r.track, proposal: null, info: r })),
      recentlyEnded: [],
    };
    return store.writeVersion(
      { relayBlock: anchor.relayBlock, blockNumber: block, blockHash: anchor.blockHash },
      [
        {
          kind: ENTITY.status,
          id: 'current',
          data: { anchor, issuance: { total: 1n, inactive: 0n }, activeEra: 1, counts: {}, warnings: [] },
        },
        { kind: ENTITY.tracks, id: 'all', data: KUSAMA_TRACKS },
        { kind: ENTITY.index, id: 'referenda', data: index },
        ...refs.map((r) => ({
          kind: ENTITY.referendum,
          id: String(r.id),
          data: { info: r, proposal: null } satisfies ReferendumRecord,
        })),
      ],
    );
  };
  const first = await version(1, [ref900]);
  await createAlertRecordStore({ client, tableName }).advanceCursor(first.version, null);
  await version(2, [ref900, ref901]);
}
