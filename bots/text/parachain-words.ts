/**
 * The words the parachain, coretime and crowdloan answers share: a para by name and id, a
 * lifecycle, a relay block or timeslice with its time, a renewal's standing, a refund call.
 */
import { formatInteger } from '../../core/format/number.js';
import type { BlockTime } from '../../core/opengov/time.js';
import type {
  ParaLabel,
  RefundCall,
  RenewalState,
  SalePhase,
  TimesliceTime,
} from '../../core/reply/parachain-replies.js';
import type { ParaLifecycle } from '../../core/types/parachains.js';
import { code, type Span, time } from './document.js';

/** "Karura (2000)", or "para 2999" when the table of names does not know it. */
export function paraText(p: ParaLabel): string {
  return p.name === null ? `para ${p.id}` : `${p.name} (${p.id})`;
}

export const LIFECYCLE_WORDS: Record<ParaLifecycle, string> = {
  Onboarding: 'onboarding (its code is being checked before it can run)',
  Parathread: 'parathread (registered; runs on coretime bought on demand or in bulk)',
  Parachain: 'parachain (live)',
  UpgradingParathread: 'upgrading from parathread to parachain',
  DowngradingParachain: 'downgrading from parachain to parathread',
  OffboardingParathread: 'offboarding (was a parathread)',
  OffboardingParachain: 'offboarding (was a parachain)',
};

export function lifecycleText(lifecycle: ParaLifecycle | null): string {
  return lifecycle === null ? 'registered, no code yet' : LIFECYCLE_WORDS[lifecycle];
}

/** "relay block #1,234, <time>". */
export function atRelay(t: BlockTime): Span[] {
  return [`relay block #${formatInteger(t.block)}, `, time(t.atMs)];
}

/** "timeslice 1,234 (relay block #98,720, <time>)". */
export function atTimeslice(t: TimesliceTime): Span[] {
  return [`timeslice ${formatInteger(t.timeslice)} (`, ...atRelay(t.at), ')'];
}

export const PHASE_WORDS: Record<SalePhase, string> = {
  interlude: 'interlude: only renewals are open; the sale starts at the end of it',
  leadin: 'lead-in: the price falls towards its end price',
  fixed: 'fixed price: the lead-in is over',
  ended: 'ended: the next sale has not been read yet',
};

export const RENEWAL_WORDS: Record<RenewalState, string> = {
  due: 'must renew in this sale',
  renewed: 'renewed for the next region',
  partial: 'cannot be renewed (the core is not wholly assigned to one workload)',
  lapsed: 'lapsed: its sale passed without a renewal',
  later: 'renewable in a later sale',
};

/** "ahOps.withdrawCrowdloanContribution(12345, H…, 2000)" to copy. */
export function callSpan(call: RefundCall): Span {
  return code(`${call.call}(${call.args.join(', ')})`);
}
