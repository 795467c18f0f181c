/**
 * A card job killed between the platform's "sent" and the record of it, then restarted: the card
 * stays one message. Like test/lambdas/alerts/killable.ts, the kill makes every later call of the
 * dead job fail; the restart is a new job (new owner, fresh messengers) once the claim's lease ran out.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CardStore } from '../../../core/ports/card-store.js';
import type { Platform } from '../../../core/ports/notifier.js';
import { type CardWorld, KSM, ongoing, startCardWorld, TARGETS } from './card-world.js';

class Killed extends Error {
  override readonly name = 'Killed';
}

/** The card store of a job that dies right before the named step (its nth call). */
function killedBefore(cards: CardStore, step: keyof CardStore): { cards: CardStore; killed: () => boolean } {
  let dead = false;
  const wrapped = new Proxy(cards, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === step) dead = true;
        if (dead) return Promise.reject(new Killed('card job killed'));
        return value.apply(target, args);
      };
    },
  });
  return { cards: wrapped, killed: () => dead };
}

let world: CardWorld;
beforeAll(async () => {
  world = await startCardWorld('cards-killed');
});
afterAll(() => world?.close());

function created(platform: Platform): number {
  return platform === 'telegram'
    ? world.telegram.delivered(TARGETS.telegram.id).length
    : world.discord.created(TARGETS.discord.id).length;
}

describe.each(['telegram', 'discord'] as const)('a card job killed on %s', (platform) => {
  const target = TARGETS[platform];
  let nextId = platform === 'telegram' ? 300 : 400;

  beforeEach(async () => {
    world.telegram.reset();
    world.discord.reset();
    await world.subscriptions.unsubscribe(target, { type: 'all' });
    await world.subscribe(platform, { kind: 'cards', track: null });
  });

  it('between claim and send sends the card once after the restart', async () => {
    const id = nextId++;
    await world.commit([ongoing(id)]);
    const dying = killedBefore(world.cards, 'markSending');
    const first = await world.run(platform, { cards: dying.cards });
    expect(dying.killed()).toBe(true);
    expect(first.counts.created).toBe(0);
    expect(created(platform)).toBe(0);

    world.clock.ms += 61_000;
    const restarted = await world.run(platform);
    expect(restarted.counts.created).toBe(1);
    expect(created(platform)).toBe(1);
    expect((await world.cards.get(target, id))?.state).toBe('live');
  });

  it('between send and record leaves exactly one message after the restart', async () => {
    const id = nextId++;
    await world.commit([ongoing(id)]);
    const dying = killedBefore(world.cards, 'markLive');
    await world.run(platform, { cards: dying.cards });
    expect(dying.killed()).toBe(true);
    expect(created(platform)).toBe(1);
    expect((await world.cards.get(target, id))?.state).toBe('sending');

    // The same version again right away: the dead job's claim still holds the card.
    await world.run(platform);
    expect(created(platform)).toBe(1);

    world.clock.ms += 61_000;
    await world.run(platform);
    expect(created(platform)).toBe(1);
    const record = await world.cards.get(target, id);
    if (platform === 'discord') {
      // Discord is asked: the bot's message for the card after the send began is the card.
      expect(record?.state).toBe('live');
      expect(record?.messageIds).toEqual([world.discord.created(target.id)[0]!.id]);
      await world.commit([ongoing(id, { tally: { ayes: 4_000n * KSM, nays: 0n, support: 800n * KSM } })]);
      expect((await world.run(platform)).counts.edited).toBe(1);
      expect(world.discord.edits(record!.messageIds[0]!)).toBeGreaterThan(0);
    } else {
      // The Bot API cannot be asked: the card is never sent a second time, and says why.
      expect(record?.state).toBe('unknown');
      expect(record?.reason).toMatch(/cannot read/);
      await world.commit([ongoing(id, { tally: { ayes: 4_000n * KSM, nays: 0n, support: 800n * KSM } })]);
      await world.run(platform);
      expect(created(platform)).toBe(1);
    }
    expect(created(platform)).toBe(1);
  });

  if (platform === 'discord')
    it('whose create answer was lost (500 after the message was made) adopts that message', async () => {
      const id = nextId++;
      await world.commit([ongoing(id)]);
      world.discord.fail('POST', /^\/channels\/[0-9]+\/messages$/, { status: 500, afterCreate: true });
      const first = await world.run(platform);
      expect(first.counts.retry).toBe(1);
      expect(created(platform)).toBe(1);
      world.clock.ms += 61_000;
      await world.run(platform);
      expect(created(platform)).toBe(1);
      expect((await world.cards.get(target, id))?.messageIds).toEqual([
        world.discord.created(target.id)[0]!.id,
      ]);
    });
});
