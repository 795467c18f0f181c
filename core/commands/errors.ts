/**
 * Why a command line was refused. Every refusal names what was wrong and what to type instead;
 * nothing in core/commands throws on user input.
 */
export type CommandErrorCode =
  | 'empty'
  | 'too-long'
  | 'odd-unicode'
  | 'unknown-command'
  | 'missing-argument'
  | 'extra-argument'
  | 'invalid-address'
  | 'invalid-referendum-id'
  | 'unknown-referendum'
  | 'referendum-ended'
  | 'invalid-vote'
  | 'invalid-amount'
  | 'invalid-conviction'
  | 'no-voting-rules'
  | 'unknown-track'
  | 'invalid-page'
  | 'unknown-subscription-kind'
  | 'invalid-lead-time'
  | 'unknown-subscription'
  | 'subscription-limit'
  | 'invalid-hours'
  | 'invalid-quiet-hours'
  | 'unknown-alert-kind'
  | 'unknown-spend-filter'
  | 'invalid-spend-index'
  | 'unknown-bounty-status'
  | 'invalid-bounty-ref'
  | 'invalid-para'
  | 'invalid-stall-time'
  | 'no-target'
  | 'no-snapshot'
  | 'unavailable';

export interface CommandError {
  code: CommandErrorCode;
  /** One sentence: what was wrong. */
  message: string;
  /** What to type instead, as a full example command line when there is one. */
  hint: string | null;
  /** The offending piece of input, when there is one (already sanitised to printable ASCII). */
  input: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: CommandError };

export function commandError(
  code: CommandErrorCode,
  message: string,
  hint: string | null = null,
  input: string | null = null,
): CommandError {
  return { code, message, hint, input };
}

export function fail<T>(
  code: CommandErrorCode,
  message: string,
  hint: string | null = null,
  input: string | null = null,
): Parsed<T> {
  return { ok: false, error: commandError(code, message, hint, input) };
}

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** Echo of user text inside a message: printable ASCII only, shortened. */
export function quote(text: string, max = 40): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return `"${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}"`;
}
