/**
 * Attaches the on-chain names of the addresses a reply shows (`reply.names`): one batched read of
 * their identity entities at the answer's pointer, never a chain call. A failed read leaves the
 * reply without names (they are an addition, never the answer).
 */
import type { AccountName, AccountNames } from '../../core/identity/identity-types.js';
import { replyAddresses } from '../../core/reply/reply-addresses.js';
import type { Reply } from '../../core/reply/reply-types.js';
import { ENTITY } from '../../core/snapshot/entities.js';
import type { CommandContext } from './context.js';
import type { Frame } from './frame.js';

export async function withNames<R extends Reply>(reply: R, frame: Frame, ctx: CommandContext): Promise<R> {
  const addresses = replyAddresses(reply);
  if (addresses.length === 0) return reply;
  let found: Map<string, AccountName>;
  try {
    found = await ctx.store.getEntities<AccountName>(ENTITY.identity, addresses, { pointer: frame.pointer });
  } catch (error) {
    ctx.log?.(`reading the names of ${addresses.length} addresses failed: ${(error as Error).message}`);
    return reply;
  }
  if (found.size === 0) return reply;
  const names: Record<string, AccountName> = {};
  for (const a of addresses) {
    const name = found.get(a);
    if (name) names[a] = name;
  }
  return { ...reply, names: { ...reply.names, ...names } satisfies AccountNames };
}
