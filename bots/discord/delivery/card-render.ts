/**
 * A live referendum card on Discord: the card document as an embed (the phase's colour, the chart
 * as its image when the card has one) with its links as link buttons.
 */
import type { APIActionRowComponent, APIButtonComponentWithURL, APIEmbed } from 'discord-api-types/v10';
import type { ReferendumView } from '../../../core/opengov/view.js';
import type { ReplyDocument } from '../../text/document.js';
import { clampEmbed } from '../limits.js';
import { documentEmbed, linkRows, phaseColour } from '../render/index.js';

export interface DiscordCardPayload {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithURL>[];
  photo: { png: Uint8Array; fileName: string } | null;
}

export function discordCard(
  doc: ReplyDocument,
  view: ReferendumView,
  photo: { png: Uint8Array; fileName: string } | null,
): DiscordCardPayload {
  const embed = documentEmbed(doc, phaseColour(view));
  if (photo) embed.image = { url: `attachment://${photo.fileName}` };
  return { embeds: [clampEmbed(embed)], components: linkRows(doc.links), photo };
}
