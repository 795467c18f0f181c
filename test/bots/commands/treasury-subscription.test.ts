/** `/subscribe treasury [asset] [minimum]` through the command set and the subscription store (dynalite). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { describeSpec } from '../../../bots/text/subscription-words.js';
import { type CommandHarness, startCommandHarness } from './harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => {
  await h?.close();
});

const DM = {
  platform: 'telegram' as const,
  kind: 'dm' as const,
  id: '420000001',
  createdBy: '420000001',
};

describe('/subscribe treasury', () => {
  it('subscribes by asset and minimum; a new minimum updates it; /unsubscribe treasury <asset> stops it', async () => {
    const ctx = h.context({ caller: DM });
    const first = await answerCommand('/subscribe treasury USDT 10000', ctx);
    if (first.type !== 'subscribed') throw new Error(JSON.stringify(first));
    expect(first.outcome).toBe('created');
    expect(first.subscription.spec).toEqual({ kind: 'treasury', asset: 'USDT', minAmount: '10000' });
    expect(describeSpec(first.subscription.spec)).toBe('treasury spends and bounties of 10,000 USDT or more');
    const raised = await answerCommand('/sub treasury usdt 20,000', ctx);
    expect(raised).toMatchObject({
      type: 'subscribed',
      outcome: 'updated',
      subscription: { id: first.subscription.id, spec: { minAmount: '20000' } },
    });
    const all = await answerCommand('/subscribe treasury 500', ctx);
    if (all.type !== 'subscribed') throw new Error(JSON.stringify(all));
    expect(describeSpec(all.subscription.spec)).toBe(
      'treasury spends and bounties worth 500 KSM or more (any asset)',
    );
    const list = await answerCommand('/subscriptions', ctx);
    if (list.type !== 'subscriptions') throw new Error(list.type);
    expect(list.subscriptions.map((s) => s.key).sort()).toEqual(['treasury:all', 'treasury:usdt']);
    expect(await answerCommand('/unsubscribe treasury USDT', ctx)).toMatchObject({
      type: 'unsubscribed',
      removed: [{ id: first.subscription.id }],
      remaining: 1,
    });
  });

  it('refuses what is neither an asset nor an amount, and a zero minimum, saying why', async () => {
    const ctx = h.context({ caller: DM });
    expect(await answerCommand('/subscribe treasury 10k', ctx)).toMatchObject({
      error: { code: 'invalid-amount', message: expect.stringContaining('neither an asset symbol') },
    });
    expect(await answerCommand('/subscribe treasury KSM 0', ctx)).toMatchObject({
      error: { code: 'invalid-amount', message: expect.stringContaining('no minimum') },
    });
  });
});
