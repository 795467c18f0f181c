/** `/stake <address>`: an account's bond, nominations, pool, unbonding, rewards and return (APR). */
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { help, parse, type StakeCommand } from './grammar.js';
import { stakeCommand } from './handler.js';

export const stake: CommandDefinition<StakeCommand> = {
  help,
  changesSettings: false,
  parse,
  line: (command) => `/stake ${command.account.address}`,
  run: stakeCommand,
  discord,
};
