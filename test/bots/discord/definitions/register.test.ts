import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../../bots/commands/registry.js';
import {
  registerSlashCommands,
  slashCommandDefinitions,
} from '../../../../bots/discord/definitions/index.js';
import { DiscordConfigError } from '../../../../bots/discord/errors.js';
import { createDiscordRest } from '../../../../bots/discord/rest.js';
import { type FakeDiscord, startFakeDiscord } from '../../../helpers/fake-discord.js';

type Option = {
  name: string;
  type: number;
  min_value?: number;
  max_value?: number;
  autocomplete?: boolean;
  required?: boolean;
  choices?: Array<{ name: string; value: string }>;
  options?: Option[];
};

const MANAGE_CHANNELS = String(1n << 4n);

describe('slash command definitions', () => {
  const defs = slashCommandDefinitions();
  const byName = new Map(defs.map((d) => [d.name, d]));
  const options = (name: string) => (byName.get(name)?.options ?? []) as Option[];

  it('cover the whole command set but /start (Telegram only), plus /alerts for DMs', () => {
    const shared = COMMANDS.map((c) => c.help.name).filter((n) => n !== 'start');
    expect(defs.map((d) => d.name).sort()).toEqual([...shared, 'alerts'].sort());
    for (const d of defs) {
      expect(d.contexts).toEqual([0, 1]);
      expect(d.integration_types).toEqual([0]);
      expect(d.description.length).toBeGreaterThan(0);
    }
  });

  it("require Manage Channels to change a channel's alerts, and nothing for /alerts, /missed or reading", () => {
    for (const changing of ['subscribe', 'unsubscribe', 'quiet', 'mute', 'unmute'])
      expect(byName.get(changing)?.default_member_permissions, changing).toBe(MANAGE_CHANNELS);
    for (const open of ['alerts', 'stake', 'referendum', 'subscriptions', 'missed'])
      expect(byName.get(open)?.default_member_permissions ?? null, open).toBeNull();
  });

  it('offer the alert settings: /quiet set|off|show|default, kinds with autocomplete, /missed hours bounded', () => {
    expect(options('quiet').map((o) => o.name)).toEqual(['set', 'off', 'show', 'default']);
    const sub = (name: string) => options('quiet').find((o) => o.name === name)!;
    expect(sub('set').options?.map((o) => [o.name, o.type, o.required ?? false])).toEqual([
      ['from', 3, true],
      ['to', 3, true],
      ['utc', 3, false],
      ['all', 5, false],
      ['subscription', 3, false],
    ]);
    // Every settings command may name one subscription (autocompleted); "default" is only about one.
    for (const name of ['off', 'show'])
      expect(sub(name).options).toEqual([
        expect.objectContaining({ name: 'subscription', type: 3, autocomplete: true, required: false }),
      ]);
    expect(sub('default').options).toEqual([
      expect.objectContaining({ name: 'subscription', type: 3, autocomplete: true, required: true }),
    ]);
    for (const name of ['mute', 'unmute']) {
      expect(options(name)[0]).toMatchObject({ name: 'kinds', type: 3, required: true, autocomplete: true });
      expect(options(name)[1]).toMatchObject({ name: 'subscription', type: 3, autocomplete: true });
      expect(options(name)[1]?.required ?? false).toBe(false);
    }
    expect(options('missed')[0]).toMatchObject({ name: 'hours', type: 4, min_value: 1, max_value: 168 });
    expect(options('missed')[0]?.required ?? false).toBe(false);
  });

  it('offer track choices, and autocomplete for referendum ids and addresses', () => {
    const track = options('referenda').find((o) => o.name === 'track')!;
    expect(track.choices?.map((c) => c.value)).toContain('small_spender');
    expect(track.choices).toHaveLength(16);
    expect(options('referendum')[0]).toMatchObject({
      name: 'id',
      type: 4,
      autocomplete: true,
      required: true,
    });
    expect(options('stake')[0]).toMatchObject({ name: 'address', autocomplete: true, required: true });
    const deadlines = options('subscribe').find((o) => o.name === 'deadlines')!;
    expect(deadlines.options?.find((o) => o.name === 'referendum')?.autocomplete).toBe(true);
    expect(options('alerts').map((o) => o.name)).toEqual([
      'referenda',
      'deadlines',
      'address',
      'cards',
      'treasury',
      'coretime',
      'para',
      'remove',
      'list',
    ]);
  });
});

describe('registration through @discordjs/rest', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('puts the definitions globally or in one guild, with the bot token', async () => {
    const rest = createDiscordRest({ token: 'bot-token', api: fake.api });
    const global = await registerSlashCommands({ rest, applicationId: '1300000000000000001', guildId: null });
    expect(global.scope).toBe('global');
    expect(global.commands.map((c) => c.name)).toEqual(slashCommandDefinitions().map((d) => d.name));
    const guild = await registerSlashCommands({
      rest,
      applicationId: '1300000000000000001',
      guildId: '1300000000000000002',
    });
    expect(guild.scope).toEqual({ guild: '1300000000000000002' });
    const puts = fake.matching('PUT', /commands$/);
    expect(puts.map((p) => p.route)).toEqual([
      '/applications/1300000000000000001/commands',
      '/applications/1300000000000000001/guilds/1300000000000000002/commands',
    ]);
    expect(puts[0]!.headers.authorization).toBe('Bot bot-token');
    expect(puts[0]!.json).toEqual(slashCommandDefinitions());
  });

  it('refuses malformed ids before calling Discord', async () => {
    const rest = createDiscordRest({ token: 'bot-token', api: fake.api });
    fake.reset();
    await expect(registerSlashCommands({ rest, applicationId: 'my-app', guildId: null })).rejects.toThrow(
      DiscordConfigError,
    );
    await expect(
      registerSlashCommands({ rest, applicationId: '1300000000000000001', guildId: '12' }),
    ).rejects.toThrow(/guild id/);
    expect(fake.requests).toHaveLength(0);
  });
});
