/**
 * Alerts as Discord messages: one embed per alert, coloured by severity, with the alerts' links as
 * link buttons, grouped into as few messages as Discord allows (10 embeds and 6000 characters, 5
 * rows of 5 buttons). Moments in lines are live timestamps (`<t:…:f>` and `<t:…:R>`), which Discord
 * renders in the reader's own zone and keeps current; an embed title cannot render them, so a
 * moment there is its UTC minute. The data's time is the embed's timestamp, shown in the footer.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { utcMinute } from '../../../core/alerts/spans.js';
import type { CommandLink, Link } from '../../../core/links/urls.js';
import type { NotifierMessage, Span } from '../../../core/ports/notifier.js';
import {
  ACTION_ROWS,
  BUTTON_LABEL_LIMIT,
  COMPONENTS_PER_ROW,
  clampEmbed,
  clip,
  EMBED_LIMITS,
  embedLength,
  escapeMarkdown,
} from '../limits.js';
import { buttonId, SEVERITY_COLOURS } from '../render/index.js';

/** Link buttons one message can carry. */
export const MAX_LINK_BUTTONS = ACTION_ROWS * COMPONENTS_PER_ROW;
/** Discord refuses longer button URLs. */
const URL_LIMIT = 512;

/** "<t:1784634420:f> (<t:1784634420:R>)"; the UTC minute for a moment Discord cannot show. */
export function discordTime(atMs: number): string {
  if (!Number.isFinite(atMs) || utcMinute(atMs) === 'unknown time') return 'unknown time';
  const s = Math.floor(atMs / 1000);
  return `<t:${s}:f> (<t:${s}:R>)`;
}

function lineText(spans: readonly Span[]): string {
  return spans.map((s) => (typeof s === 'string' ? escapeMarkdown(s) : discordTime(s.atMs))).join('');
}

export function alertEmbed(message: NotifierMessage): APIEmbed {
  const colour = SEVERITY_COLOURS[message.severity] ?? SEVERITY_COLOURS.info;
  const lines = message.spans?.lines ?? message.lines.map((l) => [l]);
  const embed: APIEmbed = {
    title: message.title.trim() || 'Alert',
    description: lines.map(lineText).join('\n'),
    color: colour,
  };
  if (message.footer) embed.footer = { text: message.footer };
  if (
    message.dataAtMs !== undefined &&
    Number.isFinite(message.dataAtMs) &&
    utcMinute(message.dataAtMs) !== 'unknown time'
  )
    embed.timestamp = new Date(message.dataAtMs).toISOString();
  return clampEmbed(embed);
}

/** The alert's links Discord accepts as link buttons, each URL once. */
export function alertLinks(message: NotifierMessage): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const l of message.links ?? []) {
    if (!/^https?:\/\/\S+$/.test(l.url) || l.url.length > URL_LIMIT || seen.has(l.url) || !l.label.trim())
      continue;
    seen.add(l.url);
    out.push({ label: clip(l.label.trim(), BUTTON_LABEL_LIMIT), url: l.url });
  }
  return out;
}

/** Links as action rows of link buttons (style 5), five to a row. */
export function linkRows(links: readonly Link[]): APIActionRowComponent<APIButtonComponentWithURL>[] {
  const rows: APIActionRowComponent<APIButtonComponentWithURL>[] = [];
  for (let i = 0; i < links.length && rows.length < ACTION_ROWS; i += COMPONENTS_PER_ROW)
    rows.push({
      type: ComponentType.ActionRow,
      components: links.slice(i, i + COMPONENTS_PER_ROW).map((l) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Link,
        label: l.label,
        url: l.url,
      })),
    });
  return rows;
}

/** A link button, or a button that runs a command line (answered in a new message). */
type AlertButton = Link | CommandLink;
type AlertButtonComponent = APIButtonComponentWithURL | APIButtonComponentWithCustomId;

/** The alert's command buttons whose line fits a custom id, each line once. */
export function alertCommands(message: NotifierMessage): CommandLink[] {
  const seen = new Set<string>();
  const out: CommandLink[] = [];
  for (const c of message.commands ?? []) {
    if (!buttonId('o', c.command) || seen.has(c.command) || !c.label.trim()) continue;
    seen.add(c.command);
    out.push({ label: clip(c.label.trim(), BUTTON_LABEL_LIMIT), command: c.command });
  }
  return out;
}

const buttonKey = (b: AlertButton) => ('url' in b ? b.url : `command:${b.command}`);

function buttonComponent(b: AlertButton): AlertButtonComponent {
  if ('url' in b) return { type: ComponentType.Button, style: ButtonStyle.Link, label: b.label, url: b.url };
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: b.label,
    custom_id: buttonId('o', b.command)!,
  };
}

/** Buttons as action rows, five to a row. */
function buttonRows(buttons: readonly AlertButton[]): APIActionRowComponent<AlertButtonComponent>[] {
  const rows: APIActionRowComponent<AlertButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && rows.length < ACTION_ROWS; i += COMPONENTS_PER_ROW)
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + COMPONENTS_PER_ROW).map(buttonComponent),
    });
  return rows;
}

export interface AlertGroup {
  alertIds: string[];
  embeds: APIEmbed[];
  /** The buttons of the group's alerts (each URL or command once); empty when none has one. */
  components: APIActionRowComponent<AlertButtonComponent>[];
}

/**
 * Distinct alerts (the first of each alertId), packed into messages in order: a message takes
 * the next alert while its embeds, its characters and its link buttons stay within Discord's limits.
 */
export function groupAlerts(messages: readonly NotifierMessage[]): AlertGroup[] {
  const seen = new Set<string>();
  const groups: AlertGroup[] = [];
  let current: { alertIds: string[]; embeds: APIEmbed[]; links: AlertButton[]; urls: Set<string> } | null =
    null;
  let length = 0;
  const close = () => {
    if (current)
      groups.push({
        alertIds: current.alertIds,
        embeds: current.embeds,
        components: buttonRows(current.links),
      });
  };
  for (const message of messages) {
    if (seen.has(message.alertId)) continue;
    seen.add(message.alertId);
    const embed = alertEmbed(message);
    const size = embedLength(embed);
    const links = [...alertLinks(message), ...alertCommands(message)].slice(0, MAX_LINK_BUTTONS);
    const fresh = current ? links.filter((l) => !current!.urls.has(buttonKey(l))) : links;
    if (
      !current ||
      current.embeds.length >= EMBED_LIMITS.embedsPerMessage ||
      length + size > EMBED_LIMITS.total ||
      current.links.length + fresh.length > MAX_LINK_BUTTONS
    ) {
      close();
      current = { alertIds: [], embeds: [], links: [], urls: new Set() };
      length = 0;
    }
    current.alertIds.push(message.alertId);
    current.embeds.push(embed);
    for (const l of links)
      if (!current.urls.has(buttonKey(l))) {
        current.urls.add(buttonKey(l));
        current.links.push(l);
      }
    length += size;
  }
  close();
  return groups;
}
