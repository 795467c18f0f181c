/**
 * Alerts as Discord embeds: one embed per alert, coloured by severity, grouped into as few
 * messages as Discord allows (10 embeds and 6000 characters a message).
 */
import type { APIEmbed } from 'discord-api-types/v10';
import type { NotifierMessage } from '../../../core/ports/notifier.js';
import { clampEmbed, EMBED_LIMITS, embedLength, escapeMarkdown } from '../limits.js';
import { SEVERITY_COLOURS } from '../render/index.js';

export function alertEmbed(message: NotifierMessage): APIEmbed {
  const colour = SEVERITY_COLOURS[message.severity] ?? SEVERITY_COLOURS.info;
  const embed: APIEmbed = {
    title: message.title.trim() || 'Alert',
    description: message.lines.map(escapeMarkdown).join('\n'),
    color: colour,
  };
  if (message.url && /^https?:\/\/\S+$/.test(message.url)) embed.url = message.url;
  if (message.footer) embed.footer = { text: message.footer };
  return clampEmbed(embed);
}

export interface AlertGroup {
  alertIds: string[];
  embeds: APIEmbed[];
}

/** Distinct alerts (the first of each alertId), packed into messages in order. */
export function groupAlerts(messages: readonly NotifierMessage[]): AlertGroup[] {
  const seen = new Set<string>();
  const groups: AlertGroup[] = [];
  let current: AlertGroup | null = null;
  let length = 0;
  for (const message of messages) {
    if (seen.has(message.alertId)) continue;
    seen.add(message.alertId);
    const embed = alertEmbed(message);
    const size = embedLength(embed);
    if (
      !current ||
      current.embeds.length >= EMBED_LIMITS.embedsPerMessage ||
      length + size > EMBED_LIMITS.total
    ) {
      current = { alertIds: [], embeds: [] };
      groups.push(current);
      length = 0;
    }
    current.alertIds.push(message.alertId);
    current.embeds.push(embed);
    length += size;
  }
  return groups;
}
