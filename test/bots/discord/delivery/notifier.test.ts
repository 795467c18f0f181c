import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscordNotifier, SlidingWindowLimiter } from '../../../../bots/discord/delivery/index.js';
import { createDiscordRest } from '../../../../bots/discord/rest.js';
import type { DeliveryTarget, NotifierMessage } from '../../../../core/ports/notifier.js';
import { componentsProblem, type FakeDiscord, startFakeDiscord } from '../../../helpers/fake-discord.js';

const CHANNEL: DeliveryTarget = { platform: 'discord', kind: 'channel', id: '111111111111111111' };
const DM: DeliveryTarget = { platform: 'discord', kind: 'dm', id: '222222222222222222' };

function alert(n: number, overrides: Partial<NotifierMessage> = {}): NotifierMessage {
  return {
    alertId: `ref:${n}:approved`,
    severity: 'info',
    title: `Referendum #${n} approved`,
    lines: [`Track small_spender`, `Ayes 71.2% · support 3.1%`],
    footer: 'data as of relay block 31,562,213 (2 min ago)',
    ...overrides,
  };
}

describe('Discord notifier over HTTP', () => {
  let fake: FakeDiscord;
  let gone: Array<{ target: DeliveryTarget; reason: string }>;
  const notifier = (extra: Partial<ConstructorParameters<typeof DiscordNotifier>[0]> = {}) =>
    new DiscordNotifier({
      rest: createDiscordRest({ token: 'test-token', api: fake.api, retries: 0 }),
      onGone: async (target, reason) => {
        gone.push({ target, reason });
      },
      ...extra,
    });

  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    gone = [];
  });

  it('posts the alerts to the channel as embeds coloured by severity, with the bot token', async () => {
    const outcomes = await notifier().send(CHANNEL, [alert(1), alert(2, { severity: 'critical' })]);
    expect(outcomes).toEqual([
      { status: 'sent', alertIds: ['ref:1:approved', 'ref:2:approved'], messageIds: [expect.any(String)] },
    ]);
    const [post] = fake.matching('POST', /^\/channels\/111111111111111111\/messages$/);
    expect(post?.headers.authorization).toBe('Bot test-token');
    const body = post?.json as {
      embeds: Array<{ title: string; description: string; color: number; footer: { text: string } }>;
      allowed_mentions: unknown;
    };
    expect(body.embeds.map((e) => e.title)).toEqual(['Referendum #1 approved', 'Referendum #2 approved']);
    expect(body.embeds[0]!.description).toBe('Track small\\_spender\nAyes 71.2% · support 3.1%');
    expect(body.embeds[0]!.color).not.toBe(body.embeds[1]!.color);
    expect(body.embeds[0]!.footer.text).toContain('relay block 31,562,213');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it("shows lines' moments as live timestamps and the data time as the embed's timestamp", async () => {
    const end = Date.UTC(2026, 6, 21, 11, 57);
    await notifier().send(CHANNEL, [
      alert(1, {
        title: 'Referendum #1: decision period ends 2026-07-21 11:57 UTC',
        lines: ['Ends 2026-07-21 11:57 UTC.'],
        spans: {
          title: ['Referendum #1: decision period ends ', { atMs: end }],
          lines: [['Ends ', { atMs: end }, '.']],
        },
        dataAtMs: Date.UTC(2026, 6, 20, 11, 57, 30),
      }),
    ]);
    const [post] = fake.matching('POST', /messages$/);
    const [embed] = (post!.json as { embeds: Array<Record<string, string>> }).embeds;
    const unix = end / 1000;
    expect(embed!.description).toBe(`Ends <t:${unix}:f> (<t:${unix}:R>).`);
    // Discord renders no timestamp in a title: it keeps the UTC minute.
    expect(embed!.title).toBe('Referendum #1: decision period ends 2026-07-21 11:57 UTC');
    expect(embed!.timestamp).toBe('2026-07-20T11:57:30.000Z');
  });

  it("sends the alerts' links as link buttons, each URL once, five to a row", async () => {
    const ref = (n: number) => ({
      links: [
        { label: `Subsquare #${n}`, url: `https://kusama.subsquare.io/referenda/${n}` },
        { label: `Polkassembly #${n}`, url: `https://kusama.polkassembly.io/referenda/${n}` },
        { label: 'not a link', url: 'ftp://example.org/x' },
      ],
    });
    const outcomes = await notifier().send(CHANNEL, [
      alert(1, ref(1)),
      alert(2, ref(1)),
      alert(3, ref(3)),
      alert(4, ref(4)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['sent']);
    const [post] = fake.matching('POST', /messages$/);
    const rows = (
      post!.json as { components: Array<{ type: number; components: Array<Record<string, unknown>> }> }
    ).components;
    expect(rows.map((r) => r.components.length)).toEqual([5, 1]);
    expect(rows.flatMap((r) => r.components.map((b) => b.label))).toEqual([
      'Subsquare #1',
      'Polkassembly #1',
      'Subsquare #3',
      'Polkassembly #3',
      'Subsquare #4',
      'Polkassembly #4',
    ]);
    expect(rows[0]!.components[0]).toEqual({
      type: 2,
      style: 5,
      label: 'Subsquare #1',
      url: 'https://kusama.subsquare.io/referenda/1',
    });
  });

  it('is checked by a fake that refuses what Discord refuses in components', () => {
    const button = {
      type: 2,
      style: 5,
      label: 'Subsquare #1',
      url: 'https://kusama.subsquare.io/referenda/1',
    };
    expect(componentsProblem([{ type: 1, components: [button] }])).toBeNull();
    expect(componentsProblem([{ type: 1, components: Array(6).fill(button) }])).not.toBeNull();
    expect(componentsProblem(Array(6).fill({ type: 1, components: [button] }))).not.toBeNull();
    expect(componentsProblem([{ type: 1, components: [{ ...button, url: 'javascript:x' }] }])).not.toBeNull();
    expect(
      componentsProblem([{ type: 1, components: [{ ...button, label: 'x'.repeat(81) }] }]),
    ).not.toBeNull();
  });

  it('starts another message rather than pass 25 buttons, so every alert keeps its links', async () => {
    const links = (n: number) =>
      Array.from({ length: 3 }, (_, i) => ({
        label: `Link ${n}.${i}`,
        url: `https://example.org/${n}/${i}`,
      }));
    const messages = Array.from({ length: 10 }, (_, n) => alert(n, { links: links(n) }));
    const outcomes = await notifier().send(CHANNEL, messages);
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    expect(outcomes.map((o) => o.alertIds.length)).toEqual([8, 2]);
    const posts = fake.matching('POST', /messages$/);
    const count = (p: (typeof posts)[number]) =>
      (p.json as { components: Array<{ components: unknown[] }> }).components.flatMap((r) => r.components)
        .length;
    expect(posts.map(count)).toEqual([24, 6]);
  });

  it('packs 12 alerts into two messages of 10 and 2, and never sends an alert twice', async () => {
    const messages = Array.from({ length: 12 }, (_, i) => alert(i));
    const outcomes = await notifier().send(CHANNEL, [...messages, alert(3)]);
    expect(outcomes.map((o) => o.alertIds.length)).toEqual([10, 2]);
    const posts = fake.matching('POST', /messages$/);
    expect(posts.map((p) => (p.json as { embeds: unknown[] }).embeds.length)).toEqual([10, 2]);
  });

  it('keeps each message under 6000 characters by cutting and splitting long alerts', async () => {
    const long = Array.from({ length: 4 }, (_, i) =>
      alert(i, { lines: ['x'.repeat(3000), 'y'.repeat(3000)] }),
    );
    const outcomes = await notifier().send(CHANNEL, long);
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    for (const post of fake.matching('POST', /messages$/)) {
      const embeds = (
        post.json as { embeds: Array<{ title: string; description: string; footer?: { text: string } }> }
      ).embeds;
      const total = embeds.reduce(
        (n, e) => n + e.title.length + e.description.length + (e.footer?.text.length ?? 0),
        0,
      );
      expect(total).toBeLessThanOrEqual(6000);
      for (const e of embeds) expect(e.description.length).toBeLessThanOrEqual(4096);
    }
  });

  it('opens the DM channel once and reuses it', async () => {
    const n = notifier();
    await n.send(DM, [alert(1)]);
    await n.send(DM, [alert(2)]);
    expect(fake.matching('POST', /^\/users\/@me\/channels$/).map((r) => r.json)).toEqual([
      { recipient_id: DM.id },
    ]);
    expect(fake.matching('POST', new RegExp(`^/channels/${fake.dmChannelOf(DM.id)}/messages$`))).toHaveLength(
      2,
    );
  });

  it("maps a long 429 to retry with Discord's delay and sends nothing more", async () => {
    fake.fail('POST', /messages$/, { status: 429, retryAfterSeconds: 30 });
    const many = Array.from({ length: 11 }, (_, i) => alert(i));
    const outcomes = await notifier().send(CHANNEL, many);
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'retry']);
    const first = outcomes[0] as { afterMs: number; reason: string };
    expect(first.afterMs).toBeGreaterThanOrEqual(30_000);
    expect(first.reason).toMatch(/rate limited/);
    expect(fake.matching('POST', /messages$/)).toHaveLength(1);
    expect(gone).toEqual([]);
  });

  it('sits out a short 429 inside @discordjs/rest and delivers', async () => {
    fake.fail('POST', /messages$/, { status: 429, retryAfterSeconds: 1 });
    const outcomes = await notifier().send(CHANNEL, [alert(1)]);
    expect(outcomes[0]?.status).toBe('sent');
    const posts = fake.matching('POST', /messages$/);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.atMs - posts[0]!.atMs).toBeGreaterThanOrEqual(900);
  });

  it.each([
    [403, 50001, /Missing Access/],
    [404, 10003, /Unknown Channel/],
  ])('maps %i (code %i) to gone, reports the target once and stops', async (status, code, reason) => {
    fake.fail('POST', /messages$/, { status: status as 403 | 404, code });
    const outcomes = await notifier().send(
      CHANNEL,
      Array.from({ length: 11 }, (_, i) => alert(i)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['gone', 'gone']);
    expect((outcomes[0] as { reason: string }).reason).toMatch(reason);
    expect(fake.matching('POST', /messages$/)).toHaveLength(1);
    expect(gone).toEqual([{ target: CHANNEL, reason: expect.stringMatching(reason) }]);
  });

  it('treats a DM that cannot be opened as gone', async () => {
    fake.fail('POST', /^\/users\/@me\/channels$/, {
      status: 403,
      code: 50007,
      message: 'Cannot send messages to this user',
    });
    const outcomes = await notifier().send(DM, [alert(1)]);
    expect(outcomes).toEqual([
      { status: 'gone', alertIds: ['ref:1:approved'], reason: expect.stringMatching(/Cannot send messages/) },
    ]);
    expect(gone.map((g) => g.target)).toEqual([DM]);
  });

  it('backs off on 5xx, doubling per consecutive failure and resetting after a success', async () => {
    const n = notifier();
    fake.fail('POST', /messages$/, { status: 500 }, 2);
    const first = await n.send(CHANNEL, [alert(1)]);
    const second = await n.send(CHANNEL, [alert(1)]);
    expect(first).toEqual([
      {
        status: 'retry',
        alertIds: ['ref:1:approved'],
        afterMs: 2_000,
        reason: expect.stringMatching(/HTTP 500/),
      },
    ]);
    expect((second[0] as { afterMs: number }).afterMs).toBe(4_000);
    expect((await n.send(CHANNEL, [alert(1)]))[0]?.status).toBe('sent');
    fake.fail('POST', /messages$/, { status: 503 });
    expect((await n.send(CHANNEL, [alert(1)]))[0]).toMatchObject({ status: 'retry', afterMs: 2_000 });
  });

  it('drops rejected content as failed without disabling the target, and carries on', async () => {
    fake.fail('POST', /messages$/, { status: 400 });
    const outcomes = await notifier().send(
      CHANNEL,
      Array.from({ length: 11 }, (_, i) => alert(i)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'sent']);
    expect(gone).toEqual([]);
  });

  it('refuses a malformed target without a request', async () => {
    const bad: DeliveryTarget[] = [
      { platform: 'telegram', kind: 'chat', id: '-100123' },
      { platform: 'discord', kind: 'chat', id: '111111111111111111' },
      { platform: 'discord', kind: 'channel', id: '../../guilds/1' },
    ];
    for (const target of bad) {
      const [outcome] = await notifier().send(target, [alert(1)]);
      expect(outcome?.status).toBe('failed');
    }
    expect(await notifier().send(CHANNEL, [])).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('reports a network failure as retry', async () => {
    const n = new DiscordNotifier({
      rest: createDiscordRest({ token: 't', api: 'http://127.0.0.1:9/api', retries: 0, timeoutMs: 2_000 }),
    });
    const [outcome] = await n.send(CHANNEL, [alert(1)]);
    expect(outcome).toMatchObject({
      status: 'retry',
      afterMs: 2_000,
      reason: expect.stringMatching(/could not reach Discord/),
    });
  });

  it('stays inside the per-channel window and answers retry when the wait would be too long', async () => {
    // The moments the limiter let each send go, by the limiter's own clock: when requests reach the
    // fake server depends on how busy the machine is, the pacing decision does not.
    const granted: number[] = [];
    let lastNow = 0;
    const clock = {
      // The last reading before a grant is the one the limiter stamps the send with.
      now: () => {
        lastNow = Date.now();
        return lastNow;
      },
      sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    };
    const limiter = new (class extends SlidingWindowLimiter {
      override async acquire(key: string, maxWaitMs: number) {
        const acquired = await super.acquire(key, maxWaitMs);
        if (acquired.ok) granted.push(lastNow);
        return acquired;
      }
    })({ limit: 50, windowMs: 1_000 }, { limit: 2, windowMs: 400 }, clock);
    const n = notifier({ limiter, maxLimiterWaitMs: 1_000 });
    for (let i = 0; i < 5; i++) expect((await n.send(CHANNEL, [alert(i)]))[0]?.status).toBe('sent');
    expect(fake.matching('POST', /messages$/)).toHaveLength(5);
    expect(granted).toHaveLength(5);
    for (let i = 2; i < granted.length; i++)
      expect(granted[i]! - granted[i - 2]!).toBeGreaterThanOrEqual(400);

    const impatient = notifier({
      limiter: new SlidingWindowLimiter({ limit: 50, windowMs: 1_000 }, { limit: 1, windowMs: 60_000 }),
      maxLimiterWaitMs: 0,
    });
    expect((await impatient.send(CHANNEL, [alert(1)]))[0]?.status).toBe('sent');
    const [limited] = await impatient.send(CHANNEL, [alert(2)]);
    expect(limited).toMatchObject({ status: 'retry', reason: expect.stringMatching(/in-process/) });
    expect((limited as { afterMs: number }).afterMs).toBeGreaterThan(59_000);
  });
});
