/**
 * The shared machinery of every command's grammar: a command line → its command word and argument
 * words (any string, or anything else, gives either tokens or one CommandError), and the errors
 * about the count of arguments or an unknown command word.
 */
import { type CommandSpec, suggestCommands } from './command-spec.js';
import { fail, ok, type Parsed, quote } from './errors.js';
import { MAX_ARGUMENTS, MAX_INPUT_CHARS } from './limits.js';
import { codePointLabel, firstOddCharacter, hasLoneSurrogate, SEPARATORS } from './unicode.js';

export interface Tokens {
  /** The command word as typed, without "/" and "@bot". */
  word: string;
  args: string[];
  /** "@HeraldBot" suffix of a Telegram group command, without the "@". */
  mention: string | null;
}

const HELP_HINT = '/help lists every command';

export function tokenize(raw: unknown): Parsed<Tokens> {
  if (typeof raw !== 'string' || raw.trim().length === 0)
    return fail('empty', 'No command given.', '/help lists every command');
  // Measured before normalising too, so a huge input costs nothing.
  if (raw.length > MAX_INPUT_CHARS * 4) return tooLong(raw.length);
  if (hasLoneSurrogate(raw))
    return fail(
      'odd-unicode',
      'The message holds a broken Unicode character (a lone surrogate).',
      'Retype the command in plain text.',
    );
  const text = raw.normalize('NFKC');
  if ([...text].length > MAX_INPUT_CHARS) return tooLong([...text].length);
  const odd = firstOddCharacter(text);
  if (odd) {
    return fail(
      'odd-unicode',
      `Character ${odd.position} is ${codePointLabel(odd.codePoint)}, ${odd.description}; commands use plain letters, digits and punctuation only.`,
      'Retype the command by hand rather than pasting it, e.g. /help',
      codePointLabel(odd.codePoint),
    );
  }
  const [head = '', ...args] = text.trim().split(SEPARATORS);
  const at = head.indexOf('@');
  const word = (at >= 0 ? head.slice(0, at) : head).replace(/^\//, '');
  const mention = at >= 0 ? head.slice(at + 1) : null;
  return ok({ word, args, mention });
}

function tooLong(length: number) {
  return fail<Tokens>(
    'too-long',
    `The command is ${length} characters long; the limit is ${MAX_INPUT_CHARS}.`,
    'Send one command with its arguments only, e.g. /referenda treasurer',
  );
}

/** Null when there are no arguments, else the error of a command that takes none. */
export function noArguments(spec: CommandSpec, args: readonly string[]): Parsed<never> | null {
  if (args.length === 0) return null;
  return fail(
    'extra-argument',
    `/${spec.name} takes no arguments, but got ${quote(args.join(' '))}.`,
    `Type just ${spec.usage}`,
    args.join(' '),
  );
}

/** The one argument, or why there is none or more than one. */
export function exactlyOne(spec: CommandSpec, args: readonly string[], what: string): Parsed<string> {
  if (args.length === 0)
    return fail(
      'missing-argument',
      `/${spec.name} needs ${what}.`,
      `${spec.usage}, e.g. ${spec.examples[0]}`,
    );
  if (args.length > 1)
    return fail(
      'extra-argument',
      `/${spec.name} takes only ${what}, but got ${args.length} words: ${quote(args.slice(1).join(' '))} is extra.`,
      `${spec.usage}, e.g. ${spec.examples[0]}`,
      args.slice(1).join(' '),
    );
  return ok(args[0]!);
}

export function unknownCommand(specs: readonly CommandSpec[], word: string): Parsed<never> {
  const suggestions = suggestCommands(specs, word);
  const shown = word.length === 0 ? '"/"' : quote(`/${word}`);
  return fail(
    'unknown-command',
    `${shown} is not a command.`,
    suggestions.length > 0 ? `Did you mean /${suggestions[0]}? ${HELP_HINT}.` : `${HELP_HINT}.`,
    word,
  );
}

/** More words than any command takes. */
export function tooManyArguments(spec: CommandSpec, count: number): Parsed<never> | null {
  if (count <= MAX_ARGUMENTS) return null;
  return fail(
    'extra-argument',
    `/${spec.name} got ${count} arguments; no command takes more than ${MAX_ARGUMENTS}.`,
    `${spec.usage}, e.g. ${spec.examples[0]}`,
  );
}
