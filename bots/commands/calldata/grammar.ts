/**
 * `/calldata <referendum> [aye|nay <amount> [conviction]]`: help text and grammar. The amount is in
 * KSM with decimals (`12.5`, `12.5ksm`, `12.5 KSM`); the conviction is `0.1x` or `none`, or `1x`
 * to `6x` (1x when left out). With the referendum alone, the answer is aye and nay at 1x for 1 KSM.
 */
import { parseReferendumId } from '../../../core/commands/arguments.js';
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { fail, ok, type Parsed, quote } from '../../../core/commands/errors.js';
import { formatBalance } from '../../../core/format/balance.js';
import { parseKsm } from '../../../core/format/parse-amount.js';
import { MAX_U128 } from '../../../core/opengov/vote-call.js';
import type { Conviction } from '../../../core/types/voting.js';

export interface CallDataVote {
  aye: boolean;
  conviction: Conviction;
  /** Planck. */
  balance: bigint;
}

export interface CallDataCommand {
  name: 'calldata';
  referendum: number;
  /** Null: no vote given, so both sides at 1x for 1 KSM. */
  vote: CallDataVote | null;
}

export const DEFAULT_CONVICTION: Conviction = 1;

export const help: CommandSpec = {
  name: 'calldata',
  aliases: ['call-data'],
  usage: '/calldata <referendum> [aye|nay] [amount KSM] [0.1x|1x…6x]',
  summary:
    'Call data to vote on a referendum from your own wallet (conviction 1x unless given); Herald never holds keys.',
  examples: ['/calldata 412', '/calldata 412 aye 12.5 3x', '/calldata 412 nay 1 0.1x'],
};

/** The conviction a word names: `0.1x`/`none`/`0x`/`0` is 0, `Nx`/`N`/`lockedNx` is N (1..6). */
export function parseConviction(token: string, referendum: number): Parsed<Conviction> {
  const word = token.toLowerCase();
  if (word === '0.1x' || word === 'none' || word === '0x' || word === '0') return ok(0);
  const match = /^(?:locked)?([1-6])x?$/.exec(word);
  if (match) return ok(Number(match[1]) as Conviction);
  return fail(
    'invalid-conviction',
    `${quote(token)} is not a conviction: use 0.1x (or none) for no lock, or 1x to 6x.`,
    `/calldata ${referendum} aye 12.5 3x`,
    token,
  );
}

function parseSide(token: string, referendum: number): Parsed<boolean> {
  const word = token.toLowerCase();
  if (word === 'aye' || word === 'yes') return ok(true);
  if (word === 'nay' || word === 'no') return ok(false);
  return fail(
    'invalid-vote',
    `${quote(token)} is not a vote: say aye or nay.`,
    `/calldata ${referendum} aye 12.5`,
    token,
  );
}

function parseAmount(token: string, referendum: number, side: string): Parsed<bigint> {
  const hint = `/calldata ${referendum} ${side} 12.5`;
  const amount = parseKsm(token);
  if (!amount.ok) return fail('invalid-amount', amount.error.message, hint, token);
  if (amount.planck === 0n)
    return fail('invalid-amount', 'The amount to vote with must be more than 0 KSM.', hint, token);
  if (amount.planck > MAX_U128)
    return fail('invalid-amount', `${quote(token)} KSM is more than a balance can hold.`, hint, token);
  return ok(amount.planck);
}

export function parse(args: readonly string[]): Parsed<CallDataCommand> {
  if (args.length === 0)
    return fail(
      'missing-argument',
      '/calldata needs a referendum number.',
      '/referenda lists the ongoing ones; then /calldata <number>, or /calldata <number> aye 12.5 3x',
    );
  const id = parseReferendumId(args[0]!);
  if (!id.ok) return { ok: false, error: { ...id.error, hint: '/calldata 412 aye 12.5 3x' } };
  const referendum = id.value;
  // "12.5 KSM" typed with a space: the unit is not a conviction.
  const words =
    args.length >= 4 && args[3]!.toLowerCase() === 'ksm' ? [...args.slice(0, 3), ...args.slice(4)] : args;
  if (words.length > 4)
    return fail(
      'extra-argument',
      `/calldata takes at most four words (referendum, aye or nay, amount, conviction); got ${words.length}.`,
      `${help.usage}, e.g. ${help.examples[1]}`,
      words[4]!,
    );
  if (words.length === 1) return ok({ name: 'calldata', referendum, vote: null });
  const side = parseSide(words[1]!, referendum);
  if (!side.ok) return side;
  const sideWord = side.value ? 'aye' : 'nay';
  if (words.length === 2)
    return fail(
      'missing-argument',
      `How much to vote ${sideWord} with? Give an amount in KSM.`,
      `/calldata ${referendum} ${sideWord} 12.5 (optionally a conviction: 0.1x, 1x…6x)`,
    );
  const balance = parseAmount(words[2]!, referendum, sideWord);
  if (!balance.ok) return balance;
  const conviction = words.length > 3 ? parseConviction(words[3]!, referendum) : ok(DEFAULT_CONVICTION);
  if (!conviction.ok) return conviction;
  return ok({
    name: 'calldata',
    referendum,
    vote: { aye: side.value, conviction: conviction.value, balance: balance.value },
  });
}

export function callDataLine(command: CallDataCommand): string {
  if (!command.vote) return `/calldata ${command.referendum}`;
  const { aye, conviction, balance } = command.vote;
  return `/calldata ${command.referendum} ${aye ? 'aye' : 'nay'} ${ksmText(balance)} ${conviction === 0 ? '0.1x' : `${conviction}x`}`;
}

/** The planck amount as KSM digits a line parses back exactly ("12.5"). */
function ksmText(planck: bigint): string {
  return formatBalance(planck, { maxFractionDigits: 12, symbol: '', separator: '' });
}
