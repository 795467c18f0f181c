/** `/mute`: stops kinds of alert in the chat or from one subscription. */
import { alertSettingsCommand } from '../alert-settings.js';
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { help, type MuteCommand, muteLine, parse } from './grammar.js';

export const mute: CommandDefinition<MuteCommand> = {
  help,
  changesSettings: true,
  parse,
  line: muteLine,
  run: (command, frame, ctx) =>
    alertSettingsCommand(
      command,
      {
        action: 'muted',
        apply: (before) => ({
          after: { ...before, muted: [...before.muted, ...command.kinds] },
          kinds: command.kinds,
        }),
      },
      frame,
      ctx,
    ),
  discord,
};
