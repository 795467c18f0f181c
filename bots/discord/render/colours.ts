/** Embed colours: one per referendum phase, and one per kind of answer. */
import type { ReferendumView } from '../../../core/opengov/view.js';
import type { AlertSeverity } from '../../../core/ports/notifier.js';

export const PHASE_COLOURS: Record<ReferendumView['phase'] | 'queued', number> = {
  preparing: 0x94a3b8,
  queued: 0x64748b,
  deciding: 0xf59e0b,
  confirming: 0x22c55e,
  approved: 0x15803d,
  rejected: 0xdc2626,
  cancelled: 0x6b7280,
  timedOut: 0x9ca3af,
  killed: 0x7f1d1d,
  unavailable: 0x6b7280,
};

export const COLOURS = {
  staking: 0xe6007a,
  governance: 0x8b5cf6,
  subscription: 0x0ea5e9,
  status: 0x22c55e,
  stale: 0xf97316,
  help: 0x5865f2,
  error: 0xef4444,
} as const;

export function phaseColour(view: ReferendumView): number {
  if (view.phase === 'preparing' && view.reason === 'trackQueue') return PHASE_COLOURS.queued;
  return PHASE_COLOURS[view.phase];
}

/** Alerts by severity (the alert embeds, and the worst of /missed). */
export const SEVERITY_COLOURS: Record<AlertSeverity, number> = {
  info: 0x3b82f6,
  warning: 0xf59e0b,
  critical: 0xdc2626,
};
