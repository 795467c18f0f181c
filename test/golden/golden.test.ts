/**
 * The golden test: every command of the command set (main variants and bad input) answered on the
 * `small` scenario, every alert kind's message, and the command menus, rendered as plain text, as
 * Telegram HTML and as Discord JSON and compared with the files under test/golden/files.
 * `HERALD_UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites the files.
 *
 * Deterministic by construction: the scenario is seeded, every clock is injected (the snapshot's
 * commit time, the answer time, the stores' clocks, the alert renderer's now), and each group that
 * writes uses a chat of its own in a fixed order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_NOW_MS, type AlertCase, alertCases, BARE_CONTEXT, FULL_CONTEXT } from './alert-cases.js';
import { AUTOCOMPLETE_CALLER, AUTOCOMPLETE_CASES, AUTOCOMPLETE_SETUP } from './autocomplete-cases.js';
import {
  ANSWER_AFTER_COMMIT_MS,
  COMMAND_GROUPS,
  COMMIT_DELAY_MS,
  type CommandGroup,
  type Step,
} from './command-cases.js';
import { expectGolden, json } from './golden-files.js';
import {
  CHAT_CHANGE_LINES,
  DISCORD_CALLERS,
  SLASH_INTERACTIONS,
  WRITING_COMMANDS,
} from './registry-cases.js';
import {
  ALERT_KINDS,
  alertDiscord,
  alertDiscordGroups,
  alertPlain,
  alertTelegram,
  alertTelegramGroups,
  answer,
  chatChange,
  discordAutocomplete,
  discordDefinitions,
  discordPermissionResponse,
  discordSlashRequest,
  type GoldenWorld,
  type NotifierMessage,
  type Reply,
  renderDiscord,
  renderPlain,
  renderTelegram,
  startGoldenWorld,
  type Target,
  telegramFixedMessages,
  telegramMenu,
} from './surfaces.js';

let world: GoldenWorld;
beforeAll(async () => {
  world = await startGoldenWorld(COMMIT_DELAY_MS);
}, 300_000);
afterAll(async () => {
  await world?.close();
});

interface Answered {
  label: string;
  reply: Reply;
}

function callerLabel(caller: Target | null): string {
  return caller ? `${caller.platform} ${caller.kind} ${caller.id}` : 'no chat';
}

async function play(group: CommandGroup): Promise<Answered[]> {
  const answered: Answered[] = [];
  await group.play(async (input) => {
    const step: Step = typeof input === 'string' ? { line: input } : input;
    const caller = step.caller === undefined ? group.caller : step.caller;
    const ctx = world.context({
      caller,
      now: world.committedAtMs + (step.afterCommitMs ?? ANSWER_AFTER_COMMIT_MS),
      table: step.table,
    });
    const reply = await answer(step.line, ctx);
    const line = step.label ?? lineLabel(step.line);
    const label = step.caller === undefined ? line : `${line} [${callerLabel(caller)}]`;
    answered.push({ label, reply });
    return reply;
  }, world);
  return answered;
}

const heading = (label: string) => `=== ${label} ===`;

/** A line as typed when it is plain printable text without edge spaces, else quoted as JSON. */
function lineLabel(line: unknown): string {
  return typeof line === 'string' && line !== '' && line === line.trim() && /^[\x20-\x7e]*$/.test(line)
    ? line
    : JSON.stringify(line);
}

function plainFile(answered: Answered[]): string {
  return answered.map((a) => `${heading(a.label)}\n${renderPlain(a.reply)}\n`).join('\n');
}

function telegramFile(answered: Answered[]): string {
  return answered
    .map((a) => {
      const t = renderTelegram(a.reply);
      const out = [heading(a.label)];
      t.messages.forEach((m, i) => {
        out.push(`--- message ${i + 1}/${t.messages.length} ---`, m);
      });
      out.push('--- keyboard ---', JSON.stringify(t.keyboard));
      if (t.photo)
        out.push(
          '--- photo ---',
          `file: ${t.photo.fileName}`,
          'caption:',
          t.photo.caption ?? '(none: the text went before it)',
        );
      return `${out.join('\n')}\n`;
    })
    .join('\n');
}

function discordFile(answered: Answered[]): string {
  return json(answered.map((a) => ({ case: a.label, ...renderDiscord(a.reply) })));
}

describe('golden: commands on the small scenario', () => {
  for (const group of COMMAND_GROUPS) {
    it(group.name, async () => {
      const answered = await play(group);
      expectGolden(`commands/${group.name}.txt`, plainFile(answered));
      expectGolden(`commands/${group.name}.telegram.html`, telegramFile(answered));
      expectGolden(`commands/${group.name}.discord.json`, discordFile(answered));
    });
  }
});

describe('golden: Discord autocomplete on the small scenario', () => {
  it('offers referenda, watched addresses, subscriptions and alert kinds', async () => {
    const now = world.committedAtMs + ANSWER_AFTER_COMMIT_MS;
    const contextFor = (caller: Target | null) => world.context({ caller, now });
    for (const { line, caller } of AUTOCOMPLETE_SETUP) {
      const reply = await answer(line, contextFor(caller));
      if (reply.type !== 'subscribed') throw new Error(`${line}: ${renderPlain(reply)}`);
    }
    const rows = [];
    for (const c of AUTOCOMPLETE_CASES)
      rows.push({
        case: c.name,
        choices: await discordAutocomplete(contextFor, c.data, AUTOCOMPLETE_CALLER),
      });
    const cleanup = await Promise.all(
      [...new Set(AUTOCOMPLETE_SETUP.map((s) => s.caller))].map((c) =>
        answer('/unsubscribe all', contextFor(c)),
      ),
    );
    expect(cleanup.map((r) => r.type)).toEqual(cleanup.map(() => 'unsubscribed'));
    expectGolden('commands/discord-autocomplete.json', json(rows));
  });
});

describe('golden: what the registries rebuild', () => {
  it('the Discord slash-command definitions', () => {
    expectGolden('registry/discord-definitions.json', json(discordDefinitions()));
  });
  it('the Telegram command menu', () => {
    expectGolden('registry/telegram-menu.json', json(telegramMenu()));
  });
  it("which lines change a chat's alerts (the admin check)", () => {
    expectGolden(
      'registry/chat-changes.json',
      json(CHAT_CHANGE_LINES.map((line) => ({ line, changes: chatChange(line) }))),
    );
  });
  it('the command line each Discord slash interaction runs', () => {
    expectGolden(
      'registry/discord-slash-lines.json',
      json(SLASH_INTERACTIONS.map((data) => ({ data, request: discordSlashRequest(data) }))),
    );
  });
  it("who may change a Discord channel's alerts, and what the others are told", () => {
    const rows = DISCORD_CALLERS.flatMap((c) =>
      (['here', 'dm'] as const).flatMap((scope) =>
        WRITING_COMMANDS.map((command) => ({
          caller: c.name,
          scope,
          command,
          response: discordPermissionResponse(c.interaction, scope, command),
        })),
      ),
    );
    expectGolden('registry/discord-permissions.json', json(rows));
  });
  it("the Telegram bot's own words", () => {
    const html = Object.entries(telegramFixedMessages()).map(([name, text]) => `${heading(name)}\n${text}\n`);
    expectGolden('registry/telegram-messages.html', html.join('\n'));
  });
});

interface RenderedAlert {
  c: AlertCase;
  message: NotifierMessage;
}

/** The file an alert case goes to: its kind, or "long". */
const fileOf = (c: AlertCase) => c.name.split(' ')[0]!;

describe('golden: alerts', () => {
  const cases = alertCases();
  const rendered: RenderedAlert[] = cases.map((c) => ({
    c,
    message: alertPlain(c.alert, c.context === 'full' ? FULL_CONTEXT : BARE_CONTEXT),
  }));

  it('has a case for every alert kind', () => {
    expect(new Set(cases.map((c) => c.alert.facts.kind))).toEqual(new Set(ALERT_KINDS));
    expect(ALERT_NOW_MS).toBe(Date.UTC(2026, 6, 20, 12));
  });

  for (const file of [...new Set(cases.map(fileOf))]) {
    it(file, () => {
      const mine = rendered.filter((r) => fileOf(r.c) === file);
      expectGolden(`alerts/${file}.json`, json(mine.map((r) => ({ case: r.c.name, message: r.message }))));
      const html = mine.map((r) => {
        const parts = alertTelegram(r.message, r.c.telegramLimit);
        const out = [heading(r.c.name)];
        parts.forEach((p, i) => {
          out.push(`--- part ${i + 1}/${parts.length} ---`, p);
        });
        return `${out.join('\n')}\n`;
      });
      expectGolden(`alerts/${file}.telegram.html`, html.join('\n'));
      expectGolden(
        `alerts/${file}.discord.json`,
        json(mine.map((r) => ({ case: r.c.name, embed: alertDiscord(r.message) }))),
      );
    });
  }

  it('grouped into messages for one chat (a repeated alert id is sent once)', () => {
    const messages = rendered.map((r) => r.message);
    const withRepeat = [...messages.slice(0, 3), messages[0]!, ...messages.slice(3)];
    const telegram = alertTelegramGroups(withRepeat) as Array<{ alertIds: string[]; parts: string[] }>;
    const html = telegram.map((g, i) => {
      const out = [heading(`message group ${i + 1}/${telegram.length}: ${g.alertIds.join(', ')}`)];
      g.parts.forEach((p, j) => {
        out.push(`--- part ${j + 1}/${g.parts.length} ---`, p);
      });
      return `${out.join('\n')}\n`;
    });
    expectGolden('alerts/grouped.telegram.html', html.join('\n'));
    expectGolden('alerts/grouped.discord.json', json(alertDiscordGroups(withRepeat)));
  });
});
