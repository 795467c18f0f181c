import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js';
import { type LimitProxy, startLimitProxy } from './limit-proxy.js';

describe("the Discord limit proxy's rate-limit headers", () => {
  let discord: FakeDiscord;
  let proxy: LimitProxy;
  beforeAll(async () => {
    discord = await startFakeDiscord();
    proxy = await startLimitProxy({
      upstream: discord.api.replace(/\/api$/, ''),
      global: { limit: 50, windowMs: 1_000 },
      perKey: { limit: 2, windowMs: 60_000 },
      keyOf: (method, path) =>
        method === 'POST' ? (/\/channels\/([0-9]+)\/messages$/.exec(path)?.[1] ?? null) : null,
      rateLimitHeaders: true,
    });
  });
  afterAll(async () => {
    await proxy.close();
    await discord.close();
  });

  it("counts a channel's bucket down in its headers and answers 429 with them once it is empty", async () => {
    const post = () =>
      fetch(`${proxy.url}/api/v10/channels/123/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bot t' },
        body: JSON.stringify({ content: 'hello' }),
      });
    const answers = [await post(), await post(), await post()];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['1', '0', '0']);
    expect(answers[0]!.headers.get('x-ratelimit-limit')).toBe('2');
    expect(answers[0]!.headers.get('x-ratelimit-bucket')).toBe('channel-messages-123');
    expect(Number(answers[2]!.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
    expect(answers[2]!.headers.get('retry-after')).not.toBeNull();
    expect(answers[2]!.headers.get('x-ratelimit-global')).toBeNull();
    expect(proxy.violations()).toBe(1);
  });
});
