/**
 * The contract between the alert engine and the platforms: where a message goes, what it says (as
 * data, rendered by each platform in its own way), and what became of it.
 */
import type { Link } from '../links/urls.js';

export type Platform = 'discord' | 'telegram';

export type TargetKind = 'channel' | 'chat' | 'dm';

/** A Discord channel, a Telegram chat, or a user's direct messages on either platform. */
export interface DeliveryTarget {
  platform: Platform;
  kind: TargetKind;
  /** The platform's id: a Discord snowflake (channel or user), a Telegram chat id (negative for groups). */
  id: string;
}

export type AlertSeverity = 'info' | 'warning' | 'critical';

/** One alert, ready to render: a title, short lines of fact, an optional link, and its data age. */
export interface NotifierMessage {
  /** Stable identity of the alert, e.g. `ref:123:approved`; the notifier never sends one twice in a call. */
  alertId: string;
  severity: AlertSeverity;
  title: string;
  /** Plain text facts, one per line; platforms escape them for their markup. */
  lines: string[];
  url?: string;
  /** Link buttons (core/links), rendered as buttons by both platforms. */
  links?: Link[];
  /** e.g. "data as of relay block 31,562,213 (2 min ago)". */
  footer?: string;
}

export type DeliveryOutcome =
  | { status: 'sent'; alertIds: string[]; messageIds: string[] }
  /** Rate limited or a transient platform error: try again after the delay. */
  | { status: 'retry'; alertIds: string[]; afterMs: number; reason: string }
  /** The target is gone for good (bot blocked or kicked, unknown channel, missing access). */
  | { status: 'gone'; alertIds: string[]; reason: string }
  /** A permanent error for these messages (e.g. rejected content); the target stays enabled. */
  | { status: 'failed'; alertIds: string[]; reason: string };

export interface Notifier {
  readonly platform: Platform;
  /**
   * Sends the messages to one target, grouping several into one platform message where it can,
   * within the platform's rate limits. Resolves with one outcome per group of messages; never throws
   * for platform errors.
   */
  send(target: DeliveryTarget, messages: readonly NotifierMessage[]): Promise<DeliveryOutcome[]>;
}
