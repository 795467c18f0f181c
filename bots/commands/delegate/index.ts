/** `/delegate <address>`: a delegate's delegators per track and its votes on ongoing referenda. */
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { type DelegateCommand, help, parse } from './grammar.js';
import { delegateCommand } from './handler.js';

export const delegate: CommandDefinition<DelegateCommand> = {
  help,
  changesSettings: false,
  parse,
  line: (command) => `/delegate ${command.account.address}`,
  run: delegateCommand,
  discord,
};
