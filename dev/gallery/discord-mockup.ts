/**
 * A Discord message as the client shows it: each embed with its colour bar, author, linked title,
 * description, fields (inline ones side by side), image, footer and time, then the component rows
 * (buttons by style; a link button carries the ↗ corner and links out), and the "only you can see
 * this" line of an ephemeral answer. Built from the message body the bot sends, whatever it holds.
 */
import { discordTime } from './discord-time.js';
import { discordMarkup, escapeHtml, safeUrl } from './html.js';

interface Embed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  author?: { name?: string; url?: string };
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
  image?: { url?: string };
  thumbnail?: { url?: string };
  footer?: { text?: string };
  timestamp?: string;
}

interface Component {
  type: number;
  style?: number;
  label?: string;
  emoji?: { name?: string };
  url?: string;
  custom_id?: string;
  disabled?: boolean;
  components?: Component[];
}

export interface DiscordMockup {
  /** The message body: embeds, components, flags. */
  body: { embeds?: unknown; components?: unknown; flags?: unknown; content?: unknown };
  /** Where an `attachment://<name>` image is found, by name. */
  attachments?: ReadonlyMap<string, string>;
  /** When the message is seen: relative timestamps count from it. */
  nowMs?: number;
}

const STYLE = ['', 'primary', 'secondary', 'success', 'danger', 'link', 'premium'];

function image(url: string | undefined, attachments: ReadonlyMap<string, string> | undefined): string {
  if (!url) return '';
  const local = url.startsWith('attachment://') ? attachments?.get(url.slice('attachment://'.length)) : null;
  const src = local ?? safeUrl(url);
  return src ? `<img class="dc-image" src="${escapeHtml(src)}" alt="">` : '';
}

function embed(e: Embed, attachments: ReadonlyMap<string, string> | undefined, nowMs?: number): string {
  const colour = `#${(e.color ?? 0x1e1f22).toString(16).padStart(6, '0')}`;
  const out = [`<div class="dc-embed" style="border-left-color:${colour}">`];
  if (e.author?.name) out.push(`<div class="dc-author">${escapeHtml(e.author.name)}</div>`);
  if (e.title) {
    const url = e.url ? safeUrl(e.url) : null;
    const title = escapeHtml(e.title);
    out.push(`<div class="dc-title">${url ? `<a href="${escapeHtml(url)}">${title}</a>` : title}</div>`);
  }
  if (e.description) out.push(`<div class="dc-description">${discordMarkup(e.description, nowMs)}</div>`);
  if (e.fields?.length) {
    out.push('<div class="dc-fields">');
    for (const f of e.fields)
      out.push(
        `<div class="dc-field${f.inline ? ' inline' : ''}"><div class="dc-field-name">${discordMarkup(f.name, nowMs)}</div><div class="dc-field-value">${discordMarkup(f.value, nowMs)}</div></div>`,
      );
    out.push('</div>');
  }
  out.push(image(e.image?.url, attachments));
  const at = e.timestamp ? Date.parse(e.timestamp) : Number.NaN;
  const when = Number.isFinite(at) ? discordTime(Math.floor(at / 1000), 'f', nowMs) : (e.timestamp ?? '');
  const foot = [e.footer?.text ? escapeHtml(e.footer.text) : '', escapeHtml(when)]
    .filter((x) => x !== '')
    .join(' • ');
  if (foot) out.push(`<div class="dc-footer">${foot}</div>`);
  out.push('</div>');
  return out.join('\n');
}

function component(c: Component): string {
  if (c.type !== 2) return `<span class="dc-button secondary">(component type ${c.type})</span>`;
  const style = STYLE[c.style ?? 2] ?? 'secondary';
  const label = escapeHtml([c.emoji?.name, c.label].filter((x) => x).join(' '));
  const disabled = c.disabled ? ' disabled' : '';
  const url = c.style === 5 && c.url ? safeUrl(c.url) : null;
  if (url)
    return `<a class="dc-button link${disabled}" href="${escapeHtml(url)}" title="${escapeHtml(url)}">${label}<span class="corner">↗</span></a>`;
  const id = c.custom_id ? ` title="${escapeHtml(c.custom_id)}"` : '';
  return `<span class="dc-button ${style}${disabled}"${id}>${label}</span>`;
}

export function discordMockup(m: DiscordMockup): string {
  const embeds = (Array.isArray(m.body.embeds) ? m.body.embeds : []) as Embed[];
  const rows = (Array.isArray(m.body.components) ? m.body.components : []) as Component[];
  const out = ['<div class="dc-message"><div class="dc-avatar">H</div><div class="dc-content">'];
  out.push('<div class="dc-name">Herald <span class="dc-bot">APP</span></div>');
  if (typeof m.body.content === 'string' && m.body.content)
    out.push(`<div class="dc-description">${discordMarkup(m.body.content, m.nowMs)}</div>`);
  for (const e of embeds) out.push(embed(e, m.attachments, m.nowMs));
  for (const row of rows)
    out.push(`<div class="dc-row">${(row.components ?? [row]).map(component).join('')}</div>`);
  if (typeof m.body.flags === 'number' && (m.body.flags & 64) !== 0)
    out.push('<div class="dc-ephemeral">Only you can see this • Dismiss message</div>');
  out.push('</div></div>');
  return out.join('\n');
}
