/** Text pieces every renderer shares: the data-age line, times, and the actions footer. */

import { formatDuration } from '../../core/format/duration.js';
import { formatInteger } from '../../core/format/number.js';
import { formatUtc } from '../../core/opengov/chart-data.js';
import type { BlockTime } from '../../core/opengov/time.js';
import type { DeliveryTarget } from '../../core/ports/notifier.js';
import type { Freshness } from '../../core/reply/freshness.js';
import type { ReplyAction, ReplyAttachment } from '../../core/reply/reply-types.js';
import { startOptionLabel } from './start-text.js';

export { formatUtc };

/** "this Telegram chat", "this Discord channel", "your Discord DMs". */
export function describeTarget(t: DeliveryTarget): string {
  if (t.kind === 'dm') return `your ${t.platform === 'discord' ? 'Discord' : 'Telegram'} DMs`;
  return t.platform === 'discord' ? 'this Discord channel' : 'this Telegram chat';
}

export function block(n: number): string {
  return `#${formatInteger(n)}`;
}

/** "in 3d 4h (2026-11-28 10:00 UTC, relay block #31,500,000)" */
export function when(time: BlockTime, nowMs: number): string {
  const diff = time.atMs - nowMs;
  const rel = diff >= 0 ? `in ${formatDuration(diff)}` : `${formatDuration(-diff)} ago`;
  return `${rel} (${formatUtc(time.atMs)}, relay block ${block(time.block)})`;
}

/** The line every answer ends with, and the warning it starts with when the data is stale. */
export function freshnessLines(f: Freshness | null): { head: string[]; foot: string[] } {
  if (!f) return { head: [], foot: ['Data: no snapshot available.'] };
  const age = f.ageMs === null ? 'of unknown age' : `${formatDuration(f.ageMs)} old`;
  const foot = [
    `Data as of relay block ${block(f.relayBlock)} (Asset Hub ${block(f.assetHubBlock)}), snapshot ${age}, taken ${formatUtc(f.snapshotAtMs)}.`,
  ];
  const head = f.stale
    ? [
        `WARNING: stale data. The last snapshot is ${age}, older than ${formatDuration(f.staleAfterMs)}; figures below may have changed since.`,
        '',
      ]
    : [];
  return { head, foot };
}

function actionLabel(action: ReplyAction): string {
  switch (action.type) {
    case 'subscribe-address':
      return 'Alert me about this address';
    case 'deadline-alert':
      return 'Alert me before the deadline';
    case 'subscribe-track':
      return `Alert me about referenda on track ${action.track}`;
    case 'page':
      return action.direction === 'next'
        ? `Next page (${action.page}/${action.pageCount})`
        : `Previous page (${action.page}/${action.pageCount})`;
    case 'open-referendum':
      return `Referendum ${action.referendum}`;
    case 'unsubscribe':
      return `Remove ${action.subscriptionId}`;
    case 'start-option':
      return startOptionLabel(action.option);
  }
}

/** Plain text has no buttons: list each action with the command it runs. */
export function actionLines(actions: ReplyAction[]): string[] {
  const shown = actions.filter((a) => a.type !== 'open-referendum');
  if (shown.length === 0) return [];
  return ['', 'Actions:', ...shown.map((a) => `  ${actionLabel(a)}: ${a.command}`)];
}

export function attachmentLines(attachments: ReplyAttachment[]): string[] {
  return attachments.map((a) => `[chart attached: ${a.fileName}, ${a.chart.title}]`);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatInteger(n)} ${n === 1 ? word : many}`;
}
