/**
 * `/parachains`: the live paras (lifecycle Parachain, or a relay core assigned now) with their
 * names and cores, the onboarding and offboarding ones, the other lifecycles counted, and the relay
 * cores in use, on the pool and idle. Reads `parachains/current` at the frame's pointer.
 */
import type { LiveParaRow, ParachainsReply } from '../../../core/reply/parachain-replies.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { ParaLifecycle, RelayParachainsState } from '../../../core/types/parachains.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { base, missingData } from '../reply-base.js';
import { coreCounts, coreParas, parachainsOf, paraOf } from './data.js';

/** Rows of each list shown (the rest are counted), within Discord's field and Telegram's message limits. */
export const MAX_PARAS_SHOWN = 25;

const OFFBOARDING: ReadonlySet<ParaLifecycle> = new Set(['OffboardingParathread', 'OffboardingParachain']);

export function parachainsReplyOf(relay: RelayParachainsState, frame: Frame): ParachainsReply {
  const coresOf = new Map<number, number[]>();
  for (const core of [...relay.cores].sort((a, b) => a.core - b.core))
    for (const para of coreParas(core)) coresOf.set(para, [...(coresOf.get(para) ?? []), core.core]);
  const paras = [...relay.paras].sort((a, b) => a.id - b.id);
  const live: LiveParaRow[] = paras
    .filter((p) => p.lifecycle === 'Parachain' || coresOf.has(p.id))
    .map((p) => ({ para: paraOf(p.id), lifecycle: p.lifecycle, cores: coresOf.get(p.id) ?? [] }));
  const onboarding = paras.filter((p) => p.lifecycle === 'Onboarding').map((p) => paraOf(p.id));
  const offboarding = paras
    .filter((p) => p.lifecycle !== null && OFFBOARDING.has(p.lifecycle))
    .map((p) => ({ para: paraOf(p.id), lifecycle: p.lifecycle as ParaLifecycle }));
  const liveIds = new Set(live.map((r) => r.para.id));
  const count = (lifecycle: ParaLifecycle | null) =>
    paras.filter((p) => p.lifecycle === lifecycle && !liveIds.has(p.id)).length;
  return {
    type: 'parachains',
    relayBlock: relay.block,
    live: live.slice(0, MAX_PARAS_SHOWN),
    liveTotal: live.length,
    liveOmitted: Math.max(0, live.length - MAX_PARAS_SHOWN),
    onboarding: onboarding.slice(0, MAX_PARAS_SHOWN),
    onboardingOmitted: Math.max(0, onboarding.length - MAX_PARAS_SHOWN),
    offboarding: offboarding.slice(0, MAX_PARAS_SHOWN),
    offboardingOmitted: Math.max(0, offboarding.length - MAX_PARAS_SHOWN),
    counts: {
      parathreads: count('Parathread'),
      upgrading: count('UpgradingParathread'),
      downgrading: count('DowngradingParachain'),
      registeredOnly: count(null),
    },
    cores: coreCounts(relay),
    ...base(frame),
  };
}

export async function parachainsCommand(frame: Frame, ctx: CommandContext): Promise<Reply> {
  const state = await parachainsOf(ctx, frame);
  if (!state?.relay) return missingData('parachains', 'relay chain parachain data', frame);
  return parachainsReplyOf(state.relay, frame);
}
