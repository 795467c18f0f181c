/**
 * Delivery records: one per (alert, target), moved through its states by conditional writes
 * only, so retries, crashes and concurrent dispatchers can never both hold it.
 */

import type { AlertRecordStore, DeliveryClaim } from '../../../core/ports/alert-records.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import { CorruptDataError, InvalidInputError } from '../table/index.js';
import { deliveryKey, deliveryPk } from './keys.js';
import { checkAlertId, checkTarget, decode, type RecordsContext } from './records.js';

async function getRecord(ctx: RecordsContext, target: DeliveryTarget, alertId: string) {
  const item = await ctx.io.get(deliveryKey(target, alertId), true);
  return item ? decode(item) : undefined;
}

/** A transition by the record's holder: only while it still holds the record. */
async function transition(
  ctx: RecordsContext,
  target: DeliveryTarget,
  alertId: string,
  owner: string,
  set: string,
  values: Record<string, unknown>,
): Promise<boolean> {
  checkTarget(target);
  checkAlertId(alertId);
  const done = await ctx.io.update(
    {
      Key: deliveryKey(target, alertId),
      UpdateExpression: `SET ${set}, uat = :now REMOVE lease`,
      ConditionExpression: 'st = :pending AND own = :me',
      ExpressionAttributeValues: { ':pending': 'pending', ':me': owner, ':now': ctx.now(), ...values },
    },
    ctx.tally,
    'version',
  );
  return done !== undefined;
}

/** Taking a record for sending. */
export function claimMethods(ctx: RecordsContext): Pick<AlertRecordStore, 'claim'> {
  return {
    async claim(target, alert, subscriptionId, owner, leaseMs): Promise<DeliveryClaim> {
      checkTarget(target);
      checkAlertId(alert?.id);
      if (!Number.isFinite(leaseMs) || leaseMs <= 0)
        throw new InvalidInputError('claim needs a positive lease');
      const at = ctx.now();
      const item = await ctx.io.update(
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
            ':exp': Math.ceil((at + ctx.retentionMs) / 1000),
          },
          ReturnValues: 'ALL_NEW',
        },
        ctx.tally,
        'version',
      );
      if (item) return { claimed: true, record: decode(item) };
      const current = await getRecord(ctx, target, alert.id);
      if (!current) throw new CorruptDataError(`claim of ${alert.id} failed but its record is missing`);
      return { claimed: false, record: current };
    },
  };
}

/** The holder's transitions. */
export function holderMethods(
  ctx: RecordsContext,
): Pick<AlertRecordStore, 'renew' | 'markSent' | 'markRetry' | 'markDeferred' | 'markFinal'> {
  return {
    async renew(target, alertId, owner, leaseMs) {
      checkTarget(target);
      checkAlertId(alertId);
      if (!Number.isFinite(leaseMs) || leaseMs <= 0)
        throw new InvalidInputError('renew needs a positive lease');
      const at = ctx.now();
      const done = await ctx.io.update(
        {
          Key: deliveryKey(target, alertId),
          UpdateExpression: 'SET lease = :lease, uat = :now',
          ConditionExpression: 'st = :pending AND own = :me',
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':me': owner,
            ':now': at,
            ':lease': at + leaseMs,
          },
        },
        ctx.tally,
        'version',
      );
      return done !== undefined;
    },

    markSent: (target, alertId, owner, messageIds) =>
      transition(ctx, target, alertId, owner, 'st = :sent, mids = :mids', {
        ':sent': 'sent',
        ':mids': messageIds,
      }),

    markRetry: (target, alertId, owner, nextAtMs, error) =>
      transition(ctx, target, alertId, owner, 'st = :retry, nxt = :nxt, err = :err, att = att + :one', {
        ':retry': 'retry',
        ':nxt': nextAtMs,
        ':err': error.slice(0, 1_000),
        ':one': 1,
      }),

    markDeferred: (target, alertId, owner, untilMs) =>
      transition(ctx, target, alertId, owner, 'st = :deferred, nxt = :nxt', {
        ':deferred': 'deferred',
        ':nxt': untilMs,
      }),

    markFinal: (target, alertId, owner, state, error) =>
      transition(ctx, target, alertId, owner, 'st = :st, err = :err', {
        ':st': state,
        ':err': error.slice(0, 1_000),
      }),
  };
}

export function readMethods(ctx: RecordsContext): Pick<AlertRecordStore, 'get' | 'recent'> {
  return {
    async get(target, alertId) {
      checkTarget(target);
      checkAlertId(alertId);
      return getRecord(ctx, target, alertId);
    },

    async recent(target, opts = {}) {
      checkTarget(target);
      const since = opts.sinceMs ?? 0;
      const limit = Math.max(1, Math.min(opts.limit ?? 20, 200));
      const items = await ctx.io.query(
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
  };
}
