/**
 * The card records (core/cards): one per (target, referendum), moved by conditional writes only, so
 * two card jobs never both talk to the platform about one card and a crash leaves a record that says
 * what may have happened.
 */
import type { CardRecord } from '../cards/card-model.js';
import type { DeliveryTarget } from './notifier.js';

export type CardClaim =
  | { claimed: true; record: CardRecord }
  | { claimed: false; record: CardRecord | undefined };

export interface CardStore {
  /** The target's cards, by referendum id. */
  cards(target: DeliveryTarget): Promise<CardRecord[]>;
  get(target: DeliveryTarget, referendum: number): Promise<CardRecord | undefined>;
  /** Every target that has or had cards (the job also visits targets whose subscription is gone). */
  cardTargets(): Promise<DeliveryTarget[]>;
  /**
   * Takes the card for `owner` until `now + leaseMs`: creates its record (state claimed) or takes
   * an existing one that is not final and whose lease is free. One conditional write.
   */
  claim(
    target: DeliveryTarget,
    referendum: number,
    track: number,
    owner: string,
    leaseMs: number,
    /** Take a retired card back as a new generation (state claimed, no message). */
    reopen?: boolean,
  ): Promise<CardClaim>;
  /** Just before the create request leaves: the holder marks the ambiguous window open. */
  markSending(target: DeliveryTarget, referendum: number, owner: string): Promise<boolean>;
  /** The message exists and shows `hash` as of `version`; releases the claim. */
  markLive(
    target: DeliveryTarget,
    referendum: number,
    owner: string,
    applied: { messageIds: string[]; version: number; hash: string },
  ): Promise<boolean>;
  /** The message went away while the referendum is ongoing: the next create is a new generation. */
  markReplace(target: DeliveryTarget, referendum: number, owner: string, reason: string): Promise<boolean>;
  /** Closed (with the final version and hash) or retired or unknown: never touched again. */
  markFinal(
    target: DeliveryTarget,
    referendum: number,
    owner: string,
    state: 'closed' | 'retired' | 'unknown',
    detail: { reason: string; version?: number; hash?: string },
  ): Promise<boolean>;
  /**
   * Gives the claim back (a rate limit or a transient failure: the next run retries). `unsent`: the
   * create certainly did not leave (refused before sending), so the card goes back to claimed.
   */
  release(target: DeliveryTarget, referendum: number, owner: string, unsent?: boolean): Promise<boolean>;
}
