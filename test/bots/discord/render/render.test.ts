import { describe, expect, it } from 'vitest';
import { COMMAND_SET } from '../../../../bots/commands/parse.js';
import { commandRequest } from '../../../../bots/discord/interactions/index.js';
import { clampEmbed, clip, embedLength } from '../../../../bots/discord/limits.js';
import {
  actionRows,
  buttonId,
  COLOURS,
  parseButtonId,
  renderReply,
  SEVERITY_COLOURS,
} from '../../../../bots/discord/render/index.js';
import { helpReply } from '../../../../core/reply/builders.js';
import type { Freshness } from '../../../../core/reply/freshness.js';
import type { MissedReply, Reply, StatusReply } from '../../../../core/reply/reply-types.js';

const fresh: Freshness = {
  relayBlock: 31_562_213,
  assetHubBlock: 11_900_000,
  chainTimeMs: 1_780_000_000_000,
  snapshotAtMs: 1_780_000_060_000,
  ageMs: 120_000,
  stale: false,
  staleAfterMs: 900_000,
  version: 12,
};

describe('Discord limits', () => {
  it('cuts an oversized embed to 25 fields, 1024 per value and 6000 in all', () => {
    const embed = clampEmbed({
      title: 'T'.repeat(300),
      description: 'D'.repeat(5000),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `field ${i}`, value: 'v'.repeat(2000) })),
      footer: { text: 'F'.repeat(3000) },
    });
    expect(embed.title).toHaveLength(256);
    expect(embed.fields!.length).toBeLessThanOrEqual(25);
    for (const f of embed.fields!) expect(f.value.length).toBeLessThanOrEqual(1024);
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
  });

  it('never splits a surrogate pair and never leaves a field empty', () => {
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clampEmbed({ fields: [{ name: ' ', value: '' }] }).fields).toEqual([{ name: '—', value: '—' }]);
  });
});

describe('data age', () => {
  const status = (f: Freshness): StatusReply => ({
    type: 'status',
    freshness: f,
    actions: [],
    attachments: [],
    version: 12,
    committedAtMs: f.snapshotAtMs,
    anchor: {
      blockHash: `0x${'ab'.repeat(32)}`,
      blockNumber: 11_900_000,
      relayBlock: 31_562_213,
      timestampMs: f.chainTimeMs,
      specVersion: 2_003_000,
      genesisHash: `0x${'00'.repeat(32)}`,
    },
    activeEra: 9810,
    counts: { validators: 16, nominators: 607, poolMembers: 40, referenda: 40, accounts: 665 },
    runtime: null,
    warnings: ['People chain unreachable: names are 2h old'],
  });

  it('states the relay block and age in the footer, and warns plainly when stale', () => {
    const ok = renderReply(status(fresh)).embeds[0]!;
    expect(ok.footer?.text).toBe(
      'Data as of relay block #31,562,213 (Asset Hub #11,900,000), snapshot 2m old, taken 2026-05-28 20:27 UTC.',
    );
    expect(ok.timestamp).toBe(new Date(fresh.snapshotAtMs).toISOString());
    expect(ok.color).toBe(COLOURS.status);
    expect(ok.description).toContain('**Data:** fresh, 2m old \\(stale after 15m\\)');
    expect(ok.description).toContain('**Snapshot:** version 12, taken <t:1780000060:f> (<t:1780000060:R>)');
    expect(ok.description).toContain('⚠️ People chain unreachable: names are 2h old');
    const stale = renderReply(status({ ...fresh, ageMs: 2_520_000, stale: true })).embeds[0]!;
    expect(stale.description).toMatch(
      /^⚠️ \*\*WARNING: stale data\. The last snapshot is 42m old, older than 15m;.*\*\*\n\n/s,
    );
    expect(stale.color).toBe(COLOURS.stale);
  });

  it('shows /missed with a field per alert, its times as <t:…> markers, coloured when one failed', () => {
    const missed: MissedReply = {
      type: 'missed',
      freshness: fresh,
      actions: [],
      attachments: [],
      target: { platform: 'discord', kind: 'channel', id: '42' },
      hours: 24,
      nowMs: 1_780_000_200_000,
      sinceMs: 1_779_913_800_000,
      rows: [
        {
          message: {
            alertId: 'ref:7:submitted',
            title: 'Referendum #7 submitted',
            lines: ['Root (track 0)', 'Decision period ends 2026-05-29 20:00 UTC'],
            spans: {
              title: ['Referendum #7 submitted'],
              lines: [['Root (track 0)'], ['Decision period ends ', { atMs: 1_780_084_800_000 }]],
            },
            severity: 'info',
          },
          state: 'failed',
          error: '403: Missing Access',
          nextAtMs: null,
          attempts: 3,
          detectedAtMs: 1_780_000_100_000,
        },
      ],
      limit: 20,
      more: false,
    };
    const embed = renderReply(missed).embeds[0]!;
    expect(embed.title).toBe('Alerts in this Discord channel in the last 24 hours: 1, newest first');
    expect(embed.fields).toEqual([
      {
        name: 'Referendum #7 submitted',
        value:
          'Root \\(track 0\\)\nDecision period ends <t:1780084800:f> (<t:1780084800:R>)\n**State:** failed: 403: Missing Access\n**Detected:** <t:1780000100:f> (<t:1780000100:R>)',
      },
    ]);
    expect(embed.color).toBe(SEVERITY_COLOURS.warning);
  });

  it('renders the help reply without a data age (it does not rest on the snapshot)', () => {
    const message = renderReply(helpReply(null, COMMAND_SET.specs, fresh));
    expect(message.ephemeral).toBe(false);
    expect(message.embeds[0]!.footer).toBeUndefined();
    expect(message.embeds[0]!.description).toContain('/alerts');
  });
});

describe('buttons', () => {
  it('round-trip the command line and mode, and refuse anything else', () => {
    const id = buttonId('d', '/sub deadlines #412')!;
    expect(parseButtonId(id)).toEqual({ mode: 'd', line: '/sub deadlines #412' });
    for (const bad of [null, 42, 'h1:x:/era', 'h1:d/era', 'h1:d:era', 'other', `h1:u:/${'a'.repeat(120)}`])
      expect(parseButtonId(bad)).toBeNull();
    expect(buttonId('u', `/${'a'.repeat(120)}`)).toBeNull();
  });

  it('lay out at most 5 a row, without duplicates', () => {
    const actions = Array.from({ length: 7 }, (_, i) => ({
      type: 'open-referendum' as const,
      referendum: i,
      command: `/referendum ${i}`,
    }));
    const reply = {
      ...helpReply(null, COMMAND_SET.specs, fresh),
      actions: [...actions, actions[0]!],
    } as Reply;
    const rows = actionRows(reply);
    expect(rows.map((r) => r.components.length)).toEqual([5, 2]);
    expect(rows[0]!.components[0]).toMatchObject({ label: '#0', custom_id: 'h1:o:/referendum 0' });
  });
});

describe('options to command lines', () => {
  const opt = (name: string, value: unknown, type = 3) => ({ name, type, value });
  it('maps every option into the line the shared parser reads', () => {
    expect(
      commandRequest({
        name: 'alerts',
        options: [
          {
            name: 'deadlines',
            type: 1,
            options: [opt('track', 'small_spender'), opt('referendum', 412, 4), opt('lead', '2d,6h')],
          },
        ],
      }),
    ).toEqual({
      line: '/subscribe deadlines small_spender #412 2d,6h',
      scope: 'dm',
      writes: expect.objectContaining({ name: 'subscribe' }),
    });
    expect(
      commandRequest({ name: 'referenda', options: [opt('status', 'deciding'), opt('page', 2, 4)] }).line,
    ).toBe('/referenda deciding page 2');
    expect(commandRequest({ name: 'unsubscribe', options: [opt('which', 'r1x9kq')] })).toEqual({
      line: '/unsubscribe r1x9kq',
      scope: 'here',
      writes: expect.objectContaining({ name: 'unsubscribe' }),
    });
    expect(commandRequest({ name: 'alerts', options: [{ name: 'list', type: 1 }] }).line).toBe(
      '/subscriptions',
    );
    expect(commandRequest({ name: 'stake', options: 'junk' }).line).toBe('/stake');
    expect(commandRequest({}).line).toBe('/');
  });

  it('never turns the option values of a name it did not register into words of the command', () => {
    // A name nothing resolves to: the parser answers it as unknown, without its options.
    expect(commandRequest({ name: 'weather', options: [opt('city', 'Zug')] }).line).toBe('/weather');
    // An alias or letter case: read through the command's own options, unknown ones dropped.
    expect(commandRequest({ name: 'MUTE', options: [opt('reason', 'staking for r1x9kq')] }).line).toBe(
      '/mute',
    );
    expect(commandRequest({ name: 'Unsubscribe', options: [opt('which', 'r1x9kq')] }).line).toBe(
      '/unsubscribe r1x9kq',
    );
    expect(commandRequest({ name: 'sub', options: [opt('which', 'referenda all')] }).line).not.toContain(
      'all',
    );
  });
});
