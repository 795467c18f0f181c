/**
 * The one door of the golden test into the product: every import of product code the golden test
 * makes is in this file, behind a small API that says what a user sees (the answer to a command
 * line, rendered as plain text, for Telegram and for Discord; an alert, likewise; the command
 * menus). When a product file moves, only an import line here changes.
 */

import { vi } from 'vitest';
import { answerCommand, type CommandContext } from '../../bots/commands/index.js';
import { commandSpec, settingsChangeOf } from '../../bots/commands/parse.js';
import { slashCommandDefinitions } from '../../bots/discord/definitions/index.js';
import { groupAlerts as discordGroupAlerts } from '../../bots/discord/delivery/index.js';
import {
  autocompleteChoices,
  callerOf,
  commandRequest,
  reply as interactionReply,
  subscriptionPermissionProblem,
} from '../../bots/discord/interactions/index.js';
import { messageBody, renderReply as renderDiscordReply } from '../../bots/discord/render/index.js';
import { alertParts, groupAlerts as telegramGroupAlerts } from '../../bots/telegram/alert-html.js';
import {
  ADMIN_CHECK_FAILED_HTML,
  FAILED_HTML,
  NOT_ADMIN_HTML,
  NOT_ADMIN_TOAST,
  NOT_TEXT_HTML,
  OLD_BUTTON_TOAST,
} from '../../bots/telegram/messages.js';
import { commandMenu } from '../../bots/telegram/registration.js';
import { renderReply as renderTelegramReply } from '../../bots/telegram/render-reply.js';
import { renderText } from '../../bots/text/render.js';
import { type Alert, ALERT_KINDS as PRODUCT_ALERT_KINDS } from '../../core/alerts/alert-types.js';
import { alertMessage, type MessageContext } from '../../core/alerts/messages.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { NotifierMessage } from '../../core/ports/notifier.js';
import type { Reply } from '../../core/reply/reply-types.js';
import type { Target } from '../../core/subscriptions/subscription-model.js';
import type { Scenario } from '../../dev/scenario/index.js';
import { ALERT_NOW_MS } from './alert-cases.js';
import { type GoldenWorld, startWorld, type WorldTable } from './world.js';

export type {
  Alert,
  AlertRecordStore,
  CommandContext,
  GoldenWorld,
  MessageContext,
  NotifierMessage,
  Reply,
  Scenario,
  Target,
  WorldTable,
};
export type AlertFacts = Alert['facts'];

export const ALERT_KINDS: readonly string[] = PRODUCT_ALERT_KINDS;

/** The golden world, with the wall clock faked while the dev chain starts. */
export function startGoldenWorld(commitDelayMs: number): Promise<GoldenWorld> {
  return startWorld(commitDelayMs, async (atMs, start) => {
    vi.useFakeTimers({ toFake: ['Date'], now: atMs });
    try {
      return await start();
    } finally {
      vi.useRealTimers();
    }
  });
}

/** The reply intent a command line gets. */
export function answer(line: unknown, ctx: CommandContext): Promise<Reply> {
  return answerCommand(line, ctx);
}

/** What `npm run ask` prints for a reply. */
export function renderPlain(reply: Reply): string {
  return renderText(reply);
}

/** The Telegram answer: HTML messages, the inline keyboard, and the chart photo's name and caption. */
export interface TelegramSurface {
  messages: string[];
  keyboard: unknown;
  photo: { fileName: string; caption: string | null } | null;
}

export function renderTelegram(reply: Reply): TelegramSurface {
  const answer = renderTelegramReply(reply);
  return {
    messages: answer.messages,
    keyboard: answer.keyboard,
    photo: answer.photo ? { fileName: answer.photo.fileName, caption: answer.photo.caption } : null,
  };
}

/**
 * The Discord answer: the interaction response the bot sends for the reply, and when the reply
 * has a chart, its file name and the follow-up body that shows it attached (no PNG bytes).
 */
export interface DiscordSurface {
  response: unknown;
  chart: { type: string; fileName: string } | null;
  followupWithChart: unknown;
}

export function renderDiscord(reply: Reply): DiscordSurface {
  const message = renderDiscordReply(reply);
  const chart = message.chart ? { type: message.chart.type, fileName: message.chart.fileName } : null;
  return {
    response: interactionReply(message),
    chart,
    followupWithChart: chart ? messageBody(renderDiscordReply(reply, { chartAttached: true })) : null,
  };
}

/** The alert as the platform-neutral message every notifier renders (the product has no plain-text alert renderer). */
export function alertPlain(alert: Alert, ctx: MessageContext): NotifierMessage {
  return alertMessage(alert, ctx);
}

/** The alert as Telegram HTML: one message, or its numbered parts, sent at the alerts' clock. */
export function alertTelegram(message: NotifierMessage, limit?: number): string[] {
  return alertParts(message, { ...(limit ? { limit } : {}), nowMs: ALERT_NOW_MS });
}

/** The alert as a Discord message: its embed and its link buttons. */
export function alertDiscord(message: NotifierMessage): unknown {
  const { embeds, components } = discordGroupAlerts([message])[0]!;
  return components.length > 0 ? { embeds, components } : { embeds };
}

/** Several alerts to one chat, as the Telegram notifier groups them into messages. */
export function alertTelegramGroups(messages: readonly NotifierMessage[]): unknown {
  return telegramGroupAlerts(messages, { nowMs: ALERT_NOW_MS });
}

/** Several alerts to one channel, as the Discord notifier groups them into messages. */
export function alertDiscordGroups(messages: readonly NotifierMessage[]): unknown {
  return discordGroupAlerts(messages);
}

/** The JSON body `npm run discord:register` puts to Discord. */
export function discordDefinitions(): unknown {
  return slashCommandDefinitions();
}

/** The command menu `npm run telegram:commands` sets. */
export function telegramMenu(): unknown {
  return commandMenu();
}

/** The command a line counts as for the admin check (it changes what the chat receives), or null. */
export function chatChange(line: string): string | null {
  return settingsChangeOf(line)?.name ?? null;
}

/** A Discord slash interaction's data → the command line it runs, whose alerts, and whether it writes. */
export function discordSlashRequest(data: Record<string, unknown>): unknown {
  const request = commandRequest(data);
  return { ...request, writes: request.writes?.name ?? null };
}

/**
 * What Discord answers when the sender of `interaction` may not change the alerts there with
 * `command` (the interaction response), or null when it may.
 */
export function discordPermissionResponse(
  interaction: Record<string, unknown>,
  scope: 'here' | 'dm',
  command: string,
): unknown {
  const problem = subscriptionPermissionProblem(callerOf(interaction), scope, commandSpec(command)!);
  return problem ? interactionReply(renderDiscordReply(problem)) : null;
}

/** The Telegram bot's own words (refusals, apologies, toasts), by name. */
export function telegramFixedMessages(): Record<string, string> {
  return {
    'a group member who is not an admin changes its alerts': NOT_ADMIN_HTML,
    'the same, from a button (toast)': NOT_ADMIN_TOAST,
    'the admin check failed': ADMIN_CHECK_FAILED_HTML,
    'answering failed': FAILED_HTML,
    'a private message that is not text': NOT_TEXT_HTML,
    'a button of a message too old to see (toast)': OLD_BUTTON_TOAST,
  };
}

/** The choices Discord's autocomplete offers for an interaction, answered over the contexts `contextFor` gives. */
export function discordAutocomplete(
  contextFor: (caller: Target | null) => CommandContext,
  data: Record<string, unknown>,
  interaction: Record<string, unknown>,
): Promise<unknown> {
  const bridge = {
    run: (line: string, caller: Target | null) => answerCommand(line, contextFor(caller)),
    context: contextFor,
  };
  return autocompleteChoices(
    { bridge, subscriptions: contextFor(null).subscriptions },
    data,
    callerOf(interaction),
  );
}
