/**
 * A reply intent → one Discord message: its embed (with the data age and any stale warning), its
 * buttons and link buttons, whether only the caller sees it (errors), and the chart it wants
 * attached. Answers worded as documents (bots/text) are laid out by `documentEmbed`; the others
 * still have embeds of their own here.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord-api-types/v10';
import type { ChartAttachment, Reply } from '../../../core/reply/reply-types.js';
import { structuredDocument } from '../../text/documents.js';
import { startText } from '../../text/start-text.js';
import { clampEmbed } from '../limits.js';
import { alertSettingsEmbed } from './alert-settings.js';
import { errorEmbed, helpEmbed, statusEmbed } from './basic.js';
import { actionRows } from './buttons.js';
import { phaseColour } from './colours.js';
import { documentEmbed, linkRows } from './document.js';
import { withFreshness } from './freshness.js';
import { missedEmbed } from './missed.js';
import { subscriptionSettingsEmbed } from './subscription-settings.js';
import { subscribedEmbed, subscriptionsEmbed, unsubscribedEmbed } from './subscriptions.js';

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

function embedOf(reply: Reply, options: RenderOptions, chart: ChartAttachment | null): APIEmbed {
  const doc = structuredDocument(reply);
  if (doc) {
    // The document carries its own data age (footer and stale warning).
    const colour = reply.type === 'referendum' ? phaseColour(reply.view) : undefined;
    const embed = documentEmbed(doc, colour);
    if (options.chartAttached && chart) embed.image = { url: `attachment://${chart.fileName}` };
    if (reply.freshness && Number.isFinite(reply.freshness.snapshotAtMs) && reply.freshness.snapshotAtMs > 0)
      embed.timestamp = new Date(reply.freshness.snapshotAtMs).toISOString();
    return embed;
  }
  switch (reply.type) {
    case 'stake':
    case 'validator':
    case 'era':
    case 'referenda':
    case 'referendum':
    case 'tracks':
      throw new Error(`${reply.type} is worded as a document`);
    case 'subscribed':
      return subscribedEmbed(reply);
    case 'unsubscribed':
      return unsubscribedEmbed(reply);
    case 'subscriptions':
      return subscriptionsEmbed(reply);
    case 'alert-settings':
      return reply.subscription
        ? subscriptionSettingsEmbed(reply, reply.subscription)
        : alertSettingsEmbed(reply);
    case 'missed':
      return missedEmbed(reply);
    case 'status':
      return statusEmbed(reply);
    case 'help':
      return helpEmbed(reply);
    case 'start': {
      const [title, ...lines] = startText(reply);
      return { title, description: lines.join('\n') };
    }
    case 'error':
      return errorEmbed(reply);
  }
}

export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  const chart = reply.attachments.find((a) => a.type === 'referendum-chart') ?? null;
  const own = embedOf(reply, options, chart);
  // Help and errors do not rest on the snapshot: no data age on them.
  const ageShown = structuredDocument(reply) !== null || reply.type === 'help' || reply.type === 'error';
  const embed = ageShown ? own : withFreshness(own, reply.freshness);
  return {
    embeds: [clampEmbed(embed)],
    components:
      reply.type === 'error' ? [] : [...actionRows(reply), ...linkRows(reply.links ?? [])].slice(0, 5),
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
