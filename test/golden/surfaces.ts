/**
 * The one door of the golden test into the product: every import of product code the golden test
 * makes is in this file, behind a small API that says what a user sees (the answer to a command
 * line, rendered as plain text, for Telegram and for Discord; an alert, likewise; the command
 * menus). When a product file moves, only an import line here changes.
 */

import { vi } from 'vitest';
import {
  answerCommand,
  type CommandContext,
  commandContext,
  SnapshotCache,
} from '../../bots/commands/index.js';
import { commandSpec, settingsChangeOf } from '../../bots/commands/parse.js';
import { slashCommandDefinitions } from '../../bots/discord/definitions/index.js';
import { alertEmbed, groupAlerts as discordGroupAlerts } from '../../bots/discord/delivery/index.js';
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
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { Reply } from '../../core/reply/reply-types.js';
import type { Target } from '../../core/subscriptions/subscription-model.js';
import { type DevChain, startDevChain } from '../../dev/chain/devchain.js';
import { generateScenario, type Scenario, seedStorage } from '../../dev/scenario/index.js';
import { runSnapshotJob } from '../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../lambdas/snapshot/read/era-archive.js';
import { createAlertRecordStore } from '../../lambdas/store/alert-records/index.js';
import { createDynamoStore } from '../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../lambdas/store/subscriptions/index.js';
import { startTestDynamo } from '../helpers/dynamo.js';

export type {
  Alert,
  AlertRecordStore,
  CommandContext,
  MessageContext,
  NotifierMessage,
  Reply,
  Scenario,
  Target,
};
export type AlertFacts = Alert['facts'];

export const ALERT_KINDS: readonly string[] = PRODUCT_ALERT_KINDS;

/** Where commands are answered from: one snapshot of the `small` scenario, committed at a fixed time. */
export interface GoldenWorld {
  scenario: Scenario;
  /** Chain time of the snapshot (Timestamp.Now at its block), from the scenario. */
  chainTimeMs: number;
  /** When the snapshot was committed: the store's injected clock. */
  committedAtMs: number;
  /** A command context over the snapshot; `now` is fixed. */
  context(options: {
    caller: Target | null;
    now: number;
    table?: 'main' | 'empty' | 'broken';
  }): CommandContext;
  /** An alert-record store over the snapshot's table whose clock reads `clock()`. */
  alertRecordsAt(clock: () => number): AlertRecordStore;
  close(): Promise<void>;
}

const STALE_AFTER_MS = 15 * 60_000;
/** What the wall clock reads while the dev chain starts and is seeded. */
const CHAIN_START_MS = Date.UTC(2026, 6, 1);

/** A reader whose every read fails, as a store outage does. */
const brokenReader: SnapshotReader = {
  getPointer: () => Promise.reject(new Error('store unreachable')),
  getEntity: () => Promise.reject(new Error('store unreachable')),
  getEntities: () => Promise.reject(new Error('store unreachable')),
  getVersionInfo: () => Promise.reject(new Error('store unreachable')),
};

/**
 * The dev chain seeded with the `small` scenario (seed 42), one snapshot run into a fresh dynalite
 * table with every store clock injected: the snapshot commits `commitDelayMs` after its chain time.
 */
export async function startGoldenWorld(commitDelayMs: number): Promise<GoldenWorld> {
  const scenario = generateScenario({ size: 'small', seed: 42 });
  // Chopsticks stamps the dev chain's first block with the wall clock (the genesis has no
  // Timestamp.Now), and /status shows that block's hash: the clock reads a fixed time meanwhile.
  vi.useFakeTimers({ toFake: ['Date'], now: CHAIN_START_MS });
  let chain: DevChain;
  try {
    chain = await startDevChain();
    await seedStorage(chain.endpoint, scenario.storage).catch(async (error) => {
      await chain.close();
      throw error;
    });
  } finally {
    vi.useRealTimers();
  }
  const dynamo = await startTestDynamo().catch(async (error) => {
    await chain.close();
    throw error;
  });
  try {
    const chainTimeMs = scenario.expected.anchor.timestampMs;
    const committedAtMs = chainTimeMs + commitDelayMs;
    const tableName = await dynamo.newTable('golden');
    const emptyTable = await dynamo.newTable('golden-empty');
    const clock = () => committedAtMs;
    const store = createDynamoStore({ client: dynamo.client, tableName, now: clock });
    const empty = createDynamoStore({ client: dynamo.client, tableName: emptyTable, now: clock });
    await runSnapshotJob({
      store,
      endpoints: { assetHub: [chain.endpoint] },
      archive: new MemoryEraArchive(),
    });
    const subscriptions = createSubscriptionStore({ client: dynamo.client, tableName, now: clock });
    const alertRecords = createAlertRecordStore({ client: dynamo.client, tableName, now: clock });
    const caches = { main: new SnapshotCache(), empty: new SnapshotCache(), broken: new SnapshotCache() };
    const readers = { main: store, empty, broken: brokenReader };
    return {
      scenario,
      chainTimeMs,
      committedAtMs,
      context: ({ caller, now, table = 'main' }) =>
        commandContext({
          store: readers[table],
          subscriptions,
          alertRecords,
          caller,
          now: () => now,
          staleAfterMs: STALE_AFTER_MS,
          cache: caches[table],
        }),
      alertRecordsAt: (at) => createAlertRecordStore({ client: dynamo.client, tableName, now: at }),
      close: async () => {
        await dynamo.close();
        await chain.close();
      },
    };
  } catch (error) {
    await dynamo.close();
    await chain.close();
    throw error;
  }
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

/** The alert as Telegram HTML: one message, or its numbered parts. */
export function alertTelegram(message: NotifierMessage, limit?: number): string[] {
  return alertParts(message, limit);
}

/** The alert as a Discord embed. */
export function alertDiscord(message: NotifierMessage): unknown {
  return alertEmbed(message);
}

/** Several alerts to one chat, as the Telegram notifier groups them into messages. */
export function alertTelegramGroups(messages: readonly NotifierMessage[]): unknown {
  return telegramGroupAlerts(messages);
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
