/**
 * Alert records in the Herald table: one delivery record per (alert, target), moved through its
 * states by conditional writes only, so retries, crashes and concurrent dispatchers can never both
 * hold it; the subscribers' alert settings; and the detector's cursor. Nothing here needs a
 * transaction, so dynalite and DynamoDB Local behave like DynamoDB.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Alert } from '../../../core/alerts/alert-types.js';
import { isAlertId } from '../../../core/alerts/identity.js';
import { type AlertSettings, settingsProblem } from '../../../core/alerts/settings.js';
import { type TargetRef, targetKey, targetProblem } from '../../../core/commands/subscription-model.js';
import type {
  AlertRecordStore,
  DeliveryClaim,
  DeliveryRecord,
  DeliveryState,
  DetectorCursor,
} from '../../../core/ports/alert-records.js';
import {
  CorruptDataError,
  InvalidInputError,
  type Item,
  keyString,
  TableIo,
  WriteTally,
} from '../table/index.js';
import { CURSOR_KEY, deliveryKey, deliveryPk, settingsKey } from './keys.js';

export interface AlertRecordStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  now?: () => number;
  /** How long delivery records are kept (TTL), which is also how long an alert id stays deduplicated (default 30 days). */
  retentionMs?: number;
}

const STATES = new Set<DeliveryState>(['pending', 'retry', 'deferred', 'sent', 'failed', 'gone']);

function checkTarget(target: TargetRef): void {
  const problem = targetProblem(target);
  if (problem) throw new InvalidInputError(`bad alert target: ${problem}`);
}

function checkAlertId(id: string): void {
  if (!isAlertId(id)) throw new InvalidInputError(`bad alert id ${JSON.stringify(id)}`);
}

function decode(item: Item): DeliveryRecord {
  const where = `delivery record ${String(item.pk)}/${String(item.sk)}`;
  const state = item.st as DeliveryState;
  if (!STATES.has(state) || typeof item.al !== 'string') throw new CorruptDataError(`${where} is malformed`);
  let alert: Alert;
  try {
    alert = JSON.parse(item.al) as Alert;
  } catch (error) {
    throw new CorruptDataError(`${where}: alert is not JSON`, { cause: error });
  }
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    target: { platform: item.platform, kind: item.tkind, id: item.tid } as TargetRef,
    alert,
    subscriptionId: String(item.sid ?? ''),
    state,
    attempts: num(item.att) ?? 0,
    owner: typeof item.own === 'string' ? item.own : null,
    leaseUntilMs: num(item.lease),
    nextAtMs: num(item.nxt),
    error: typeof item.err === 'string' ? item.err : null,
    messageIds: Array.isArray(item.mids) ? item.mids.map(String) : [],
    createdAtMs: num(item.cat) ?? 0,
    updatedAtMs: num(item.uat) ?? 0,
  };
}

export function createAlertRecordStore(options: AlertRecordStoreOptions): AlertRecordStore {
  if (!options?.client || typeof options.tableName !== 'string' || options.tableName.length < 3)
    throw new InvalidInputError('createAlertRecordStore needs a DynamoDBClient and a table name');
  const doc = DynamoDBDocumentClient.from(options.client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  const io = new TableIo(doc, options.tableName);
  const now = options.now ?? Date.now;
  const retentionMs = options.retentionMs ?? 30 * 24 * 60 * 60_000;
  const tally = new WriteTally();

  const get = async (target: TargetRef, alertId: string) => {
    const item = await io.get(deliveryKey(target, alertId), true);
    return item ? decode(item) : undefined;
  };

  /** A transition by the record's holder: only while it still holds the record. */
  const transition = async (
    target: TargetRef,
    alertId: string,
    owner: string,
    set: string,
    values: Record<string, unknown>,
  ): Promise<boolean> => {
    checkTarget(target);
    checkAlertId(alertId);
    const done = await io.update(
      {
        Key: deliveryKey(target, alertId),
        UpdateExpression: `SET ${set}, uat = :now REMOVE lease`,
        ConditionExpression: 'st = :pending AND own = :me',
        ExpressionAttributeValues: { ':pending': 'pending', ':me': owner, ':now': now(), ...values },
      },
      tally,
      'version',
    );
    return done !== undefined;
  };

  return {
    async claim(target, alert, subscriptionId, owner, leaseMs): Promise<DeliveryClaim> {
      checkTarget(target);
      checkAlertId(alert?.id);
      if (!Number.isFinite(leaseMs) || leaseMs <= 0)
        throw new InvalidInputError('claim needs a positive lease');
      const at = now();
      const item = await io.update(
        {
          Key: deliveryKey(target, alert.id),
          UpdateExpression:
            'SET st = :pending, own = :me, lease = :lease, uat = :now, cat = if_not_exists(cat, :now), ' +
            'al = if_not_exists(al, :al), sid = if_not_exists(sid, :sid), att = if_not_exists(att, :zero), ' +
            'platform = :platform, tkind = :tkind, tid = :tid, exp = if_not_exists(exp, :exp)',
          ConditionExpression:
            'attribute_not_exists(pk) OR (st IN (:retry, :deferred) AND nxt <= :now) OR (st = :pending AND lease < :now)',
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':retry': 'retry',
            ':deferred': 'deferred',
            ':me': owner,
            ':lease': at + leaseMs,
            ':now': at,
            ':al': JSON.stringify(alert),
            ':sid': subscriptionId,
            ':zero': 0,
            ':platform': target.platform,
            ':tkind': target.kind,
            ':tid': target.id,
            ':exp': Math.ceil((at + retentionMs) / 1000),
          },
          ReturnValues: 'ALL_NEW',
        },
        tally,
        'version',
      );
      if (item) return { claimed: true, record: decode(item) };
      const current = await get(target, alert.id);
      if (!current) throw new CorruptDataError(`claim of ${alert.id} failed but its record is missing`);
      return { claimed: false, record: current };
    },

    markSent: (target, alertId, owner, messageIds) =>
      transition(target, alertId, owner, 'st = :sent, mids = :mids', {
        ':sent': 'sent',
        ':mids': messageIds,
      }),

    markRetry: (target, alertId, owner, nextAtMs, error) =>
      transition(target, alertId, owner, 'st = :retry, nxt = :nxt, err = :err, att = att + :one', {
        ':retry': 'retry',
        ':nxt': nextAtMs,
        ':err': error.slice(0, 1_000),
        ':one': 1,
      }),

    markDeferred: (target, alertId, owner, untilMs) =>
      transition(target, alertId, owner, 'st = :deferred, nxt = :nxt', {
        ':deferred': 'deferred',
        ':nxt': untilMs,
      }),

    markFinal: (target, alertId, owner, state, error) =>
      transition(target, alertId, owner, 'st = :st, err = :err', {
        ':st': state,
        ':err': error.slice(0, 1_000),
      }),

    async get(target, alertId) {
      checkTarget(target);
      checkAlertId(alertId);
      return get(target, alertId);
    },

    async recent(target, opts = {}) {
      checkTarget(target);
      const since = opts.sinceMs ?? 0;
      const limit = Math.max(1, Math.min(opts.limit ?? 20, 200));
      const items = await io.query(
        {
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'cat >= :since',
          ExpressionAttributeValues: { ':pk': deliveryPk(target), ':since': since },
          ConsistentRead: true,
        },
        undefined,
      );
      return items
        .map(decode)
        .sort((a, b) => b.createdAtMs - a.createdAtMs || a.alert.id.localeCompare(b.alert.id))
        .slice(0, limit);
    },

    async getSettings(targets) {
      const unique = new Map<string, TargetRef>();
      for (const t of targets) {
        checkTarget(t);
        unique.set(targetKey(t), t);
      }
      const keys = [...unique.values()].map(settingsKey);
      const found = await io.batchGet(keys, false);
      const out = new Map<string, Map<string, AlertSettings>>();
      for (const [k, target] of unique) {
        const item = found.get(keyString(settingsKey(target)));
        const map = (item?.s ?? {}) as Record<string, AlertSettings>;
        const entries = Object.entries(map).filter(([, s]) => settingsProblem(s) === null);
        if (entries.length > 0) out.set(k, new Map(entries));
      }
      return out;
    },

    async putSettings(target, key, settings) {
      checkTarget(target);
      if (typeof key !== 'string' || key.length === 0 || key.length > 100)
        throw new InvalidInputError('settings key is "*" or a subscription key');
      if (settings !== null) {
        const problem = settingsProblem(settings);
        if (problem) throw new InvalidInputError(`bad alert settings: ${problem}`);
      }
      const k = settingsKey(target);
      await io.update(
        {
          Key: k,
          UpdateExpression: 'SET s = if_not_exists(s, :empty), uat = :now',
          ExpressionAttributeValues: { ':empty': {}, ':now': now() },
        },
        tally,
        'version',
      );
      await io.update(
        settings === null
          ? { Key: k, UpdateExpression: 'REMOVE s.#k', ExpressionAttributeNames: { '#k': key } }
          : {
              Key: k,
              UpdateExpression: 'SET s.#k = :v',
              ExpressionAttributeNames: { '#k': key },
              ExpressionAttributeValues: { ':v': settings },
            },
        tally,
        'version',
      );
    },

    async getCursor(): Promise<DetectorCursor | undefined> {
      const item = await io.get(CURSOR_KEY, true);
      if (!item) return undefined;
      if (typeof item.ver !== 'number') throw new CorruptDataError('the alert cursor has no version');
      return {
        version: item.ver,
        endpoint: typeof item.ep === 'string' ? item.ep : null,
        updatedAtMs: Number(item.uat ?? 0),
      };
    },

    async advanceCursor(version, endpoint) {
      if (!Number.isSafeInteger(version) || version < 1)
        throw new InvalidInputError(`not a version: ${version}`);
      const done = await io.update(
        {
          Key: CURSOR_KEY,
          UpdateExpression: 'SET ver = :v, ep = :ep, uat = :now',
          ConditionExpression: 'attribute_not_exists(ver) OR ver < :v',
          ExpressionAttributeValues: { ':v': version, ':ep': endpoint, ':now': now() },
        },
        tally,
        'version',
      );
      return done !== undefined;
    },
  };
}
