/** `/bounty <ref>`: help text and grammar. `12` is Bounties #12, `m3` MultiAssetBounties #3. */
import type { CommandSpec } from '../../../core/commands/command-spec.js';
import { fail, ok, type Parsed, quote } from '../../../core/commands/errors.js';
import { exactlyOne } from '../../../core/commands/tokens.js';
import { bountyRef } from '../../../core/types/treasury.js';

export interface BountyCommand {
  name: 'bounty';
  /** The entity id: `12` or `m3`. */
  ref: string;
}

export const help: CommandSpec = {
  name: 'bounty',
  aliases: [],
  usage: '/bounty <id>',
  summary:
    'One bounty (m3: multi-asset bounty 3): value, fee, curator, status, update due, when the payout can be claimed and the call, child bounties.',
  examples: ['/bounty 12', '/bounty m3'],
};

const MAX_BOUNTY_ID = 4_294_967_295;

/** "12", "#12", "m3", "#M3". */
export function parseBountyRef(token: string): Parsed<string> {
  const text = (token.startsWith('#') ? token.slice(1) : token).toLowerCase();
  const match = /^(m?)([0-9]{1,10})$/.exec(text);
  if (!match || Number(match[2]) > MAX_BOUNTY_ID)
    return fail(
      'invalid-bounty-ref',
      `${quote(token)} is not a bounty: use its number (12) or, for a multi-asset bounty, m and its number (m3).`,
      '/bounty 12, or /bounties to list them',
      token,
    );
  return ok(bountyRef(match[1] ? 'multiAssetBounties' : 'bounties', Number(match[2])));
}

export function parse(args: readonly string[]): Parsed<BountyCommand> {
  const token = exactlyOne(help, args, 'a bounty number');
  if (!token.ok) return token;
  const ref = parseBountyRef(token.value);
  return ref.ok ? ok({ name: 'bounty', ref: ref.value }) : ref;
}

export const bountyLine = (command: Omit<BountyCommand, 'name'>): string => `/bounty ${command.ref}`;
