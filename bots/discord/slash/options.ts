/**
 * A slash command's options as the payload carries them → words of a command line. Option values
 * are untyped text: a missing, overlong or odd value fails in the command parser with its usual
 * message.
 */
import { OPTION } from './names.js';

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
export function optionText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** The values of the named options, in that order, leaving out those not given or blank. */
export function words(options: OptionValue[], ...names: string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const value = optionText(options.find((o) => o.name === name)?.value);
    if (value !== null && value.trim() !== '') out.push(value);
  }
  return out;
}

export const line = (...parts: string[]) => `/${parts.join(' ')}`;

/** "for <id>" when the subscription option is given: the command is about that subscription only. */
export function forWords(options: OptionValue[]): string[] {
  const id = words(options, OPTION.subscription);
  return id.length > 0 ? ['for', ...id] : [];
}
