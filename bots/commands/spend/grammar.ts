/** `/spend <index>`: help text and grammar. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { fail, ok, type Parsed, quote } from '../../../core/commands/errors.js';
import { exactlyOne } from '../../../core/commands/tokens.js';

export interface SpendCommand {
  name: 'spend';
  index: number;
}

export const help: CommandSpec = {
  name: 'spend',
  aliases: [],
  usage: '/spend <index>',
  summary:
    'One treasury spend: amount, beneficiary, claim window, status, the approving referendum and the call to make.',
  examples: ['/spend 17'],
};

/** Spend indices are `u32`. */
const MAX_SPEND_INDEX = 4_294_967_295;

/** "17" or "#17". */
export function parseSpendIndex(token: string): Parsed<number> {
  const hint = '/spend followed by the spend number, as /spends lists them, e.g. /spend 17';
  const text = token.startsWith('#') ? token.slice(1) : token;
  if (!/^[0-9]{1,10}$/.test(text) || Number(text) > MAX_SPEND_INDEX)
    return fail(
      'invalid-spend-index',
      `${quote(token)} is not a spend number (a whole number from 0 to ${MAX_SPEND_INDEX}).`,
      hint,
      token,
    );
  return ok(Number(text));
}

export function parse(args: readonly string[]): Parsed<SpendCommand> {
  const token = exactlyOne(help, args, 'a spend number');
  if (!token.ok) return token;
  const index = parseSpendIndex(token.value);
  return index.ok ? ok({ name: 'spend', index: index.value }) : index;
}

export const spendLine = (command: Omit<SpendCommand, 'name'>): string => `/spend ${command.index}`;
