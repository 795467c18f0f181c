/**
 * A live referendum card: one message per (target, ongoing referendum) that the card job edits in
 * place as the referendum moves and closes once with its outcome. The record is what makes that
 * exactly once: the message ids, the last snapshot version and content hash applied, and the claim
 * a job holds while it talks to the platform.
 */
import type { DeliveryTarget } from '../ports/notifier.js';
import { targetKey } from '../subscriptions/subscription-model.js';

/**
 * claimed: taken, nothing sent yet (safe to send). sending: the create request may have left (the
 * ambiguous window). live: the message exists and shows `hash`. closed: the final edit with the
 * outcome is done. retired: no more edits (unsubscribed, message gone after the end, target gone).
 * unknown: a create whose answer was lost and which the platform cannot be asked about; never sent again.
 */
export type CardState = 'claimed' | 'sending' | 'live' | 'closed' | 'retired' | 'unknown';

export const FINAL_CARD_STATES: readonly CardState[] = ['closed', 'retired', 'unknown'];

export interface CardRecord {
  target: DeliveryTarget;
  referendum: number;
  /** The track the card was created for (an ended referendum no longer says). */
  track: number;
  state: CardState;
  /** The platform's message ids of the card (one on Discord; one on Telegram). */
  messageIds: string[];
  /** The newest snapshot version applied to the message (0 before the first). */
  version: number;
  /** The content hash the message shows; null before the first send. */
  hash: string | null;
  /** Messages created for this card so far: a deleted card's replacement is the next generation. */
  generation: number;
  owner: string | null;
  leaseUntilMs: number | null;
  /** When the current send began (a lost create is looked for among messages after it). */
  sendingAtMs: number | null;
  /** Why a card was retired or is unknown. */
  reason: string | null;
  createdAtMs: number;
  updatedAtMs: number;
}

/** "discord:channel:123#r412": one card per target and referendum. */
export function cardKey(target: DeliveryTarget, referendum: number): string {
  return `${targetKey(target)}#r${referendum}`;
}

export function isFinalCard(record: Pick<CardRecord, 'state'>): boolean {
  return FINAL_CARD_STATES.includes(record.state);
}

/** The card nonce of one generation: at most 25 characters, the same for every retry of one create. */
export function cardNonceSeed(target: DeliveryTarget, referendum: number, generation: number): string {
  return `card:${cardKey(target, referendum)}:g${generation}`;
}
