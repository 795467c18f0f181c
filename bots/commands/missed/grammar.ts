/** `/missed [hours]`: help text and grammar. */
import { parseMissedHours } from '../../../core/commands/arguments.js';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { ok, type Parsed } from '../../../core/commands/errors.js';
import { DEFAULT_MISSED_HOURS } from '../../../core/commands/limits.js';
import { exactlyOne } from '../../../core/commands/tokens.js';

/** This chat's alerts of the last `hours` hours again, with what became of each. */
export interface MissedCommand {
  name: 'missed';
  hours: number;
}

export const help: CommandSpec = {
  name: 'missed',
  aliases: [],
  usage: '/missed [hours]',
  summary:
    "This chat's alerts of the last 24 hours (up to 7 days) again, newest first, with what became of each.",
  examples: ['/missed', '/missed 48', '/missed 7d'],
};

export function parse(args: readonly string[]): Parsed<MissedCommand> {
  if (args.length === 0) return ok({ name: 'missed', hours: DEFAULT_MISSED_HOURS });
  const token = exactlyOne(help, args, 'how many hours to look back');
  if (!token.ok) return token;
  const hours = parseMissedHours(token.value);
  return hours.ok ? ok({ name: 'missed', hours: hours.value }) : hours;
}
