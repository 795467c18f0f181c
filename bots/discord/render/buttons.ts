/**
 * Reply actions → Discord buttons. A button's custom id carries the command line it runs and how
 * the answer is given: `h1:<mode>:<line>`, where mode is d (subscribe the presser's own DMs),
 * h (this channel or DM), u (replace this message: paging) or o (answer in a new message).
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { trackDisplayName } from '../../../core/opengov/tracks.js';
import type { Reply, ReplyAction } from '../../../core/reply/reply-types.js';
import { startOptionLabel } from '../../text/start-text.js';
import { ACTION_ROWS, BUTTON_LABEL_LIMIT, COMPONENTS_PER_ROW, CUSTOM_ID_LIMIT, clip } from '../limits.js';
import { TRACK_CHOICES } from '../slash/index.js';

export type ButtonMode = 'd' | 'h' | 'u' | 'o';

export interface ButtonPress {
  mode: ButtonMode;
  line: string;
}

const PREFIX = 'h1:';

export function buttonId(mode: ButtonMode, line: string): string | null {
  const id = `${PREFIX}${mode}:${line}`;
  return id.length <= CUSTOM_ID_LIMIT ? id : null;
}

/** The press a custom id encodes; null for anything this bot did not make. */
export function parseButtonId(customId: unknown): ButtonPress | null {
  if (typeof customId !== 'string' || !customId.startsWith(PREFIX) || customId.length > CUSTOM_ID_LIMIT)
    return null;
  const mode = customId[PREFIX.length];
  if (mode !== 'd' && mode !== 'h' && mode !== 'u' && mode !== 'o') return null;
  if (customId[PREFIX.length + 1] !== ':') return null;
  const line = customId.slice(PREFIX.length + 2);
  return line.startsWith('/') ? { mode, line } : null;
}

function trackName(id: number): string {
  const known = TRACK_CHOICES.find((t) => t.id === id);
  return known ? trackDisplayName(known.name) : `track ${id}`;
}

function button(action: ReplyAction, reply: Reply): APIButtonComponentWithCustomId | null {
  let label: string;
  let mode: ButtonMode;
  let style = ButtonStyle.Secondary;
  let emoji: string | undefined;
  switch (action.type) {
    case 'subscribe-address':
      [label, mode, style, emoji] = ['Subscribe', 'd', ButtonStyle.Primary, '🔔'];
      break;
    case 'deadline-alert':
      [label, mode, style, emoji] = ['Alert me before the deadline', 'd', ButtonStyle.Primary, '⏰'];
      break;
    case 'subscribe-track':
      [label, mode, emoji] = [`Follow ${trackName(action.track)} referenda`, 'd', '🔔'];
      break;
    case 'page':
      label = action.direction === 'previous' ? `◀ Page ${action.page}` : `Page ${action.page} ▶`;
      mode = 'u';
      break;
    case 'open-referendum':
      [label, mode] = [`#${action.referendum}`, 'o'];
      break;
    case 'call-data':
      [label, mode, emoji] = ['Call data to vote', 'o', '🗳️'];
      break;
    case 'unsubscribe': {
      const inDm = 'target' in reply && reply.target.kind === 'dm';
      [label, mode, style] = [`Unsubscribe ${action.subscriptionId}`, inDm ? 'd' : 'h', ButtonStyle.Danger];
      break;
    }
    case 'start-option':
      [label, mode] = [startOptionLabel(action.option), 'o'];
      break;
  }
  const customId = buttonId(mode, action.command);
  if (!customId) return null;
  const out: APIButtonComponentWithCustomId = {
    type: ComponentType.Button,
    style: style as ButtonStyle.Primary,
    label: clip(label, BUTTON_LABEL_LIMIT),
    custom_id: customId,
  };
  if (emoji) out.emoji = { name: emoji };
  return out;
}

/** Up to 5 rows of 5 buttons; duplicates (same custom id) and lines too long for an id are left out. */
export function actionRows(reply: Reply): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const action of reply.actions) {
    const b = button(action, reply);
    if (!b || seen.has(b.custom_id)) continue;
    seen.add(b.custom_id);
    buttons.push(b);
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length && rows.length < ACTION_ROWS; i += COMPONENTS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + COMPONENTS_PER_ROW) });
  }
  return rows;
}
