/** `npm start`'s alert runner posts the cards (with their chart) after each detection, over the same table. */
import { Telegram } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramCardMessenger } from '../../../bots/telegram/card-messenger.js';
import { startLocalAlerts } from '../../../dev/alerts/local-runner.js';
import { type CardWorld, KSM, ongoing, startCardWorld, TARGETS } from './card-world.js';

let world: CardWorld;
beforeAll(async () => {
  world = await startCardWorld('cards-local');
});
afterAll(() => world?.close());

describe('the local alert runner', () => {
  it('creates and edits the cards after each snapshot it is told of', async () => {
    await world.subscribe('telegram', { kind: 'cards', track: null });
    const alerts = startLocalAlerts({
      client: world.dynamo.client,
      tableName: world.tableName,
      store: world.store,
      notifiers: {},
      clock: () => world.clock.ms,
      cards: {
        telegram: createTelegramCardMessenger({
          telegram: new Telegram(world.telegram.token, { apiRoot: world.telegram.apiRoot }),
        }),
      },
    });
    try {
      await world.commit([ongoing(900)]);
      await alerts.afterSnapshot().catch(() => null);
      expect(world.telegram.messages(TARGETS.telegram.id)).toHaveLength(1);
      await world.commit(
        [ongoing(900, { tally: { ayes: 3_000n * KSM, nays: 0n, support: 700n * KSM } })],
        400,
      );
      await alerts.afterSnapshot().catch(() => null);
      const [card] = world.telegram.messages(TARGETS.telegram.id);
      expect(card!.form).toBe('photo');
      expect(card!.caption).toContain('ayes 3,000 KSM');
      expect(world.telegram.delivered(TARGETS.telegram.id)).toHaveLength(1);
    } finally {
      await alerts.close();
    }
  });
});
