/** The card records in dynalite: one holder at a time, transitions by the holder only, final is final. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardStore } from '../../../core/ports/card-store.js';
import { createCardStore } from '../../../lambdas/store/cards/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

const target = { platform: 'discord', kind: 'channel', id: '123456789012345678' } as const;
let dynamo: TestDynamo;
let cards: CardStore;
const clock = { ms: 1_000_000 };

beforeAll(async () => {
  dynamo = await startTestDynamo();
  const tableName = await dynamo.newTable('card-store');
  cards = createCardStore({ client: dynamo.client, tableName, now: () => clock.ms });
});
afterAll(() => dynamo?.close());

describe('card records', () => {
  it('let one job hold a card until its lease runs out', async () => {
    const a = await cards.claim(target, 1, 32, 'job-a', 10_000);
    expect(a.claimed).toBe(true);
    expect(a.record).toMatchObject({
      state: 'claimed',
      track: 32,
      messageIds: [],
      version: 0,
      generation: 0,
    });
    const b = await cards.claim(target, 1, 32, 'job-b', 10_000);
    expect(b.claimed).toBe(false);
    expect(await cards.markSending(target, 1, 'job-b')).toBe(false);
    expect(await cards.markSending(target, 1, 'job-a')).toBe(true);
    clock.ms += 10_001;
    const takeover = await cards.claim(target, 1, 32, 'job-b', 10_000);
    expect(takeover.claimed).toBe(true);
    expect(takeover.record?.state).toBe('sending');
    // The first holder lost it: its late record of the send is refused.
    expect(await cards.markLive(target, 1, 'job-a', { messageIds: ['9'], version: 3, hash: 'h' })).toBe(
      false,
    );
    expect(await cards.markLive(target, 1, 'job-b', { messageIds: ['9'], version: 3, hash: 'h' })).toBe(true);
    expect(await cards.get(target, 1)).toMatchObject({
      state: 'live',
      messageIds: ['9'],
      version: 3,
      hash: 'h',
      owner: null,
      leaseUntilMs: null,
      sendingAtMs: null,
    });
  });

  it('count a replacement as a new generation, and never hand out a final card again', async () => {
    await cards.claim(target, 2, 32, 'job', 10_000);
    await cards.markLive(target, 2, 'job', { messageIds: ['5'], version: 1, hash: 'a' });
    await cards.claim(target, 2, 32, 'job', 10_000);
    expect(await cards.markReplace(target, 2, 'job', 'Unknown Message')).toBe(true);
    expect(await cards.get(target, 2)).toMatchObject({ state: 'claimed', messageIds: [], generation: 1 });
    await cards.claim(target, 2, 32, 'job', 10_000);
    expect(
      await cards.markFinal(target, 2, 'job', 'closed', { reason: 'ended', version: 4, hash: 'z' }),
    ).toBe(true);
    clock.ms += 60_000;
    expect((await cards.claim(target, 2, 32, 'other', 10_000)).claimed).toBe(false);
    expect((await cards.get(target, 2))?.state).toBe('closed');
    expect(await cards.cardTargets()).toEqual([target]);
    expect((await cards.cards(target)).map((c) => c.referendum)).toEqual([1, 2]);
  });
});
