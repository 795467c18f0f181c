/**
 * Card records in the Herald table (see keys.ts): a claim before any platform call, the message
 * ids recorded after it, every transition one conditional UpdateItem by the claim's holder.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CardStore } from '../../../core/ports/card-store.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import { parseTargetKey } from '../../../core/subscriptions/subscription-model.js';
import { InvalidInputError, TableIo, WriteTally } from '../table/index.js';
import { CARD_TARGETS_PK, cardItemKey, cardPk, cardTargetKey } from './keys.js';
import { checkCard, decodeCard } from './records.js';

export interface CardStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  now?: () => number;
  /** How long a final (closed or retired) card is kept (default 30 days). */
  retentionMs?: number;
}

export function createCardStore(options: CardStoreOptions): CardStore {
  if (!options?.client || typeof options.tableName !== 'string' || options.tableName.length < 3)
    throw new InvalidInputError('createCardStore needs a DynamoDBClient and a table name');
  const doc = DynamoDBDocumentClient.from(options.client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  const io = new TableIo(doc, options.tableName);
  const tally = new WriteTally();
  const now = options.now ?? Date.now;
  const retentionMs = options.retentionMs ?? 30 * 24 * 60 * 60_000;

  /** A transition by the holder of the claim; false when it no longer holds it. */
  async function held(
    target: DeliveryTarget,
    referendum: number,
    owner: string,
    set: string,
    values: Record<string, unknown>,
    remove = '',
  ): Promise<boolean> {
    checkCard(target, referendum);
    const done = await io.update(
      {
        Key: cardItemKey(target, referendum),
        UpdateExpression: `SET ${set}, uat = :now REMOVE lease, own${remove}`,
        ConditionExpression: 'own = :me AND st IN (:claimed, :sending, :live)',
        ...(set.includes('#h') ? { ExpressionAttributeNames: { '#h': 'hash' } } : {}),
        ExpressionAttributeValues: {
          ':me': owner,
          ':now': now(),
          ':claimed': 'claimed',
          ':sending': 'sending',
          ':live': 'live',
          ...values,
        },
      },
      tally,
      'version',
    );
    return done !== undefined;
  }

  return {
    async cards(target) {
      checkCard(target, 0);
      const items = await io.query(
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': cardPk(target) },
          ConsistentRead: true,
        },
        undefined,
      );
      return items.map(decodeCard).sort((a, b) => a.referendum - b.referendum);
    },

    async get(target, referendum) {
      checkCard(target, referendum);
      const item = await io.get(cardItemKey(target, referendum), true);
      return item ? decodeCard(item) : undefined;
    },

    async cardTargets() {
      const items = await io.query(
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': CARD_TARGETS_PK },
          ConsistentRead: true,
        },
        undefined,
      );
      return items.flatMap((i) => {
        const t = parseTargetKey(String(i.sk));
        return t ? [t] : [];
      });
    },

    async claim(target, referendum, track, owner, leaseMs, reopen = false) {
      checkCard(target, referendum);
      if (!Number.isFinite(leaseMs) || leaseMs <= 0)
        throw new InvalidInputError('claim needs a positive lease');
      const at = now();
      await io.put({ ...cardTargetKey(target), at }, tally, 'version');
      const item = await io.update(
        reopen
          ? {
              Key: cardItemKey(target, referendum),
              UpdateExpression:
                'SET st = :claimed, own = :me, lease = :lease, uat = :now, mids = :none, gen = gen + :one, trk = :trk REMOVE exp, why, sat',
              ConditionExpression: 'st = :retired',
              ExpressionAttributeValues: {
                ':claimed': 'claimed',
                ':retired': 'retired',
                ':me': owner,
                ':lease': at + leaseMs,
                ':now': at,
                ':none': [],
                ':one': 1,
                ':trk': track,
              },
              ReturnValues: 'ALL_NEW',
            }
          : {
              Key: cardItemKey(target, referendum),
              UpdateExpression:
                'SET st = if_not_exists(st, :claimed), own = :me, lease = :lease, uat = :now, cat = if_not_exists(cat, :now), ' +
                'rid = :ref, trk = if_not_exists(trk, :trk), gen = if_not_exists(gen, :zero), ver = if_not_exists(ver, :zero), ' +
                'mids = if_not_exists(mids, :none), platform = :platform, tkind = :tkind, tid = :tid',
              ConditionExpression:
                'attribute_not_exists(pk) OR (st IN (:claimed, :sending, :live) AND (attribute_not_exists(lease) OR lease < :now))',
              ExpressionAttributeValues: {
                ':claimed': 'claimed',
                ':sending': 'sending',
                ':live': 'live',
                ':me': owner,
                ':lease': at + leaseMs,
                ':now': at,
                ':ref': referendum,
                ':trk': track,
                ':zero': 0,
                ':none': [],
                ':platform': target.platform,
                ':tkind': target.kind,
                ':tid': target.id,
              },
              ReturnValues: 'ALL_NEW',
            },
        tally,
        'version',
      );
      if (item) return { claimed: true, record: decodeCard(item) };
      const current = await io.get(cardItemKey(target, referendum), true);
      return { claimed: false, record: current ? decodeCard(current) : undefined };
    },

    async markSending(target, referendum, owner) {
      checkCard(target, referendum);
      const done = await io.update(
        {
          Key: cardItemKey(target, referendum),
          UpdateExpression: 'SET st = :sending, sat = :now, uat = :now',
          ConditionExpression: 'own = :me AND st = :claimed AND lease >= :now',
          ExpressionAttributeValues: {
            ':me': owner,
            ':now': now(),
            ':sending': 'sending',
            ':claimed': 'claimed',
          },
        },
        tally,
        'version',
      );
      return done !== undefined;
    },

    markLive: (target, referendum, owner, applied) =>
      held(
        target,
        referendum,
        owner,
        'st = :st, mids = :mids, ver = :ver, #h = :hash, gen = if_not_exists(gen, :zero)',
        {
          ':st': 'live',
          ':mids': applied.messageIds,
          ':ver': applied.version,
          ':hash': applied.hash,
          ':zero': 0,
        },
        ', sat',
      ),

    markReplace: (target, referendum, owner, reason) =>
      held(target, referendum, owner, 'st = :st, mids = :none, gen = gen + :one, why = :why', {
        ':st': 'claimed',
        ':none': [],
        ':one': 1,
        ':why': reason.slice(0, 500),
      }),

    markFinal: (target, referendum, owner, state, detail) =>
      held(
        target,
        referendum,
        owner,
        `st = :st, why = :why, exp = :exp${detail.version !== undefined ? ', ver = :ver' : ''}${detail.hash !== undefined ? ', #h = :hash' : ''}`,
        {
          ':st': state,
          ':why': detail.reason.slice(0, 500),
          ':exp': Math.ceil((now() + retentionMs) / 1000),
          ...(detail.version !== undefined ? { ':ver': detail.version } : {}),
          ...(detail.hash !== undefined ? { ':hash': detail.hash } : {}),
        },
      ),

    release: (target, referendum, owner, unsent = false) =>
      unsent
        ? held(target, referendum, owner, 'st = :back', { ':back': 'claimed' }, ', sat')
        : held(target, referendum, owner, 'st = st', {}),
  };
}
