/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
 * and the helpers that keep every embed inside them: text is cut with an ellipsis, never rejected.
 */
import type { APIEmbed } from 'discord-api-types/v10';

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** All titles, descriptions, field names and values, footers and authors of one message together. */
  total: 6000,
  embedsPerMessage: 10,
} as const;

export const MESSAGE_CONTENT_LIMIT = 2000;
export const COMPONENTS_PER_ROW = 5;
export const ACTION_ROWS = 5;
export const BUTTON_LABEL_LIMIT = 80;
export const CUSTOM_ID_LIMIT = 100;
export const AUTOCOMPLETE_CHOICES = 25;
export const CHOICE_NAME_LIMIT = 100;
export const CHOICE_VALUE_LIMIT = 100;

/**
 * Cuts text to `max` UTF-16 units (what Discord counts, conservatively), ending with an ellipsis
 * when it was cut, and never splitting a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Text inside a field value or description must not be empty for Discord. */
export function nonEmpty(text: string, max: number): string {
  const trimmed = text.trim();
  return clip(trimmed.length > 0 ? trimmed : '—', max);
}

/** The characters of an embed that count towards the 6000 total. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) n += field.name.length + field.value.length;
  return n;
}

/** The embed with every part cut to its limit and at most 25 fields. */
export function clampEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = clip(out.title, EMBED_LIMITS.title);
  if (out.description !== undefined) out.description = nonEmpty(out.description, EMBED_LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: clip(out.footer.text, EMBED_LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: clip(out.author.name, EMBED_LIMITS.author) };
  if (out.fields) {
    out.fields = out.fields.slice(0, EMBED_LIMITS.fields).map((f) => ({
      ...f,
      name: nonEmpty(f.name, EMBED_LIMITS.fieldName),
      value: nonEmpty(f.value, EMBED_LIMITS.fieldValue),
    }));
  }
  let excess = embedLength(out) - EMBED_LIMITS.total;
  while (excess > 0 && out.fields && out.fields.length > 0) {
    const dropped = out.fields.pop()!;
    excess -= dropped.name.length + dropped.value.length;
  }
  if (excess > 0 && out.description)
    out.description = clip(out.description, Math.max(1, out.description.length - excess));
  return out;
}

/** Escapes Discord markdown in text that came from the chain or the user. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_~|>#[\]()-])/g, '\\$1').replace(/@/g, '@\u200b');
}
