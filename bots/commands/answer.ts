/**
 * One command line in, one reply intent out — for both bots and `npm run ask`. Never throws: bad
 * input becomes an error reply naming what was wrong, and a store failure a plain "unavailable".
 * Every reply carries the data age of the snapshot it was answered from.
 */
import type { Command } from '../../core/commands/command-types.js';
import type { CommandName } from '../../core/commands/grammar.js';
import { commandNameOf, parseCommand } from '../../core/commands/parse.js';
import { errorReply, helpReply, noSnapshotReply, unavailableReply } from '../../core/reply/builders.js';
import type { Reply } from '../../core/reply/reply-types.js';
import { alertSettingsCommand } from './alert-settings.js';
import type { CommandContext } from './context.js';
import { eraCommand } from './era.js';
import { type Frame, loadFrame } from './frame.js';
import { missedCommand } from './missed.js';
import { referendaCommand } from './referenda.js';
import { referendumCommand } from './referendum.js';
import { stakeCommand } from './stake.js';
import { statusCommand } from './status.js';
import { subscribeCommand } from './subscribe.js';
import { subscriptionsCommand } from './subscriptions.js';
import { tracksCommand } from './tracks.js';
import { unsubscribeCommand } from './unsubscribe.js';
import { validatorCommand } from './validator.js';

function run(command: Command, frame: Frame, ctx: CommandContext): Promise<Reply> | Reply {
  switch (command.name) {
    case 'stake':
      return stakeCommand(command, frame, ctx);
    case 'validator':
      return validatorCommand(command, frame, ctx);
    case 'era':
      return eraCommand(frame, ctx);
    case 'referenda':
      return referendaCommand(command, frame, ctx);
    case 'referendum':
      return referendumCommand(command, frame, ctx);
    case 'tracks':
      return tracksCommand(frame, ctx);
    case 'subscribe':
      return subscribeCommand(command, frame, ctx);
    case 'unsubscribe':
      return unsubscribeCommand(command, frame, ctx);
    case 'subscriptions':
      return subscriptionsCommand(frame, ctx);
    case 'missed':
      return missedCommand(command, frame, ctx);
    case 'quiet':
    case 'mute':
    case 'unmute':
      return alertSettingsCommand(command, frame, ctx);
    case 'status':
      return statusCommand(frame);
    case 'help':
      return helpReply(command.topic, frame.freshness);
  }
}

export async function answerCommand(line: unknown, ctx: CommandContext): Promise<Reply> {
  const parsed = parseCommand(line);
  const name: CommandName | null = parsed.ok ? parsed.value.name : commandNameOf(line);
  let frame: Frame | null;
  try {
    frame = await loadFrame(ctx);
  } catch (error) {
    ctx.log?.(`reading the snapshot pointer failed: ${(error as Error).message}`);
    if (!parsed.ok) return errorReply(parsed.error, name, null);
    return parsed.value.name === 'help' ? helpReply(parsed.value.topic, null) : unavailableReply(name, null);
  }
  if (!parsed.ok) return errorReply(parsed.error, name, frame?.freshness ?? null);
  if (!frame)
    return parsed.value.name === 'help' ? helpReply(parsed.value.topic, null) : noSnapshotReply(name);
  try {
    return await run(parsed.value, frame, ctx);
  } catch (error) {
    ctx.log?.(`/${name} failed: ${(error as Error).stack ?? String(error)}`);
    return unavailableReply(name, frame.freshness);
  }
}
