/** Text pieces every document shares: where an answer is about, block numbers, the actions footer. */

import { formatInteger } from '../../core/format/number.js';
import { formatUtc } from '../../core/opengov/chart-data.js';
import type { DeliveryTarget } from '../../core/ports/notifier.js';
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
    case 'call-data':
      return `Call data to vote on referendum ${action.referendum}`;
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
