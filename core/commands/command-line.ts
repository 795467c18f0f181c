/**
 * Command → the shortest command line that parses back to it. Inline actions carry these lines so a
 * button press runs exactly what typing would; they stay within Telegram's 64-byte callback data.
 */
import { kindWords } from '../subscriptions/kind-words.js';
import { formatLeadMinutes } from '../subscriptions/lead-times.js';
import { DEFAULT_DEADLINE_LEAD_MINUTES } from '../subscriptions/limits.js';
import { formatQuietWindow } from '../subscriptions/quiet-format.js';
import type { Command, SubscribeRequest, UnsubscribeSelector } from './command-types.js';
import { DEFAULT_MISSED_HOURS } from './limits.js';

function sameLeads(minutes: readonly number[]): boolean {
  return (
    minutes.length === DEFAULT_DEADLINE_LEAD_MINUTES.length &&
    minutes.every((m, i) => m === DEFAULT_DEADLINE_LEAD_MINUTES[i])
  );
}

function requestWords(request: SubscribeRequest, withLeads: boolean): string[] {
  switch (request.kind) {
    case 'referenda':
      return request.track === null ? ['referenda'] : ['referenda', request.track];
    case 'address':
      return ['address', request.address.address];
    case 'deadlines': {
      const words = ['deadlines'];
      if (request.scope.type === 'track') words.push(request.scope.track);
      if (request.scope.type === 'referendum') words.push(`#${request.scope.referendum}`);
      if (withLeads && !sameLeads(request.leadMinutes))
        words.push(request.leadMinutes.map(formatLeadMinutes).join(','));
      return words;
    }
  }
}

function selectorWords(selector: UnsubscribeSelector): string[] {
  switch (selector.type) {
    case 'id':
      return [selector.id];
    case 'all':
      return ['all'];
    case 'kind':
      return [selector.kind];
    case 'spec':
      return requestWords(selector.request, false);
  }
}

function scopeWords(subscription: string | null): string[] {
  return subscription === null ? [] : ['for', subscription];
}

export function commandLine(command: Command): string {
  switch (command.name) {
    case 'stake':
    case 'validator':
      return `/${command.name} ${command.account.address}`;
    case 'referendum':
      return `/referendum ${command.id}`;
    case 'referenda': {
      const words = ['/referenda'];
      if (command.track !== null) words.push(command.track);
      if (command.status !== 'ongoing') words.push(command.status);
      if (command.page > 1) words.push('page', String(command.page));
      return words.join(' ');
    }
    case 'subscribe':
      return ['/sub', ...requestWords(command.request, true)].join(' ');
    case 'unsubscribe':
      return ['/unsub', ...selectorWords(command.selector)].join(' ');
    case 'missed':
      return command.hours === DEFAULT_MISSED_HOURS ? '/missed' : `/missed ${command.hours}`;
    case 'quiet': {
      const c = command.change;
      const words =
        c === null
          ? []
          : c.type === 'set'
            ? [formatQuietWindow(c.quietHours), ...(c.quietHours.holdCritical ? ['all'] : [])]
            : [c.type];
      return ['/quiet', ...words, ...scopeWords(command.subscription)].join(' ');
    }
    case 'mute':
      return ['/mute', kindWords(command.kinds).join(','), ...scopeWords(command.subscription)].join(' ');
    case 'unmute': {
      const kinds = command.kinds === 'all' ? 'all' : kindWords(command.kinds).join(',');
      return ['/unmute', kinds, ...scopeWords(command.subscription)].join(' ');
    }
    case 'help':
      return command.topic === null ? '/help' : `/help ${command.topic}`;
    default:
      return `/${command.name}`;
  }
}
