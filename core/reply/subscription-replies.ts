/** The answers about what a chat receives: subscribing, the subscription list, alert settings, and `/missed`. */
import type { AlertKind } from '../alerts/alert-types.js';
import type { DeliveryTarget, NotifierMessage } from '../ports/notifier.js';
import type { AlertSettings } from '../subscriptions/settings.js';
import type { Subscription } from '../subscriptions/subscription-model.js';
import type { ReplyBase } from './reply-types.js';

export interface SubscribedReply extends ReplyBase {
  type: 'subscribed';
  outcome: 'created' | 'unchanged' | 'updated';
  target: DeliveryTarget;
  subscription: Subscription;
  count: number;
  limit: number;
  /** The target had been disabled (the platform said it was gone) and is active again. */
  reenabled: boolean;
  /** A para id the latest snapshot does not know (subscribed all the same: it may be registered later). */
  unknownPara?: number;
}

export interface UnsubscribedReply extends ReplyBase {
  type: 'unsubscribed';
  target: DeliveryTarget;
  removed: Subscription[];
  remaining: number;
}

export interface SubscriptionsReply extends ReplyBase {
  type: 'subscriptions';
  target: DeliveryTarget;
  subscriptions: Subscription[];
  limit: number;
  disabled: { reason: string; atMs: number } | null;
  /** The chat's quiet hours and muted kinds; null where alert settings are not offered. */
  settings: AlertSettings | null;
  /** Subscription id → its own settings, for those that have some (they add to the chat's). */
  ownSettings: Record<string, AlertSettings>;
}

/**
 * quiet-off: no quiet hours (for a subscription: none even when the chat has some);
 * quiet-default: a subscription follows the chat's quiet hours again.
 */
export type AlertSettingsAction = 'shown' | 'quiet-set' | 'quiet-off' | 'quiet-default' | 'muted' | 'unmuted';

/** One subscription's settings: what it says itself, and what applies to it with the chat's. */
export interface SubscriptionSettings {
  subscription: Subscription;
  /** Its own entry: kinds muted for it alone, its own quiet hours, or its own "none". */
  own: AlertSettings;
  /** What the alert engine applies: the chat's muted kinds and its own, its quiet hours or else the chat's. */
  effective: AlertSettings;
}

export interface AlertSettingsReply extends ReplyBase {
  type: 'alert-settings';
  target: DeliveryTarget;
  action: AlertSettingsAction;
  /** False when the command asked for what already was so (nothing was written). */
  changed: boolean;
  /** The kinds `/mute` or `/unmute` named (all of them for `/unmute all`). */
  kinds: AlertKind[];
  /** The whole chat's settings (after the command, when it was about the whole chat). */
  settings: AlertSettings;
  /** The subscription the command was about ("for <id>"), after the command; null for the whole chat. */
  subscription: SubscriptionSettings | null;
}

/**
 * What became of an alert: sent; being sent right now; waiting for the chat's quiet hours to end;
 * retrying after a failed attempt; failed for good; or not delivered because the chat is gone.
 */
export type MissedState = 'sent' | 'sending' | 'quiet-hours' | 'retrying' | 'failed' | 'gone';

export interface MissedRow {
  message: NotifierMessage;
  state: MissedState;
  /** Why it failed or is being retried. */
  error: string | null;
  /** When it is due again (quiet hours end, next attempt). */
  nextAtMs: number | null;
  /** Failed attempts so far. */
  attempts: number;
  detectedAtMs: number;
}

export interface MissedReply extends ReplyBase {
  type: 'missed';
  target: DeliveryTarget;
  hours: number;
  /** The alert engine's clock when answered, and the start of the window. */
  nowMs: number;
  sinceMs: number;
  /** Newest first, at most `limit`. */
  rows: MissedRow[];
  limit: number;
  /** More alerts fell in the window than are shown. */
  more: boolean;
}
