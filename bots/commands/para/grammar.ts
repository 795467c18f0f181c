/** `/para <id|name>`: help text and grammar. A name is resolved against the table by the handler. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { fail, ok, type Parsed, quote } from '../../../core/commands/errors.js';

export type ParaQuery = { type: 'id'; id: number } | { type: 'name'; text: string };

export interface ParaCommand {
  name: 'para';
  query: ParaQuery;
}

export const help: CommandSpec = {
  name: 'para',
  aliases: [],
  usage: '/para <id|name>',
  summary:
    'One parachain: lifecycle, manager, its cores and until when, whether and by when it must renew its coretime and at what price, and its latest head.',
  examples: ['/para 2000', '/para karura'],
};

/** Para ids are `u32`. */
export const MAX_PARA_ID = 4_294_967_295;

/** The longest name accepted (the table's longest is well under it). */
const MAX_NAME_CHARS = 40;

const HINT = '/para followed by a para id or name, e.g. /para 2000 or /para karura; /parachains lists them';

export function parse(args: readonly string[]): Parsed<ParaCommand> {
  if (args.length === 0)
    return fail(
      'missing-argument',
      '/para needs a para id or name.',
      `${help.usage}, e.g. ${help.examples[0]}`,
    );
  const text = args.join(' ');
  const digits = text.startsWith('#') ? text.slice(1) : text;
  if (/^[0-9]+$/.test(digits)) {
    if (digits.length > 10 || Number(digits) > MAX_PARA_ID)
      return fail(
        'invalid-para',
        `${quote(text)} is larger than any para id can be (${MAX_PARA_ID}).`,
        HINT,
        text,
      );
    return ok({ name: 'para', query: { type: 'id', id: Number(digits) } });
  }
  if (/^-?[0-9]+([.,][0-9]*)?$/.test(digits))
    return fail('invalid-para', `Para ids are whole numbers from 0; got ${quote(text)}.`, HINT, text);
  if ([...text].length > MAX_NAME_CHARS || !/^[\p{L}\p{N}][\p{L}\p{N} .'-]*$/u.test(text))
    return fail(
      'invalid-para',
      `${quote(text)} is not a para id or a para name (letters, digits, spaces, dots and dashes, up to ${MAX_NAME_CHARS} characters).`,
      HINT,
      text,
    );
  return ok({ name: 'para', query: { type: 'name', text } });
}

export const paraLine = (command: Omit<ParaCommand, 'name'>): string =>
  command.query.type === 'id' ? `/para ${command.query.id}` : `/para ${command.query.text}`;
