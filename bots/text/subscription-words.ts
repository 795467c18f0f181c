/** The one wording of a subscription: what it brings, with its address as an address span. */
import { paraLabel } from '../../core/alerts/parachain-words.js';
import { trackLabel } from '../../core/kusama/track-names.js';
import { formatLeadMinutes } from '../../core/subscriptions/lead-times.js';
import type { SubscriptionSpec } from '../../core/subscriptions/subscription-model.js';
import { address, type Span } from './document.js';
import { spanText } from './plain.js';

export function specSpans(spec: SubscriptionSpec): Span[] {
  switch (spec.kind) {
    case 'referenda':
      return [
        spec.track === null
          ? 'new referenda and phase changes, all tracks'
          : `new referenda and phase changes on ${trackLabel(spec.track)}`,
      ];
    case 'address':
      return ['staking and governance events of ', address(spec.address)];
    case 'cards':
      return [
        spec.track === null
          ? 'a live card per ongoing referendum, all tracks, edited as it moves'
          : `a live card per ongoing referendum on ${trackLabel(spec.track)}, edited as it moves`,
      ];
    case 'treasury':
      return [treasuryWords(spec.asset, spec.minAmount)];
    case 'coretime':
      return [
        spec.below === null
          ? 'the coretime sale: each new sale'
          : `the coretime sale: each new sale, and its price at or below ${groupAmount(spec.below)} KSM`,
      ];
    case 'para':
      return [
        `${paraLabel(spec.para)}: renewal reminders, lifecycle changes, and its head not advancing for ${formatLeadMinutes(spec.stallMinutes)}`,
      ];
    case 'deadlines': {
      const scope =
        spec.scope.type === 'all'
          ? 'all referenda'
          : spec.scope.type === 'track'
            ? trackLabel(spec.scope.track)
            : `referendum #${spec.scope.referendum}`;
      return [
        `decision and confirm deadlines of ${scope}, ${spec.leadMinutes.map(formatLeadMinutes).join(' and ')} ahead`,
      ];
    }
  }
}

/** "treasury spends and bounties in USDT from 10,000 USDT", "… of any asset worth 500 KSM or more". */
function treasuryWords(asset: string | null, minAmount: string | null): string {
  const what = 'treasury spends and bounties';
  const min = minAmount === null ? null : groupAmount(minAmount);
  if (asset === null)
    return min === null ? `${what}, every asset` : `${what} worth ${min} KSM or more (any asset)`;
  return min === null ? `${what} in ${asset}` : `${what} of ${min} ${asset} or more`;
}

/** "10000.5" → "10,000.5". */
function groupAmount(amount: string): string {
  const [whole = '0', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** The same as one plain string (the Discord autocomplete's choice names). */
export function describeSpec(spec: SubscriptionSpec): string {
  return specSpans(spec)
    .map((s) => spanText(s, { names: {}, nowMs: null }))
    .join('');
}
