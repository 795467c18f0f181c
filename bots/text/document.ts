/**
 * The one shape every reply is worded into: a title, sections of lines, warnings, notes, links and
 * actions. Plain text, Telegram HTML and Discord embeds are thin formatters of this document, so the
 * platforms say the same facts in the same words. Spans mark what each platform shows its own way:
 * an address (with its on-chain name), a time (absolute and relative), a copyable code.
 */
import type { AccountNames } from '../../core/identity/identity-types.js';
import type { Link } from '../../core/links/urls.js';
import type { ReplyAction, ReplyAttachment } from '../../core/reply/reply-types.js';

/** An address, shown through its name when it has one; bare (or `short`ened) without. */
export interface AddressSpan {
  kind: 'address';
  address: string;
  short?: boolean;
}

/** A moment: the absolute UTC time and how far it is from the answer's clock. */
export interface TimeSpan {
  kind: 'time';
  atMs: number;
}

export interface CodeSpan {
  kind: 'code';
  text: string;
}

/** Plain text (from the chain or the user, escaped by every formatter), or a marked span. */
export type Span = string | AddressSpan | TimeSpan | CodeSpan;

export interface DocLine {
  /** "Bonded" in "Bonded: 750 KSM"; formatters may emphasise it. */
  label?: string;
  spans: Span[];
}

export interface DocSection {
  /** Null: lines that belong to the reply's body; otherwise a titled block (a Discord field). */
  heading: string | null;
  lines: DocLine[];
}

/** The kind of answer, for a platform's colour; a referendum's phase colours it on Discord. */
export type DocTone = 'staking' | 'governance' | 'subscription' | 'status' | 'help' | 'error';

export interface ReplyDocument {
  title: Span[];
  tone: DocTone;
  /** Lines under the title: the full address of the subject, a conversion note. */
  subtitle: DocLine[];
  sections: DocSection[];
  /** Conditions the reader should act on. */
  warnings: DocLine[];
  /** Quiet closing remarks: how a figure is computed, where to read more. */
  notes: DocLine[];
  links: Link[];
  actions: ReplyAction[];
  attachments: ReplyAttachment[];
  names: AccountNames;
  /** The clock relative times count from (the snapshot's chain time); null: now unknown. */
  nowMs: number | null;
  /** The chat's IANA zone: times shown as text add the local time there. */
  timeZone: string | null;
  /** The stale-data warning, when the data is stale. */
  stale: string | null;
  /** The data-age footer; null for answers that do not rest on the snapshot (help, errors). */
  footer: string | null;
}

export const address = (a: string, short = false): AddressSpan => ({ kind: 'address', address: a, short });
export const time = (atMs: number): TimeSpan => ({ kind: 'time', atMs });
export const code = (text: string): CodeSpan => ({ kind: 'code', text });

/** A line from spans, or from a label and spans. */
export function line(...spans: Span[]): DocLine {
  return { spans };
}

export function fact(label: string, ...spans: Span[]): DocLine {
  return { label, spans };
}

export function section(heading: string | null, lines: DocLine[]): DocSection {
  return { heading, lines };
}
