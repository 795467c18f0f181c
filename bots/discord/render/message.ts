/**
 * A reply intent → one Discord message: its embed (with the data age and any stale warning), its
 * buttons, whether only the caller sees it (errors), and the chart it wants attached.
 */
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord-api-types/v10';
import type { ChartAttachment, Reply } from '../../../core/reply/reply-types.js';
import { startText } from '../../text/start-text.js';
import { clampEmbed } from '../limits.js';
import { alertSettingsEmbed } from './alert-settings.js';
import { errorEmbed, helpEmbed, statusEmbed } from './basic.js';
import { actionRows } from './buttons.js';
import { withFreshness } from './freshness.js';
import { referendaEmbed, referendumEmbed, tracksEmbed } from './governance.js';
import { missedEmbed } from './missed.js';
import { stakeEmbed } from './stake.js';
import { eraEmbed, validatorEmbed } from './staking.js';
import { subscriptionSettingsEmbed } from './subscription-settings.js';
import { subscribedEmbed, subscriptionsEmbed, unsubscribedEmbed } from './subscriptions.js';

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  ephemeral: boolean;
  /** The chart to attach (rendered by the follow-up); null when none. */
  chart: ChartAttachment | null;
}

export interface RenderOptions {
  /** The chart PNG will be attached under this name: the embed shows it as its image. */
  chartAttached?: boolean;
}

function embedOf(reply: Reply, options: RenderOptions, chart: ChartAttachment | null): APIEmbed {
  switch (reply.type) {
    case 'stake':
      return stakeEmbed(reply);
    case 'validator':
      return validatorEmbed(reply);
    case 'era':
      return eraEmbed(reply);
    case 'referenda':
      return referendaEmbed(reply);
    case 'referendum':
      return referendumEmbed(reply, options.chartAttached && chart ? chart.fileName : null);
    case 'tracks':
      return tracksEmbed(reply);
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
  const embed = withFreshness(embedOf(reply, options, chart), reply.freshness);
  return {
    embeds: [clampEmbed(embed)],
    components: reply.type === 'error' ? [] : actionRows(reply),
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
