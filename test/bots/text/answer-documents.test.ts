import { describe, expect, it } from 'vitest';
import { renderReply as discordReply } from '../../../bots/discord/render/index.js';
import { renderReply as telegramReply } from '../../../bots/telegram/render-reply.js';
import { renderText } from '../../../bots/text/render.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { Freshness } from '../../../core/reply/freshness.js';
import type { AlertSettingsReply, SubscriptionsReply } from '../../../core/reply/reply-types.js';

const ADDRESS = 'EXd2LJyKL1ofGsaJnx1vHvUY5cxt2repy842WxrHqdE7WVd';
const PAUSED_AT = Date.UTC(2026, 6, 16, 12, 0);
const fresh: Freshness = {
  relayBlock: 31_562_213,
  assetHubBlock: 11_900_000,
  chainTimeMs: Date.UTC(2026, 6, 16, 14, 0),
  snapshotAtMs: Date.UTC(2026, 6, 16, 14, 0),
  ageMs: 60_000,
  stale: false,
  staleAfterMs: 900_000,
  version: 3,
};

const discord: DeliveryTarget = { platform: 'discord', kind: 'channel', id: '42' };
const telegram: DeliveryTarget = { platform: 'telegram', kind: 'chat', id: '-100' };

function subscriptions(target: DeliveryTarget): SubscriptionsReply {
  return {
    type: 'subscriptions',
    freshness: fresh,
    actions: [],
    attachments: [],
    names: { [ADDRESS]: { display: 'Alice', verified: true, sub: null } },
    target,
    limit: 25,
    disabled: { reason: 'the bot was removed', atMs: PAUSED_AT },
    settings: { muted: ['era-paid'], quietHours: null },
    ownSettings: {},
    subscriptions: [
      {
        id: 'as2cv9',
        key: `address:${ADDRESS}`,
        spec: { kind: 'address', address: ADDRESS },
        createdBy: 'u',
        createdAtMs: 0,
        updatedAtMs: 0,
      },
    ],
  };
}

describe('the answers once worded per platform', () => {
  it('/subscriptions says the same facts on all three, the address by its name and the pause as a moment', () => {
    const text = renderText(subscriptions(telegram));
    expect(text).toContain('Subscriptions in this Telegram chat: 1 of 25');
    expect(text).toContain('as2cv9 staking and governance events of Alice ✓ (EXd2LJ');
    expect(text).toContain(
      '! Alerts here are paused since 2026-07-16 12:00 UTC (2h ago): the bot was removed.',
    );
    expect(text).toContain('  Muted: era-paid.');

    const html = telegramReply(subscriptions(telegram)).messages.join('\n');
    expect(html).toContain('<code>as2cv9</code> staking and governance events of Alice ✓ (EXd2LJ');
    expect(html).toContain(
      '⚠️ Alerts here are paused since 2026-07-16 12:00 UTC (2h ago): the bot was removed.',
    );

    const embed = discordReply(subscriptions(discord)).embeds[0]!;
    expect(embed.title).toBe('Subscriptions in this Discord channel: 1 of 25');
    expect(embed.description).toContain('`as2cv9` staking and governance events of Alice ✓ (`EXd2LJ');
    const paused = Math.floor(PAUSED_AT / 1000);
    expect(embed.description).toContain(`⚠️ Alerts here are paused since <t:${paused}:f> (<t:${paused}:R>)`);
    expect(embed.fields).toEqual([
      { name: 'For all of this channel', value: '**Quiet hours:** none.\n**Muted:** era\\-paid.' },
    ]);
  });

  it("the settings say how to change them in each platform's own command syntax", () => {
    const shown = (target: DeliveryTarget): AlertSettingsReply => ({
      type: 'alert-settings',
      freshness: fresh,
      actions: [],
      attachments: [],
      target,
      action: 'shown',
      changed: false,
      kinds: [],
      settings: { muted: [], quietHours: null },
      subscription: null,
    });
    expect(renderText(shown(telegram))).toContain('add "for <id>" (from /subscriptions)');
    const embed = discordReply(shown(discord)).embeds[0]!;
    expect(embed.description).toContain('their subscription option changes one subscription only');
    expect(embed.description).not.toContain('for <id');
  });

  it('errors are shown only to the caller on Discord, without buttons, and carry no data age anywhere', () => {
    const error = {
      type: 'error' as const,
      freshness: fresh,
      actions: [{ type: 'unsubscribe' as const, subscriptionId: 'as2cv9', command: '/unsub as2cv9' }],
      attachments: [],
      command: 'mute',
      error: { code: 'unknown-kind', message: '"weather" is not a kind of alert.', hint: '/mute staking' },
      usage: '/mute <kind…> [for <id>]',
    } as const;
    const message = discordReply(error as never);
    expect(message.ephemeral).toBe(true);
    expect(message.components).toEqual([]);
    expect(message.embeds[0]!.footer).toBeUndefined();
    expect(renderText(error as never)).toMatch(
      /^\/mute: that did not work\n"weather" is not a kind of alert\.\nTry: \/mute staking\nUsage: \/mute <kind…> \[for <id>\]\n/,
    );
    expect(renderText(error as never)).not.toContain('Data as of');
  });
});
