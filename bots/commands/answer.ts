/**
 * One command line in, one reply intent out — for both bots and `npm run ask`. Never throws: bad
 * input becomes an error reply naming what was wrong, and a store failure a plain "unavailable".
 * Every reply carries the data age of the snapshot it was answered from, and the on-chain names of
 * the addresses it shows (`names.ts`); on Telegram, the chat's zone for the times it shows (`chat-zone.ts`).
 */
import { isValidAddress } from '../../core/address/parse.js';
import type { CommandName } from '../../core/commands/command-spec.js';
import { errorReply, noSnapshotReply, unavailableReply } from '../../core/reply/builders.js';
import type { Reply } from '../../core/reply/reply-types.js';
import { withChatZone } from './chat-zone.js';
import type { CommandContext } from './context.js';
import { type Frame, loadFrame } from './frame.js';
import { withNames } from './names.js';
import { COMMAND_SET, commandNameOf, commandSpec, findCommand, parseCommand } from './parse.js';
import type { Command } from './registry.js';

/** Every error about a named command carries that command's usage line. */
export function withUsage<R extends Reply>(reply: R): R {
  if (reply.type !== 'error' || reply.command === null || reply.usage !== null) return reply;
  return { ...reply, usage: commandSpec(reply.command)?.usage ?? null };
}

/** The answer without a snapshot: a command that needs none answers, the others say why not. */
function withoutFrame(command: Command, missing: (name: CommandName) => Reply): Reply {
  const definition = findCommand(command.name)!;
  return definition.offline ? definition.offline(command, COMMAND_SET) : missing(command.name);
}

async function run(command: Command, frame: Frame, ctx: CommandContext): Promise<Reply> {
  const reply = await findCommand(command.name)!.run(command, frame, ctx, COMMAND_SET);
  const [named, zoned] = await Promise.all([withNames(reply, frame, ctx), withChatZone(reply, ctx)]);
  return zoned.timeZone ? { ...named, timeZone: zoned.timeZone } : named;
}

async function answer(line: unknown, ctx: CommandContext): Promise<Reply> {
  const parsed = parseCommand(line);
  const name: CommandName | null = parsed.ok ? parsed.value.name : commandNameOf(line);
  let frame: Frame | null;
  try {
    frame = await loadFrame(ctx);
  } catch (error) {
    ctx.log?.(`reading the snapshot pointer failed: ${(error as Error).message}`);
    if (!parsed.ok) return errorReply(parsed.error, name, null);
    return withoutFrame(parsed.value, (n) => unavailableReply(n, null));
  }
  if (!parsed.ok) return errorReply(parsed.error, name, frame?.freshness ?? null);
  if (!frame) return withoutFrame(parsed.value, noSnapshotReply);
  try {
    return await run(parsed.value, frame, ctx);
  } catch (error) {
    ctx.log?.(`/${name} failed: ${(error as Error).stack ?? String(error)}`);
    return unavailableReply(name, frame.freshness);
  }
}

/** What a private chat's message is for: a command line to answer, or a hint to send instead. */
export type PrivateText = { type: 'command'; line: string } | { type: 'hint' };

/** One word that is an address, or looks like one mistyped (so /stake can say what is wrong with it). */
const ADDRESS_LIKE = /^(?:[1-9A-HJ-NP-Za-km-z]{40,50}|0x[0-9a-fA-F]{60,68})$/;

/**
 * A message in a private chat with the bot (any text there is for it): a bare address runs
 * `/stake <address>`; a line starting with a command word works with or without its "/"; any other
 * text gets a short hint rather than an error about an unknown command.
 */
export function routePrivateText(text: string): PrivateText {
  const line = text.trim();
  if (line.startsWith('/')) return { type: 'command', line };
  const words = line.split(/\s+/);
  if (words.length === 1 && (isValidAddress(line) || ADDRESS_LIKE.test(line)))
    return { type: 'command', line: `/stake ${line}` };
  return commandNameOf(line) !== null ? { type: 'command', line } : { type: 'hint' };
}

export async function answerCommand(line: unknown, ctx: CommandContext): Promise<Reply> {
  return withUsage(await answer(line, ctx));
}
