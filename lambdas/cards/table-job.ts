/**
 * The card job over the Herald table: the snapshot reader, the subscriptions and the card records
 * built from one client, the chart drawn by the bots' renderer. What the detector Lambda and the
 * local runner call after each committed version.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { renderReferendumChart } from '../../bots/chart/index.js';
import type { CardMessenger } from '../../core/ports/card-messenger.js';
import type { Platform } from '../../core/ports/notifier.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import { createCardStore } from '../store/cards/index.js';
import { createDynamoStore } from '../store/snapshot/index.js';
import { createSubscriptionStore } from '../store/subscriptions/index.js';
import { type CardRunSummary, runCardJob } from './card-job.js';

export interface TableCardsOptions {
  client: DynamoDBClient;
  tableName: string;
  messengers: Partial<Record<Platform, CardMessenger>>;
  reader?: SnapshotReader;
  now?: () => number;
  /** Draw the chart on cards (default true). */
  charts?: boolean;
  log?: (line: string) => void;
}

export function tableCardJob(options: TableCardsOptions): () => Promise<CardRunSummary> {
  const { client, tableName } = options;
  const reader = options.reader ?? createDynamoStore({ client, tableName });
  const subscriptions = createSubscriptionStore({ client, tableName });
  const cards = createCardStore({ client, tableName, now: options.now });
  return () =>
    runCardJob({
      reader,
      subscriptions,
      cards,
      messengers: options.messengers,
      renderChart: options.charts === false ? null : renderReferendumChart,
      now: options.now,
      log: options.log,
    });
}

/** One line for the log: what the run did. */
export function cardRunLine(run: CardRunSummary): string {
  const c = run.counts;
  return `cards v${run.version ?? '-'}: ${run.targets} targets, ${c.created} created, ${c.edited} edited, ${c.closed} closed, ${c.retired} retired, ${c.retry} to retry, ${c.failed} failed`;
}
