/** `/subscribe` and `/unsubscribe` arguments: the kind, its filter, and deadline lead times. */
import { parseAddress } from '../address/parse.js';
import { DEFAULT_DEADLINE_LEAD_MINUTES } from '../subscriptions/limits.js';
import { SUBSCRIPTION_ID_PATTERN, type SubscriptionKind } from '../subscriptions/subscription-model.js';
import {
  ASSET_SYMBOL,
  looksLikeAmount,
  MAX_MIN_DECIMALS,
  normaliseAmount,
} from '../subscriptions/treasury-filter.js';
import { parseAddressArgument, parseReferendumId } from './arguments.js';
import type { DeadlineScopeRequest, SubscribeRequest, UnsubscribeSelector } from './command-types.js';
import { fail, ok, type Parsed, quote } from './errors.js';
import { looksLikeLeadTimes, parseLeadTimes } from './lead-times.js';
import { coretimeRequest, paraRequest } from './parachain-arguments.js';

const KIND_WORDS = new Map<string, SubscriptionKind>([
  ['referenda', 'referenda'],
  ['referendum', 'referenda'],
  ['referendums', 'referenda'],
  ['deadlines', 'deadlines'],
  ['deadline', 'deadlines'],
  ['address', 'address'],
  ['account', 'address'],
  ['cards', 'cards'],
  ['card', 'cards'],
  ['treasury', 'treasury'],
  ['spends', 'treasury'],
  ['bounties', 'treasury'],
  ['coretime', 'coretime'],
  ['sale', 'coretime'],
  ['para', 'para'],
  ['parachain', 'para'],
]);

const SUBSCRIBE_HINT =
  '/subscribe referenda [track], /subscribe deadlines [track|#id] [24h,1h], /subscribe address <address>, /subscribe cards [track], /subscribe treasury [asset] [minimum], /subscribe coretime [below <KSM>], or /subscribe para <id> [stall 1h]';
const UNSUBSCRIBE_HINT =
  '/unsubscribe <id from /subscriptions>, /unsubscribe referenda|deadlines|address|cards|treasury|coretime|para [filter], or /unsubscribe all';
const ADDRESS_EXAMPLE = '/subscribe address HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';

function kindOf(token: string): SubscriptionKind | undefined {
  return KIND_WORDS.get(token.toLowerCase());
}

function deadlinesRequest(args: readonly string[], allowLeads: boolean): Parsed<SubscribeRequest> {
  let scope: DeadlineScopeRequest | null = null;
  const leads: number[] = [];
  const trackWords: string[] = [];
  for (const token of args) {
    if (token.startsWith('#')) {
      const id = parseReferendumId(token);
      if (!id.ok) return id;
      if (scope !== null)
        return fail(
          'extra-argument',
          'Give one referendum at a time.',
          '/subscribe deadlines #<number> for each, with the numbers /referenda lists',
          token,
        );
      scope = { type: 'referendum', referendum: id.value };
      continue;
    }
    if (looksLikeLeadTimes(token)) {
      if (!allowLeads)
        return fail(
          'extra-argument',
          `Lead times do not pick a subscription; drop ${quote(token)}.`,
          '/unsubscribe deadlines',
          token,
        );
      const parsed = parseLeadTimes(token);
      if (!parsed.ok) return parsed;
      leads.push(...parsed.value);
      continue;
    }
    trackWords.push(token);
  }
  if (trackWords.length > 0) {
    if (scope !== null)
      return fail(
        'extra-argument',
        'Deadlines are for one track or one referendum, not both.',
        '/subscribe deadlines treasurer  or  /subscribe deadlines #<number> (from /referenda)',
        trackWords.join(' '),
      );
    scope = { type: 'track', track: trackWords.join(' ') };
  }
  const merged = leads.length > 0 ? parseLeadTimes(leads.map((m) => `${m}m`).join(',')) : null;
  if (merged && !merged.ok) return merged;
  return ok({
    kind: 'deadlines',
    scope: scope ?? { type: 'all' },
    leadMinutes: merged ? merged.value : [...DEFAULT_DEADLINE_LEAD_MINUTES],
  });
}

const TREASURY_EXAMPLE = '/subscribe treasury USDT 10000  or  /subscribe treasury 500 (KSM value)';

/** `[asset] [minimum]` in either order: a symbol such as KSM or USDT, a minimum in whole units. */
function treasuryRequest(args: readonly string[], allowMin: boolean): Parsed<SubscribeRequest> {
  let asset: string | null = null;
  let minAmount: string | null = null;
  for (const token of args) {
    if (looksLikeAmount(token)) {
      if (!allowMin)
        return fail(
          'extra-argument',
          `A minimum does not pick a subscription; drop ${quote(token)}.`,
          asset === null ? '/unsubscribe treasury' : `/unsubscribe treasury ${asset}`,
          token,
        );
      if (minAmount !== null)
        return fail('extra-argument', 'Give one minimum amount.', TREASURY_EXAMPLE, token);
      const amount = normaliseAmount(token)!;
      if (/^0(\.0*)?$/.test(amount))
        return fail(
          'invalid-amount',
          'A minimum of 0 is no minimum: leave it out to hear of every amount.',
          '/subscribe treasury USDT',
          token,
        );
      if ((amount.split('.')[1] ?? '').length > MAX_MIN_DECIMALS)
        return fail(
          'invalid-amount',
          `${quote(token)} has more than ${MAX_MIN_DECIMALS} decimals; no asset is that fine.`,
          TREASURY_EXAMPLE,
          token,
        );
      minAmount = amount;
      continue;
    }
    if (ASSET_SYMBOL.test(token)) {
      if (asset !== null)
        return fail(
          'extra-argument',
          'One asset per subscription: subscribe once for each.',
          TREASURY_EXAMPLE,
          token,
        );
      asset = token.toUpperCase();
      continue;
    }
    return fail(
      'invalid-amount',
      `${quote(token)} is neither an asset symbol (KSM, USDT, USDC, …) nor a minimum amount in whole units (10000, 0.5).`,
      TREASURY_EXAMPLE,
      token,
    );
  }
  return ok({ kind: 'treasury', asset, minAmount });
}

function request(
  kind: SubscriptionKind,
  args: readonly string[],
  allowLeads: boolean,
): Parsed<SubscribeRequest> {
  switch (kind) {
    case 'referenda':
    case 'cards':
      return ok({ kind, track: args.length > 0 ? args.join(' ') : null });
    case 'deadlines':
      return deadlinesRequest(args, allowLeads);
    case 'treasury':
      return treasuryRequest(args, allowLeads);
    case 'coretime':
      return coretimeRequest(args, allowLeads);
    case 'para':
      return paraRequest(args, allowLeads);
    case 'address': {
      if (args.length === 0)
        return fail('missing-argument', 'An address subscription needs the address.', ADDRESS_EXAMPLE);
      if (args.length > 1)
        return fail(
          'extra-argument',
          `One address per subscription; got ${args.length} words.`,
          ADDRESS_EXAMPLE,
          args.slice(1).join(' '),
        );
      const address = parseAddressArgument(args[0]!, ADDRESS_EXAMPLE);
      return address.ok ? ok({ kind, address: address.value }) : address;
    }
  }
}

export function parseSubscribeArguments(args: readonly string[]): Parsed<SubscribeRequest> {
  const first = args[0];
  if (first === undefined)
    return fail(
      'missing-argument',
      'Say what to subscribe to: referenda, deadlines, address, cards, treasury, coretime or para.',
      SUBSCRIBE_HINT,
    );
  const kind = kindOf(first);
  if (kind) return request(kind, args.slice(1), true);
  if (args.length === 1 && parseAddress(first).ok) return request('address', args, true);
  return fail(
    'unknown-subscription-kind',
    `${quote(first)} is not something to subscribe to: choose referenda, deadlines, address, cards, treasury, coretime or para.`,
    SUBSCRIBE_HINT,
    first,
  );
}

export function parseUnsubscribeArguments(args: readonly string[]): Parsed<UnsubscribeSelector> {
  const first = args[0];
  if (first === undefined)
    return fail('missing-argument', 'Say which subscription to stop.', UNSUBSCRIBE_HINT);
  const lower = first.toLowerCase();
  if (lower === 'all') {
    if (args.length > 1)
      return fail(
        'extra-argument',
        '"all" stops every subscription here; it takes nothing after it.',
        '/unsubscribe all',
        args[1]!,
      );
    return ok({ type: 'all' });
  }
  if (SUBSCRIPTION_ID_PATTERN.test(lower) && !kindOf(lower)) {
    if (args.length > 1)
      return fail('extra-argument', 'Give one subscription id at a time.', `/unsubscribe ${lower}`, args[1]!);
    return ok({ type: 'id', id: lower });
  }
  const kind = kindOf(first);
  if (kind) {
    if (args.length === 1) return ok({ type: 'kind', kind });
    const spec = request(kind, args.slice(1), false);
    return spec.ok ? ok({ type: 'spec', request: spec.value }) : spec;
  }
  if (args.length === 1 && parseAddress(first).ok) {
    const spec = request('address', args, false);
    return spec.ok ? ok({ type: 'spec', request: spec.value }) : spec;
  }
  return fail(
    'unknown-subscription',
    `${quote(first)} is neither a subscription id nor referenda, deadlines, address, cards, treasury, coretime, para or all.`,
    UNSUBSCRIBE_HINT,
    first,
  );
}
