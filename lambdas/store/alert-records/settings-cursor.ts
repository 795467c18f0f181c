/** The subscribers' alert settings (one item per target) and the detector's cursor. */

import type { AlertRecordStore, DetectorCursor } from '../../../core/ports/alert-records.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { AlertSettings } from '../../../core/subscriptions/settings.js';
import { settingsProblem } from '../../../core/subscriptions/settings.js';
import { targetKey } from '../../../core/subscriptions/subscription-model.js';
import { CorruptDataError, InvalidInputError, keyString } from '../table/index.js';
import { CURSOR_KEY, settingsKey } from './keys.js';
import { checkTarget, type RecordsContext } from './records.js';

export function settingsMethods(ctx: RecordsContext): Pick<AlertRecordStore, 'getSettings' | 'putSettings'> {
  return {
    async getSettings(targets) {
      const unique = new Map<string, DeliveryTarget>();
      for (const t of targets) {
        checkTarget(t);
        unique.set(targetKey(t), t);
      }
      const keys = [...unique.values()].map(settingsKey);
      const found = await ctx.io.batchGet(keys, false);
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
      await ctx.io.update(
        {
          Key: k,
          UpdateExpression: 'SET s = if_not_exists(s, :empty), uat = :now',
          ExpressionAttributeValues: { ':empty': {}, ':now': ctx.now() },
        },
        ctx.tally,
        'version',
      );
      await ctx.io.update(
        settings === null
          ? { Key: k, UpdateExpression: 'REMOVE s.#k', ExpressionAttributeNames: { '#k': key } }
          : {
              Key: k,
              UpdateExpression: 'SET s.#k = :v',
              ExpressionAttributeNames: { '#k': key },
              ExpressionAttributeValues: { ':v': settings },
            },
        ctx.tally,
        'version',
      );
    },
  };
}

export function cursorMethods(ctx: RecordsContext): Pick<AlertRecordStore, 'getCursor' | 'advanceCursor'> {
  return {
    async getCursor(): Promise<DetectorCursor | undefined> {
      const item = await ctx.io.get(CURSOR_KEY, true);
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
      const done = await ctx.io.update(
        {
          Key: CURSOR_KEY,
          UpdateExpression: 'SET ver = :v, ep = :ep, uat = :now',
          ConditionExpression: 'attribute_not_exists(ver) OR ver < :v',
          ExpressionAttributeValues: { ':v': version, ':ep': endpoint, ':now': ctx.now() },
        },
        ctx.tally,
        'version',
      );
      return done !== undefined;
    },
  };
}
