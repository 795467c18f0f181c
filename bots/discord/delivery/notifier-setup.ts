/**
 * The Discord notifier as the alert engine sets it up: a bot-token REST client, Discord's limits,
 * and targets Discord reports gone disabled in the subscription store with the reason.
 */

import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import { createDiscordRest } from '../rest.js';
import { DiscordNotifier } from './notifier.js';

/** The `onGone` that disables the target's subscriptions in the store, recording Discord's reason. */
export function disableSubscriptionsOnGone(
  subscriptions: Pick<SubscriptionStore, 'disableTarget'>,
): (target: DeliveryTarget, reason: string) => Promise<void> {
  return async (target, reason) => {
    await subscriptions.disableTarget(
      { platform: target.platform, kind: target.kind, id: target.id },
      `Discord: ${reason}`,
    );
  };
}

export interface DiscordNotifierSetup {
  botToken: string;
  /** Default https://discord.com/api. */
  apiRoot?: string;
  /** Subscriptions of a gone target are disabled here, with the reason. */
  subscriptions: Pick<SubscriptionStore, 'disableTarget'> | null;
  log?: (line: string) => void;
}

/** The notifier the alert engine uses: bot-token REST client, Discord's limits, gone targets disabled. */
export function createDiscordNotifier(setup: DiscordNotifierSetup): DiscordNotifier {
  return new DiscordNotifier({
    rest: createDiscordRest({ token: setup.botToken, api: setup.apiRoot }),
    onGone: setup.subscriptions ? disableSubscriptionsOnGone(setup.subscriptions) : undefined,
    log: setup.log,
  });
}
