/**
 * Cards inside the platforms' limits: Discord's 429 `retry_after` on an edit is sat out and the edit
 * lands; a Telegram 429 on an edit leaves the card to the next run; many cards in one Telegram chat
 * go out spread by the bot's real limiter, which the fake checks against Telegram's limits.
 */
import { Telegram } from 'telegraf';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramCardMessenger } from '../../../bots/telegram/card-messenger.js';
import { TelegramRateLimiter } from '../../../bots/telegram/rate-limiter.js';
import { startFakeTelegram } from '../../helpers/fake-telegram.js';
import { type CardWorld, KSM, ongoing, startCardWorld, TARGETS } from './card-world.js';

let world: CardWorld;
beforeAll(async () => {
  world = await startCardWorld('cards-limits');
});
afterAll(() => world?.close());

const richer = { tally: { ayes: 8_000n * KSM, nays: 0n, support: 900n * KSM } };

describe('card limits', () => {
  beforeEach(async () => {
    world.telegram.reset();
    world.discord.reset();
    for (const t of Object.values(TARGETS)) await world.subscriptions.unsubscribe(t, { type: 'all' });
  });

  it('sits out a Discord 429 on an edit and then edits', async () => {
    await world.subscribe('discord', { kind: 'cards', track: null });
    await world.commit([ongoing(500)]);
    await world.run('discord');
    world.discord.fail('PATCH', /messages\/[0-9]+$/, { status: 429, retryAfterSeconds: 0.2 });
    await world.commit([ongoing(500, richer)]);
    const run = await world.run('discord');
    expect(run.counts.edited).toBe(1);
    expect(world.discord.matching('PATCH', /messages\/[0-9]+$/)).toHaveLength(2);
    expect(world.discord.created(TARGETS.discord.id)).toHaveLength(1);
  });

  it('leaves a card Telegram rate-limited to the next run, which edits it', async () => {
    await world.subscribe('telegram', { kind: 'cards', track: null });
    await world.commit([ongoing(501)]);
    await world.run('telegram');
    world.telegram.fail({ method: 'editMessageText', failure: { code: 429, retryAfter: 1 } });
    await world.commit([ongoing(501, richer)]);
    const limited = await world.run('telegram');
    expect(limited.counts.retry).toBe(1);
    expect((await world.cards.get(TARGETS.telegram, 501))?.state).toBe('live');
    const next = await world.run('telegram');
    expect(next.counts.edited).toBe(1);
    expect(world.telegram.messages(TARGETS.telegram.id)[0]!.text).toContain('ayes 8,000 KSM');
    expect(world.telegram.delivered(TARGETS.telegram.id)).toHaveLength(1);
  });

  it('spreads many cards in one Telegram chat within its limits', async () => {
    const strict = await startFakeTelegram({
      limits: { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
    });
    try {
      await world.subscribe('telegram', { kind: 'cards', track: null });
      await world.commit([ongoing(510), ongoing(511), ongoing(512)]);
      const messenger = createTelegramCardMessenger({
        telegram: new Telegram(strict.token, { apiRoot: strict.apiRoot }),
        limiter: new TelegramRateLimiter(),
      });
      const run = await world.run('telegram', { messengers: { telegram: messenger } });
      expect(run.counts.created).toBe(3);
      expect(strict.delivered(TARGETS.telegram.id)).toHaveLength(3);
      expect(strict.limitViolations()).toBe(0);
    } finally {
      await strict.close();
    }
  });
});
