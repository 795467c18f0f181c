/** Interaction responses (https://discord.com/developers/docs/interactions/receiving-and-responding). */
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { commandError } from '../../../core/commands/errors.js';
import { errorReply } from '../../../core/reply/builders.js';
import { type DiscordMessage, messageBody, renderReply } from '../render/index.js';
import type { Choice } from './autocomplete.js';

export type InteractionResponse = { type: InteractionResponseType; data?: Record<string, unknown> };

export const pong = (): InteractionResponse => ({ type: InteractionResponseType.Pong });

export function reply(message: DiscordMessage): InteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(message) };
}

/** Replaces the message a button was on (paging); errors still go to the presser alone. */
export function update(message: DiscordMessage): InteractionResponse {
  if (message.ephemeral) return reply(message);
  return { type: InteractionResponseType.UpdateMessage, data: messageBody(message) };
}

export function deferred(updating: boolean): InteractionResponse {
  return {
    type: updating
      ? InteractionResponseType.DeferredMessageUpdate
      : InteractionResponseType.DeferredChannelMessageWithSource,
  };
}

export function choices(list: Choice[]): InteractionResponse {
  return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: list } };
}

/** An ephemeral plain answer for what no command could answer (our failure, an unsupported interaction). */
export function ephemeralNotice(message: string, hint: string | null = null): InteractionResponse {
  const rendered = renderReply(errorReply(commandError('unavailable', message, hint), null, null));
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { ...messageBody(rendered), flags: MessageFlags.Ephemeral },
  };
}
