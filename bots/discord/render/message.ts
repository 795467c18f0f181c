/**
 * A reply intent → one Discord message: its embed (with the data age and any stale warning), its
 * buttons and link buttons, whether only the caller sees it (errors), and the chart it wants
 * attached. Every answer is worded as a document (bots/text) and laid out by `documentEmbed`;
 * only the colour, the buttons and who sees it are Discord's own.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord-api-types/v10';
import type { ChartAttachment, Reply } from '../../../core/reply/reply-types.js';
import { replyDocument } from '../../text/documents.js';
import { missedTrouble } from '../../text/missed-doc.js';
import { statusStale } from '../../text/status-doc.js';
import { clampEmbed } from '../limits.js';
import { actionRows } from './buttons.js';
import { COLOURS, phaseColour, SEVERITY_COLOURS } from './colours.js';
import { documentEmbed, linkRows } from './document.js';

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  ephemeral: boolean;
  /** The chart to attach (rendered by the follow-up); null when none. */
  chart: ChartAttachment | null;
}

export interface RenderOptions {
  /** The chart PNG will be attached under this name: the embed shows it as its image. */
  chartAttached?: boolean;
}

/** The embed colour: the tone's, a referendum's phase, a stale status, a /missed with failures. */
function colourOf(reply: Reply): number | undefined {
  if (reply.type === 'referendum') return phaseColour(reply.view);
  if (reply.type === 'status' && statusStale(reply)) return COLOURS.stale;
  if (reply.type === 'missed' && missedTrouble(reply)) return SEVERITY_COLOURS.warning;
  return undefined;
}

function embedOf(reply: Reply, options: RenderOptions, chart: ChartAttachment | null): APIEmbed {
  // The document carries its own data age (footer and stale warning).
  const embed = documentEmbed(replyDocument(reply), colourOf(reply));
  if (options.chartAttached && chart) embed.image = { url: `attachment://${chart.fileName}` };
  const f = reply.freshness;
  if (
    f &&
    reply.type !== 'help' &&
    reply.type !== 'error' &&
    Number.isFinite(f.snapshotAtMs) &&
    f.snapshotAtMs > 0
  )
    embed.timestamp = new Date(f.snapshotAtMs).toISOString();
  return embed;
}

export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  const chart = reply.attachments.find((a) => a.type === 'referendum-chart') ?? null;
  return {
    embeds: [clampEmbed(embedOf(reply, options, chart))],
    components:
      reply.type === 'error' ? [] : [...actionRows(reply), ...linkRows(reply.links ?? [])].slice(0, 5),
    // Errors are shown to the caller only.
    ephemeral: reply.type === 'error',
    chart,
  };
}

/** The message body Discord takes in an interaction response, a webhook edit or a follow-up. */
export function messageBody(message: DiscordMessage): Record<string, unknown> {
  const body: Record<string, unknown> = {
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: { parse: [] },
  };
  if (message.ephemeral) body.flags = 64;
  return body;
}
