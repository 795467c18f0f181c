/**
 * The Lambda entry points the stack deploys, by key: where each handler module lives and the
 * folder its bundle goes to. Only the snapshot Lambda may bundle @polkadot/api.
 */
export const HANDLERS = {
  snapshot: { entry: 'lambdas/handlers/snapshot.ts', bundle: 'snapshot', allowPolkadot: true },
  telegramWebhook: { entry: 'lambdas/handlers/telegram-webhook.ts', bundle: 'telegram-webhook' },
  discordInteractions: { entry: 'lambdas/handlers/discord-interactions.ts', bundle: 'discord-interactions' },
  discordFollowup: { entry: 'lambdas/handlers/discord-followup.ts', bundle: 'discord-followup' },
  alertDetector: { entry: 'lambdas/handlers/alert-detector.ts', bundle: 'alert-detector' },
  alertDispatcher: { entry: 'lambdas/handlers/alert-dispatcher.ts', bundle: 'alert-dispatcher' },
} as const satisfies Record<string, { entry: string; bundle: string; allowPolkadot?: boolean }>;

export type HandlerKey = keyof typeof HANDLERS;

export const HANDLER_KEYS = Object.keys(HANDLERS) as HandlerKey[];
