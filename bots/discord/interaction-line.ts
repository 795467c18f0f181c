/**
 * A slash command's options → the command line the shared command set parses, so a Discord user
 * gets exactly the answers and errors someone typing the line would. Option values come from the
 * payload and are treated as untyped text: a missing, overlong or odd value fails in the parser
 * with its usual message.
 */
import type { CommandName } from '../../core/commands/grammar.js';
import type { Scope } from './caller.js';
import { OPTION, SLASH, SUBCOMMAND } from './slash-names.js';

export interface CommandRequest {
  line: string;
  /** Whose alerts a command is about: this channel (or DM), or the caller's DMs. */
  scope: Scope;
  /**
   * The command when it changes the chat's subscriptions or alert settings: it needs the
   * permission to, and is never answered twice (not raced against the answer budget).
   */
  writes: CommandName | null;
}

export interface OptionValue {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: OptionValue[];
}

/** Subcommand (type 1) and subcommand group (type 2) options. */
const NESTING_TYPES = new Set([1, 2]);

export function optionList(value: unknown): OptionValue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (o): o is OptionValue =>
      typeof o === 'object' &&
      o !== null &&
      typeof (o as OptionValue).name === 'string' &&
      typeof (o as OptionValue).type === 'number',
  );
}

/** The subcommand chosen (if any) and the leaf options under it. */
export function leafOptions(data: Record<string, unknown>): {
  subcommand: string | null;
  options: OptionValue[];
} {
  let options = optionList(data.options);
  let subcommand: string | null = null;
  for (let depth = 0; depth < 2; depth++) {
    const nested = options.find((o) => NESTING_TYPES.has(o.type));
    if (!nested) break;
    subcommand = nested.name;
    options = optionList(nested.options);
  }
  return { subcommand, options };
}

/** Option value as one or more words of a command line. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

function words(options: OptionValue[], ...names: string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const value = text(options.find((o) => o.name === name)?.value);
    if (value !== null && value.trim() !== '') out.push(value);
  }
  return out;
}

function subscribeWords(kind: string | null, options: OptionValue[]): string[] {
  switch (kind) {
    case SUBCOMMAND.referenda:
      return ['referenda', ...words(options, OPTION.track)];
    case SUBCOMMAND.deadlines: {
      const id = text(options.find((o) => o.name === OPTION.referendum)?.value);
      return [
        'deadlines',
        ...words(options, OPTION.track),
        ...(id ? [`#${id}`] : []),
        ...words(options, OPTION.lead),
      ];
    }
    case SUBCOMMAND.address:
      return ['address', ...words(options, OPTION.address)];
    default:
      return kind ? [kind] : [];
  }
}

const line = (...parts: string[]) => `/${parts.join(' ')}`;

/** "+2" → "UTC+2"; a bare number is taken as east of UTC; anything else goes to the parser as typed. */
function utcWord(value: string): string {
  const v = value.trim();
  if (/^[+-]/.test(v)) return `UTC${v}`;
  return /^[0-9]/.test(v) ? `UTC+${v}` : v;
}

/** "for <id>" when the subscription option is given: the command is about that subscription only. */
function scopeWords(options: OptionValue[]): string[] {
  const id = words(options, OPTION.subscription);
  return id.length > 0 ? ['for', ...id] : [];
}

function quietLine(subcommand: string | null, options: OptionValue[]): CommandRequest {
  const scope = scopeWords(options);
  if (subcommand === SUBCOMMAND.off || subcommand === SUBCOMMAND.default)
    return { line: line('quiet', subcommand, ...scope), scope: 'here', writes: 'quiet' };
  if (subcommand !== SUBCOMMAND.set) return { line: line('quiet', ...scope), scope: 'here', writes: null };
  const [from = '', to = ''] = [words(options, OPTION.from)[0], words(options, OPTION.to)[0]];
  const utc = words(options, OPTION.utc).map(utcWord);
  const all = options.find((o) => o.name === OPTION.all)?.value === true ? ['all'] : [];
  return {
    line: line('quiet', `${from.trim()}-${to.trim()}`, ...utc, ...all, ...scope),
    scope: 'here',
    writes: 'quiet',
  };
}

export function commandRequest(data: Record<string, unknown>): CommandRequest {
  const name = typeof data.name === 'string' ? data.name : '';
  const { subcommand, options } = leafOptions(data);
  const read = (l: string): CommandRequest => ({ line: l, scope: 'here', writes: null });
  switch (name) {
    case SLASH.stake:
    case SLASH.validator:
      return read(line(name, ...words(options, OPTION.address)));
    case SLASH.referenda: {
      const page = words(options, OPTION.page);
      return read(
        line(name, ...words(options, OPTION.track, OPTION.status), ...(page.length ? ['page', ...page] : [])),
      );
    }
    case SLASH.referendum:
      return read(line(name, ...words(options, OPTION.id)));
    case SLASH.help:
      return read(line(name, ...words(options, OPTION.command)));
    case SLASH.subscribe:
      return {
        line: line('subscribe', ...subscribeWords(subcommand, options)),
        scope: 'here',
        writes: 'subscribe',
      };
    case SLASH.unsubscribe:
      return {
        line: line('unsubscribe', ...words(options, OPTION.which)),
        scope: 'here',
        writes: 'unsubscribe',
      };
    case SLASH.missed:
      return read(line(name, ...words(options, OPTION.hours)));
    case SLASH.quiet:
      return quietLine(subcommand, options);
    case SLASH.mute:
    case SLASH.unmute:
      return {
        line: line(name, ...words(options, OPTION.kinds), ...scopeWords(options)),
        scope: 'here',
        writes: name,
      };
    case SLASH.alerts:
      if (subcommand === SUBCOMMAND.list) return { line: line('subscriptions'), scope: 'dm', writes: null };
      if (subcommand === SUBCOMMAND.remove)
        return {
          line: line('unsubscribe', ...words(options, OPTION.which)),
          scope: 'dm',
          writes: 'unsubscribe',
        };
      return {
        line: line('subscribe', ...subscribeWords(subcommand, options)),
        scope: 'dm',
        writes: 'subscribe',
      };
    default:
      // era, tracks, subscriptions, status, or a name this bot never registered: the parser decides.
      return read(line(name, ...options.flatMap((o) => words([o], o.name))));
  }
}
