/**
 * What the parachain, coretime and crowdloan alerts share in their words: a para by its name or
 * id, a lifecycle in plain words, amounts in KSM, and the calls to make (shown as text, to paste
 * into a wallet's extrinsic builder).
 */
import type { RefundCall } from '../coretime/crowdloan.js';
import { paraLabel } from '../kusama/para-names.js';
import type { CommandLink } from '../links/urls.js';
import type { ParaLifecycle } from '../types/parachains.js';

/** "Karura (2000)", or "para 2999" for an id the name table does not know. */
export { paraLabel };

/** "Karura (2000)", "Para 2999": a para at the start of a sentence or title. */
export function paraTitle(id: number): string {
  const label = paraLabel(id);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A lifecycle as detection records it: a `ParaLifecycle`, `Reserved` (id only) or `None` (gone). */
export type LifecycleState = ParaLifecycle | 'Reserved' | 'None';

const LIFECYCLE_WORDS: Record<LifecycleState, string> = {
  Onboarding: 'onboarding',
  Parathread: 'a parathread (on-demand or bulk coretime)',
  Parachain: 'a parachain (lease)',
  UpgradingParathread: 'upgrading to a parachain',
  DowngradingParachain: 'downgrading to a parathread',
  OffboardingParathread: 'offboarding (was a parathread)',
  OffboardingParachain: 'offboarding (was a parachain)',
  Reserved: 'registered, id reserved without code',
  None: 'not registered',
};

export function lifecycleWords(state: LifecycleState): string {
  return LIFECYCLE_WORDS[state] ?? state;
}

/** `broker.renew(3)`: renews core 3 in the current sale (on the Coretime chain, any signer pays). */
export function renewCall(core: number): string {
  return `broker.renew(${core})`;
}

/** `ahOps.withdrawCrowdloanContribution(26179200, HNZata…, 2000)` with the full address. */
export function refundCallText(call: RefundCall): string {
  return `${call.call}(${call.args.join(', ')})`;
}

/** Buttons that run the commands showing more. */
export function paraCommand(para: number): CommandLink {
  return { label: `Para ${para}`, command: `/para ${para}` };
}

export const CORETIME_COMMAND: CommandLink = { label: 'Coretime sale', command: '/coretime' };

export function crowdloanCommand(address: string): CommandLink {
  return { label: 'Crowdloan refunds', command: `/crowdloan ${address}` };
}
