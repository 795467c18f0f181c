/**
 * The data age every answer states: a footer with the relay block and the snapshot's age, the
 * embed timestamp (shown in the reader's zone), and a plain warning line when the data is stale.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import { formatInteger } from '../../../core/format/number.js';
import type { Freshness } from '../../../core/reply/freshness.js';
import { duration } from './time.js';

export function freshnessFooter(f: Freshness): string {
  const age = f.ageMs === null ? 'age unknown' : `${duration(f.ageMs)} old`;
  const stale = f.stale ? ' · STALE' : '';
  return `Data as of relay block #${formatInteger(f.relayBlock)} · snapshot ${age}${stale}`;
}

/** Null when the data is fresh. */
export function staleWarning(f: Freshness | null): string | null {
  if (!f?.stale) return null;
  const age = f.ageMs === null ? 'of unknown age' : `${duration(f.ageMs)} old`;
  return `⚠️ **Stale data:** the newest snapshot is ${age} (answers count as fresh up to ${duration(f.staleAfterMs)}). The figures below may be out of date.`;
}

/** Adds the footer, timestamp and stale warning to the first embed of an answer. */
export function withFreshness(embed: APIEmbed, f: Freshness | null): APIEmbed {
  if (!f) return embed;
  const warning = staleWarning(f);
  const out: APIEmbed = { ...embed, footer: { text: freshnessFooter(f) } };
  if (Number.isFinite(f.snapshotAtMs) && f.snapshotAtMs > 0)
    out.timestamp = new Date(f.snapshotAtMs).toISOString();
  if (warning) out.description = embed.description ? `${warning}\n\n${embed.description}` : warning;
  return out;
}
