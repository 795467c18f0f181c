/**
 * The contract between the alert engine and the platforms: where a message goes, what it says (as
 * data, rendered by each platform in its own way), and what became of it.
 */
import type { CommandLink, Link } from '../links/urls.js';

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

/** A moment in an alert's text, which each platform shows its own way and which never goes stale. */
export interface TimeSpan {
  atMs: number;
}

/** A piece of an alert's text: plain words, or a moment. */
export type Span = string | TimeSpan;

/**
 * One alert, ready to render: a title, short lines of fact, link buttons, and its data's age. The
 * title and lines are plain text with every moment as its UTC time ("2026-07-21 11:57 UTC"), which
 * is what a record of the alert keeps; `spans` holds the same text with the moments kept as moments,
 * which the platforms render (Discord as live timestamps, Telegram as UTC, the chat's local time
 * and how far off it is when sent).
 */
export interface NotifierMessage {
  /** Stable identity of the alert, e.g. `ref:123:approved`; the notifier never sends one twice in a call. */
  alertId: string;
  severity: AlertSeverity;
  title: string;
  /** Plain text facts, one per line; platforms escape them for their markup. */
  lines: string[];
  /** The title and lines as spans, when they name a moment; absent, they are `title` and `lines`. */
  spans?: { title: Span[]; lines: Span[][] };
  /** Link buttons (core/links), rendered as buttons by both platforms. */
  links?: Link[];
  /** Buttons that run a command line in the chat (e.g. the call data to vote on a referendum). */
  commands?: CommandLink[];
  /** The chat's IANA zone (`Europe/Berlin`), from its quiet hours: times are also shown in it. */
  timeZone?: string;
  /** e.g. "data as of relay block 31,562,213"; platforms add when that was (`dataAtMs`). */
  footer?: string;
  /** The chain time of the data the alert was detected in. */
  dataAtMs?: number;
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
