/**
 * The words of the shortest command line that parses back to a subscription request, a selector or
 * a scope. Inline actions carry such lines so a button press runs exactly what typing would; they
 * stay within Telegram's 64-byte callback data.
 */

import { formatLeadMinutes } from '../subscriptions/lead-times.js';
import { DEFAULT_DEADLINE_LEAD_MINUTES, DEFAULT_STALL_MINUTES } from '../subscriptions/limits.js';
import type { SubscribeRequest, UnsubscribeSelector } from './command-types.js';

function sameLeads(minutes: readonly number[]): boolean {
  return (
    minutes.length === DEFAULT_DEADLINE_LEAD_MINUTES.length &&
    minutes.every((m, i) => m === DEFAULT_DEADLINE_LEAD_MINUTES[i])
  );
}

export function requestWords(request: SubscribeRequest, withLeads: boolean): string[] {
  switch (request.kind) {
    case 'referenda':
    case 'cards':
      return request.track === null ? [request.kind] : [request.kind, request.track];
    case 'address':
      return ['address', request.address.address];
    case 'treasury': {
      const words = ['treasury'];
      if (request.asset !== null) words.push(request.asset);
      if (withLeads && request.minAmount !== null) words.push(request.minAmount);
      return words;
    }
    case 'coretime':
      return withLeads && request.below !== null ? ['coretime', 'below', request.below] : ['coretime'];
    case 'para': {
      const words = ['para', String(request.para)];
      if (withLeads && request.stallMinutes !== DEFAULT_STALL_MINUTES)
        words.push('stall', formatLeadMinutes(request.stallMinutes));
      return words;
    }
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

export function selectorWords(selector: UnsubscribeSelector): string[] {
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

/** "for <id>" of a command about one subscription's own settings. */
export function scopeWords(subscription: string | null): string[] {
  return subscription === null ? [] : ['for', subscription];
}
