/**
 * Deadline alerts carry the referendum's voting pages and a button that runs `/calldata <id>`:
 * the rule's message, and how each platform's alert renderer turns the command into a button that
 * the bot's own button handling runs (Telegram callback data, a Discord custom id).
 */
import { describe, expect, it } from 'vitest';
import { groupAlerts as discordGroups } from '../../../bots/discord/delivery/index.js';
import { parseButtonId } from '../../../bots/discord/render/index.js';
import { alertKeyboard, groupAlerts as telegramGroups } from '../../../bots/telegram/alert-html.js';
import { callDataButton, voteButtons } from '../../../core/alerts/alert-links.js';
import { refDeadline } from '../../../core/alerts/rules/ref-deadline.js';
import type { NotifierMessage } from '../../../core/ports/notifier.js';

const wording = { track: (t: number) => `track ${t}`, account: (a: string) => a };

function deadline(referendum: number, lead: number): NotifierMessage {
  const worded = refDeadline.message(
    {
      kind: 'ref-deadline',
      referendum,
      track: 32,
      deadline: 'decision',
      end: { block: 31_600_000, atMs: Date.UTC(2026, 6, 21) },
      leadMinutes: lead,
      remainingMs: lead * 60_000,
    },
    wording,
  );
  return {
    alertId: `ref:${referendum}:deadline:decision:${lead}`,
    severity: 'warning',
    title: 'Referendum deadline',
    lines: ['Ends soon'],
    ...(worded.links ? { links: worded.links } : {}),
    ...(worded.commands ? { commands: worded.commands } : {}),
  };
}

describe('deadline alert buttons', () => {
  it('the rule links the voting pages and asks for the call data', () => {
    const m = deadline(412, 60);
    expect(m.links).toEqual([
      { label: 'Vote on Subsquare #412', url: 'https://kusama.subsquare.io/referenda/412' },
      { label: 'Vote on Polkassembly #412', url: 'https://kusama.polkassembly.io/referenda/412' },
    ]);
    expect(m.commands).toEqual([{ label: 'Call data to vote #412', command: '/calldata 412' }]);
    expect(voteButtons(7).map((l) => l.url)).toEqual([
      'https://kusama.subsquare.io/referenda/7',
      'https://kusama.polkassembly.io/referenda/7',
    ]);
    expect(callDataButton(7).command).toBe('/calldata 7');
  });

  it('Telegram: a callback button running the line, once per message, beside the URL buttons', () => {
    const groups = telegramGroups([deadline(412, 60), deadline(412, 1440), deadline(413, 60)], { nowMs: 0 });
    expect(groups).toHaveLength(1);
    const keyboard = alertKeyboard(groups[0]!.buttons).inline_keyboard.flat();
    expect(keyboard.filter((b) => 'callback_data' in b)).toEqual([
      { text: 'Call data to vote #412', callback_data: '/calldata 412' },
      { text: 'Call data to vote #413', callback_data: '/calldata 413' },
    ]);
    expect(keyboard.filter((b) => 'url' in b)).toHaveLength(4);
  });

  it('Telegram: a line longer than 64 bytes of callback data gets no button', () => {
    const long = {
      ...deadline(412, 60),
      commands: [{ label: 'Too long', command: `/calldata ${'9'.repeat(60)}` }],
    };
    const keyboard = alertKeyboard(telegramGroups([long], { nowMs: 0 })[0]!.buttons).inline_keyboard.flat();
    expect(keyboard.some((b) => 'callback_data' in b)).toBe(false);
    expect(keyboard).toHaveLength(2);
  });

  it('Discord: a button whose custom id the interaction handler reads back as the line', () => {
    const [group] = discordGroups([deadline(412, 60), deadline(412, 1440)]);
    const buttons = group!.components.flatMap((row) => row.components);
    const commands = buttons.filter((b) => 'custom_id' in b);
    expect(commands).toHaveLength(1);
    const id = (commands[0] as { custom_id: string }).custom_id;
    expect(parseButtonId(id)).toEqual({ mode: 'o', line: '/calldata 412' });
    expect(commands[0]).toMatchObject({ label: 'Call data to vote #412' });
    expect(buttons.filter((b) => 'url' in b)).toHaveLength(2);
  });
});
