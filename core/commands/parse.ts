/**
 * Command line → Command. Total: any string (or anything else) gives either a validated command or
 * one CommandError naming what was wrong and what to type instead.
 */

import { parseAddressArgument, parseMissedHours, parseReferendumId } from './arguments.js';
import type { Command } from './command-types.js';
import { fail, ok, type Parsed, quote } from './errors.js';
import { type CommandName, type CommandSpec, findCommand, suggestCommands } from './grammar.js';
import { parseKindWords } from './kind-arguments.js';
import { DEFAULT_MISSED_HOURS, MAX_ARGUMENTS, MAX_INPUT_CHARS } from './limits.js';
import { parseQuietArguments } from './quiet-arguments.js';
import { parseReferendaArguments } from './referenda-arguments.js';
import { type SettingsCommandName, splitSubscriptionScope } from './settings-scope.js';
import { parseSubscribeArguments, parseUnsubscribeArguments } from './subscription-arguments.js';
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
    'Send one command with its arguments only, e.g. /referendum 412',
  );
}

function noArguments(spec: CommandSpec, args: readonly string[]): Parsed<Command> | null {
  if (args.length === 0) return null;
  return fail(
    'extra-argument',
    `/${spec.name} takes no arguments, but got ${quote(args.join(' '))}.`,
    `Type just ${spec.usage}`,
    args.join(' '),
  );
}

function exactlyOne(spec: CommandSpec, args: readonly string[], what: string): Parsed<string> {
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

function build(spec: CommandSpec, args: readonly string[]): Parsed<Command> {
  const name = spec.name;
  switch (name) {
    case 'stake':
    case 'validator': {
      const token = exactlyOne(spec, args, 'an address');
      if (!token.ok) return token;
      const account = parseAddressArgument(token.value, spec.examples[0]!);
      return account.ok ? ok({ name, account: account.value }) : account;
    }
    case 'referendum': {
      const token = exactlyOne(spec, args, 'a referendum number');
      if (!token.ok) return token;
      const id = parseReferendumId(token.value);
      return id.ok ? ok({ name, id: id.value }) : id;
    }
    case 'referenda': {
      const parsed = parseReferendaArguments(args);
      return parsed.ok ? ok({ name, ...parsed.value }) : parsed;
    }
    case 'subscribe': {
      const request = parseSubscribeArguments(args);
      return request.ok ? ok({ name, request: request.value }) : request;
    }
    case 'unsubscribe': {
      const selector = parseUnsubscribeArguments(args);
      return selector.ok ? ok({ name, selector: selector.value }) : selector;
    }
    case 'missed': {
      if (args.length === 0) return ok({ name, hours: DEFAULT_MISSED_HOURS });
      const token = exactlyOne(spec, args, 'how many hours to look back');
      if (!token.ok) return token;
      const hours = parseMissedHours(token.value);
      return hours.ok ? ok({ name, hours: hours.value }) : hours;
    }
    case 'quiet':
    case 'mute':
    case 'unmute':
      return settingsCommand(name, args);
    case 'help': {
      if (args.length === 0) return ok({ name, topic: null });
      const topic = exactlyOne(spec, args, 'one command name');
      if (!topic.ok) return topic;
      const found = findCommand(topic.value.replace(/^\//, ''));
      if (!found) return unknownCommand(topic.value);
      return ok({ name, topic: found.name });
    }
    case 'era':
    case 'tracks':
    case 'subscriptions':
    case 'status':
      return noArguments(spec, args) ?? ok({ name });
  }
}

/** `/quiet`, `/mute` and `/unmute`, each optionally ending in "for <subscription id>". */
function settingsCommand(name: SettingsCommandName, all: readonly string[]): Parsed<Command> {
  const scoped = splitSubscriptionScope(all, name);
  if (!scoped.ok) return scoped;
  const { args, subscription } = scoped.value;
  if (name === 'quiet') {
    const change = parseQuietArguments(args, subscription !== null);
    return change.ok ? ok({ name, change: change.value, subscription }) : change;
  }
  if (name === 'unmute' && args.length === 1 && args[0]!.toLowerCase() === 'all')
    return ok({ name, kinds: 'all', subscription });
  const kinds = parseKindWords(args, name);
  return kinds.ok ? ok({ name, kinds: kinds.value, subscription }) : kinds;
}

function unknownCommand(word: string): Parsed<Command> {
  const suggestions = suggestCommands(word);
  const shown = word.length === 0 ? '"/"' : quote(`/${word}`);
  return fail(
    'unknown-command',
    `${shown} is not a command.`,
    suggestions.length > 0 ? `Did you mean /${suggestions[0]}? ${HELP_HINT}.` : `${HELP_HINT}.`,
    word,
  );
}

export function parseCommand(raw: unknown): Parsed<Command> {
  const tokens = tokenize(raw);
  if (!tokens.ok) return tokens;
  const { word, args } = tokens.value;
  const spec = findCommand(word);
  if (!spec) return unknownCommand(word);
  if (args.length > MAX_ARGUMENTS) {
    return fail(
      'extra-argument',
      `/${spec.name} got ${args.length} arguments; no command takes more than ${MAX_ARGUMENTS}.`,
      `${spec.usage}, e.g. ${spec.examples[0]}`,
    );
  }
  return build(spec, args);
}

/** The command a line names, even when its arguments are wrong (for the usage line in an error). */
export function commandNameOf(raw: unknown): CommandName | null {
  const tokens = tokenize(raw);
  if (!tokens.ok) return null;
  return findCommand(tokens.value.word)?.name ?? null;
}
