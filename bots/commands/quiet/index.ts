/** `/quiet`: shows, sets or clears quiet hours of the chat or of one subscription. */
import { alertSettingsCommand } from '../alert-settings.js';
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { quietEffect } from './effect.js';
import { help, parse, type QuietCommand, quietLine } from './grammar.js';

export const quiet: CommandDefinition<QuietCommand> = {
  help,
  // `/quiet` alone (or "for <id>" alone) only shows the quiet hours.
  changesSettings: (command) => command.change !== null,
  parse,
  line: quietLine,
  run: (command, frame, ctx) => alertSettingsCommand(command, quietEffect(command, ctx.now()), frame, ctx),
  discord,
};
