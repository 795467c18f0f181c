/**
 * Alert records in the Herald table: one delivery record per (alert, target), moved through its
 * states by conditional writes only, so retries, crashes and concurrent dispatchers can never both
 * hold it; the subscribers' alert settings; and the detector's cursor. Nothing here needs a
 * transaction, so dynalite and DynamoDB Local behave like DynamoDB.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AlertRecordStore } from '../../../core/ports/alert-records.js';
import { InvalidInputError, TableIo, WriteTally } from '../table/index.js';
import { claimMethods, holderMethods, readMethods } from './deliveries.js';
import { fanOutMethods } from './fan-out-marks.js';
import type { RecordsContext } from './records.js';
import { cursorMethods, settingsMethods } from './settings-cursor.js';

export interface AlertRecordStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  now?: () => number;
  /** How long delivery records are kept (TTL), which is also how long an alert id stays deduplicated (default 30 days). */
  retentionMs?: number;
}

export function createAlertRecordStore(options: AlertRecordStoreOptions): AlertRecordStore {
  if (!options?.client || typeof options.tableName !== 'string' || options.tableName.length < 3)
    throw new InvalidInputError('createAlertRecordStore needs a DynamoDBClient and a table name');
  const doc = DynamoDBDocumentClient.from(options.client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  const ctx: RecordsContext = {
    // Sixteen batches at once: the settings of 100,000 targets are 1,000 BatchGetItem.
    io: new TableIo(doc, options.tableName, { concurrency: 16 }),
    now: options.now ?? Date.now,
    retentionMs: options.retentionMs ?? 30 * 24 * 60 * 60_000,
    tally: new WriteTally(),
  };
  return {
    ...claimMethods(ctx),
    ...holderMethods(ctx),
    ...readMethods(ctx),
    ...settingsMethods(ctx),
    ...cursorMethods(ctx),
    ...fanOutMethods(ctx),
  };
}
