/** `/votes <address>`: an account's conviction votes, delegations, locks and what can be unlocked now. */
import type { CommandDefinition } from '../command.js';
import { discord } from './discord.js';
import { help, parse, type VotesCommand } from './grammar.js';
import { votesCommand } from './handler.js';

export const votes: CommandDefinition<VotesCommand> = {
  help,
  changesSettings: false,
  parse,
  line: (command) => `/votes ${command.account.address}`,
  run: votesCommand,
  discord,
};
