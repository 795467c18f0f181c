/**
 * A reply document (bots/text) as a Discord embed: the title, the body and warnings as its
 * description, each titled block as a field, notes last, the data age as its footer. Times are
 * `<t:…>` markers every reader sees in their own zone; chain and user text is escaped.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithURL,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import type { Link } from '../../../core/links/urls.js';
import type { DocLine, ReplyDocument, Span } from '../../text/document.js';
import { displayName, shortAddress } from '../../text/names.js';
import { spanText } from '../../text/plain.js';
import { BUTTON_LABEL_LIMIT, COMPONENTS_PER_ROW, clip, EMBED_LIMITS, escapeMarkdown } from '../limits.js';
import { COLOURS } from './colours.js';
import { dateTime, relative } from './time.js';

function spanMarkdown(span: Span, doc: ReplyDocument): string {
  if (typeof span === 'string') return escapeMarkdown(span);
  switch (span.kind) {
    case 'address': {
      const name = displayName(span.address, doc.names);
      if (name !== null) return `${escapeMarkdown(name)} (\`${shortAddress(span.address)}\`)`;
      return `\`${span.short ? shortAddress(span.address) : span.address}\``;
    }
    case 'time':
      return `${dateTime(span.atMs)} (${relative(span.atMs)})`;
    case 'code':
      return `\`${span.text.replace(/`/g, "'")}\``;
  }
}

export function lineMarkdown(l: DocLine, doc: ReplyDocument): string {
  const body = l.spans.map((s) => spanMarkdown(s, doc)).join('');
  return l.label ? `**${escapeMarkdown(l.label)}:** ${body}` : body;
}

/** Field values of at most 1,024 characters: a long block continues in further fields. */
function fieldsOf(heading: string, lines: string[]): APIEmbedField[] {
  const out: APIEmbedField[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length === 0) return;
    out.push({
      name: out.length === 0 ? clip(heading, EMBED_LIMITS.fieldName) : '\u200b',
      value: current.join('\n'),
    });
    current = [];
  };
  for (const l of lines) {
    const value = clip(l, EMBED_LIMITS.fieldValue);
    if ([...current, value].join('\n').length > EMBED_LIMITS.fieldValue) flush();
    current.push(value);
  }
  flush();
  return out;
}

export function documentEmbed(doc: ReplyDocument, colour?: number): APIEmbed {
  const description: string[] = [];
  if (doc.stale) description.push(`⚠️ **${escapeMarkdown(doc.stale)}**`, '');
  for (const l of doc.subtitle) description.push(lineMarkdown(l, doc));
  for (const s of doc.sections)
    if (s.heading === null) description.push(...s.lines.map((l) => lineMarkdown(l, doc)));
  for (const w of doc.warnings) description.push(`⚠️ ${lineMarkdown(w, doc)}`);
  const fields = doc.sections
    .filter((s) => s.heading !== null)
    .flatMap((s) =>
      fieldsOf(
        s.heading!,
        s.lines.map((l) => lineMarkdown(l, doc)),
      ),
    );
  if (doc.notes.length > 0) {
    if (fields.length > 0)
      fields.push({ name: '\u200b', value: doc.notes.map((n) => `*${lineMarkdown(n, doc)}*`).join('\n') });
    else description.push('', ...doc.notes.map((n) => `*${lineMarkdown(n, doc)}*`));
  }
  const embed: APIEmbed = {
    title: doc.title.map((s) => spanText(s, doc)).join(''),
    description: description.join('\n'),
    color: colour ?? COLOURS[doc.tone],
  };
  if (fields.length > 0) embed.fields = fields;
  if (doc.footer) embed.footer = { text: doc.footer };
  return embed;
}

/** Link buttons (style 5), one row, https only. */
export function linkRows(links: readonly Link[]): APIActionRowComponent<APIButtonComponentWithURL>[] {
  const buttons: APIButtonComponentWithURL[] = links
    .filter((l) => /^https:\/\/\S+$/.test(l.url))
    .slice(0, COMPONENTS_PER_ROW)
    .map((l) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: clip(l.label, BUTTON_LABEL_LIMIT),
      url: l.url,
    }));
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}
