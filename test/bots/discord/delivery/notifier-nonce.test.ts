import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  alertMessageNonce,
  DiscordNotifier,
  NONCE_MAX_LENGTH,
} from '../../../../bots/discord/delivery/index.js';
import { createDiscordRest } from '../../../../bots/discord/rest.js';
import type { DeliveryTarget, NotifierMessage } from '../../../../core/ports/notifier.js';
import { type FakeDiscord, startFakeDiscord } from '../../../helpers/fake-discord.js';

const CHANNEL: DeliveryTarget = { platform: 'discord', kind: 'channel', id: '111111111111111111' };
const OTHER: DeliveryTarget = { platform: 'discord', kind: 'channel', id: '333333333333333333' };
const DM: DeliveryTarget = { platform: 'discord', kind: 'dm', id: '111111111111111111' };

const alert = (n: number): NotifierMessage => ({
  alertId: `ref:${n}:approved`,
  severity: 'info',
  title: `Referendum #${n} approved`,
  lines: ['Track root'],
});

describe('alertMessageNonce', () => {
  it('is at most 25 characters, starts with a letter, and depends on the target and the set of alerts only', () => {
    const ids = ['ref:1:approved', 'deadline:2:decision:24h'];
    const nonce = alertMessageNonce(CHANNEL, ids);
    expect(nonce).toMatch(/^a[A-Za-z0-9_-]+$/);
    expect(nonce.length).toBeLessThanOrEqual(NONCE_MAX_LENGTH);
    expect(alertMessageNonce({ ...CHANNEL }, [...ids].reverse())).toBe(nonce);
    expect(alertMessageNonce(CHANNEL, [...ids, ids[0]!])).toBe(nonce);
    const others = [
      alertMessageNonce(OTHER, ids),
      alertMessageNonce(DM, ids),
      alertMessageNonce(CHANNEL, ids.slice(0, 1)),
      alertMessageNonce(CHANNEL, [...ids, 'ref:3:approved']),
    ];
    expect(new Set([nonce, ...others]).size).toBe(5);
  });
});

describe('Discord notifier nonces over HTTP', () => {
  let fake: FakeDiscord;
  const notifier = () =>
    new DiscordNotifier({ rest: createDiscordRest({ token: 'test-token', api: fake.api, retries: 0 }) });

  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('posts every message with its enforced nonce; a second process sending the same alerts gets the same message', async () => {
    const first = await notifier().send(CHANNEL, [alert(1), alert(2)]);
    const again = await notifier().send(CHANNEL, [alert(2), alert(1)]);
    expect(first).toEqual([
      { status: 'sent', alertIds: ['ref:1:approved', 'ref:2:approved'], messageIds: [expect.any(String)] },
    ]);
    expect(again).toEqual([
      {
        status: 'sent',
        alertIds: ['ref:2:approved', 'ref:1:approved'],
        messageIds: (first[0] as { messageIds: string[] }).messageIds,
      },
    ]);
    const posts = fake
      .matching('POST', /messages$/)
      .map((p) => p.json as { nonce: string; enforce_nonce: boolean });
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => p.enforce_nonce)).toEqual([true, true]);
    expect(posts[0]!.nonce).toBe(alertMessageNonce(CHANNEL, ['ref:1:approved', 'ref:2:approved']));
    expect(posts[1]!.nonce).toBe(posts[0]!.nonce);
    expect(fake.created()).toHaveLength(1);
  });

  it('gives each part of a long alert job, each target and each set of alerts a nonce of its own', async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => alert(i));
    const outcomes = await notifier().send(CHANNEL, twelve);
    expect(outcomes.map((o) => o.alertIds.length)).toEqual([10, 2]);
    await notifier().send(OTHER, twelve);
    await notifier().send(DM, twelve);
    await notifier().send(CHANNEL, [alert(0)]);
    const nonces = fake.matching('POST', /messages$/).map((p) => (p.json as { nonce: string }).nonce);
    expect(nonces).toHaveLength(7);
    expect(new Set(nonces).size).toBe(7);
    // The fake matches nonces per author across channels, so a shared nonce would have lost a message.
    expect(fake.created()).toHaveLength(7);
    expect(fake.created(OTHER.id)).toHaveLength(2);
    expect(fake.created(fake.dmChannelOf(DM.id))).toHaveLength(2);
  });

  it('when the answer is lost after Discord created the message, the retry gets that message, not a second one', async () => {
    const n = notifier();
    fake.fail('POST', /messages$/, { status: 500, afterCreate: true });
    const [lost] = await n.send(CHANNEL, [alert(5)]);
    expect(lost).toMatchObject({ status: 'retry' });
    expect(fake.created()).toHaveLength(1);
    const [retried] = await n.send(CHANNEL, [alert(5)]);
    expect(retried).toEqual({
      status: 'sent',
      alertIds: ['ref:5:approved'],
      messageIds: [fake.created()[0]!.id],
    });
    expect(fake.created()).toHaveLength(1);
  });

  it('the fake keeps a nonce only for its window, and rejects one longer than 25 characters', async () => {
    const short = await startFakeDiscord({ nonceWindowMs: 150 });
    try {
      const rest = createDiscordRest({ token: 'test-token', api: short.api, retries: 0 });
      const post = (nonce: string) =>
        rest.post(`/channels/${CHANNEL.id}/messages`, {
          body: { content: 'x', nonce, enforce_nonce: true },
        }) as Promise<{
          id: string;
        }>;
      const a = await post('n1');
      expect((await post('n1')).id).toBe(a.id);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect((await post('n1')).id).not.toBe(a.id);
      await expect(post('x'.repeat(26))).rejects.toThrow(/Invalid Form Body/);
      expect(short.created()).toHaveLength(2);
    } finally {
      await short.close();
    }
  });
});
