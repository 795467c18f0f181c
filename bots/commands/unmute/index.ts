/** `/unmute`: lets muted kinds of alert through again, in the chat or for one subscription. */
import { alertSettingsCommand } from '../alert-settings.js';
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { help, parse, type UnmuteCommand, unmuteLine } from './grammar.js';

export const unmute: CommandDefinition<UnmuteCommand> = {
  help,
  changesSettings: true,
  parse,
  line: unmuteLine,
  run: (command, frame, ctx) =>
    alertSettingsCommand(
      command,
      {
        action: 'unmuted',
        apply: (before) => {
          const kinds = command.kinds === 'all' ? before.muted : command.kinds;
          return { after: { ...before, muted: before.muted.filter((k) => !kinds.includes(k)) }, kinds };
        },
      },
      frame,
      ctx,
    ),
  discord,
};
