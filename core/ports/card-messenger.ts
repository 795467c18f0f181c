/**
 * The platforms' side of live cards: send a card, edit it in place, and after a lost answer look
 * for the message a create made. A card is a reply document already laid out by the caller's
 * platform renderer; the messenger only moves it.
 */
import type { DeliveryTarget, Platform } from './notifier.js';

/** What became of a platform call about a card. */
export type CardOutcome =
  | { status: 'ok'; messageIds: string[] }
  /** The message no longer exists (Discord 10008 Unknown Message, Telegram "message to edit not found"). */
  | { status: 'missing'; reason: string }
  /** Rate limited or a transient failure: leave it to the next run (or after `afterMs`). */
  | { status: 'retry'; afterMs: number; reason: string }
  /** The target is gone for good (the bot was removed or blocked). */
  | { status: 'gone'; reason: string }
  /** The platform refused this content; the target stays. */
  | { status: 'failed'; reason: string };

/** What a lookup for a lost create found: the message, none, or that the platform cannot be asked. */
export type CardLookup =
  | { status: 'found'; messageIds: string[] }
  | { status: 'none' }
  | { status: 'unsupported'; reason: string }
  | { status: 'retry'; reason: string };

export interface CardMessage {
  referendum: number;
  /** Identifies one generation of the card; a resend of the same create carries the same seed. */
  nonceSeed: string;
  /** The platform payload (its renderer's output), opaque here. */
  payload: unknown;
}

export interface CardMessenger {
  readonly platform: Platform;
  create(target: DeliveryTarget, card: CardMessage): Promise<CardOutcome>;
  edit(target: DeliveryTarget, messageIds: readonly string[], card: CardMessage): Promise<CardOutcome>;
  /** Looks for the card message a create sent at or after `sinceMs`. */
  find(target: DeliveryTarget, card: CardMessage, sinceMs: number): Promise<CardLookup>;
}
