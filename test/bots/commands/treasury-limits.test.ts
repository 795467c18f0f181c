/**
 * The longest treasury and bounty answers still fit each platform: the Discord embed within 25
 * fields, 1,024 characters a field, 4,096 of description and 6,000 in all with nothing cut by the
 * clamp, every Telegram message within 4,096 characters, and each cut list says how many more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { clampEmbed, EMBED_LIMITS, embedLength } from '../../../bots/discord/limits.js';
import { renderReply as renderDiscord } from '../../../bots/discord/render/index.js';
import { renderReply as renderTelegram } from '../../../bots/telegram/render-reply.js';
import { renderText } from '../../../bots/text/index.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { startTreasuryWorld, type TreasuryWorld } from './treasury-world.js';

let world: TreasuryWorld;
beforeAll(async () => {
  world = await startTreasuryWorld(120_000, true);
}, 120_000);
afterAll(async () => {
  await world?.close();
});

function within(reply: Reply): void {
  const embed = renderDiscord(reply).embeds[0]!;
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
  for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(1_024);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
  expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  expect(clampEmbed(embed)).toEqual(embed);
  const telegram = renderTelegram(reply);
  for (const m of telegram.messages) expect(m.length).toBeLessThanOrEqual(4_096);
  expect(telegram.messages.length).toBeLessThanOrEqual(2);
}

describe('the largest treasury answers fit both platforms', () => {
  for (const line of [
    '/treasury',
    '/spends',
    '/spends expiring',
    '/spends failed',
    '/spend 105',
    '/bounties',
    '/bounties all',
    '/bounty 5',
  ])
    it(line, async () => {
      const reply = await answerCommand(line, world.context('big'));
      expect(reply.type).not.toBe('error');
      within(reply);
    });

  it('says how many more there are', async () => {
    const text = async (line: string) => renderText(await answerCommand(line, world.context('big')));
    expect(await text('/spends')).toMatch(/… and \d+ more\./);
    expect(await text('/treasury')).toMatch(/… and \d+ more: \/spends expiring/);
    expect(await text('/treasury')).toMatch(/… and \d+ more assets/);
    expect(await text('/bounties all')).toMatch(/… and \d+ more\./);
    expect(await text('/bounty 5')).toMatch(/… and 92 more child bounties/);
  });
});
