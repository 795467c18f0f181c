/**
 * Alerts as `NotifierMessage`s: a title, short lines of fact, a link and the data's age. Relay
 * blocks become times at 6 s a block; amounts are KSM. The platforms render and escape the text.
 */

import { formatKsm } from '../format/balance.js';
import { formatDuration } from '../format/duration.js';
import { formatInteger, formatPerbill } from '../format/number.js';
import { trackDisplayName } from '../opengov/tracks.js';
import type { NotifierMessage } from '../ports/notifier.js';
import { formatLeadMinutes } from '../subscriptions/lead-times.js';
import type { Alert, AlertFacts, BlockAt } from './alert-types.js';

export interface MessageContext {
  nowMs: number;
  /** Track id → chain name ("small_spender"). */
  trackNames?: ReadonlyMap<number, string>;
  /** Link to a referendum page; none when absent. */
  referendumUrl?: (id: number) => string;
}

function planck(text: string): string {
  try {
    return formatKsm(BigInt(text));
  } catch {
    return `${text} planck`;
  }
}

function when(at: BlockAt, nowMs: number): string {
  const delta = at.atMs - nowMs;
  const iso = new Date(at.atMs).toISOString().slice(0, 16).replace('T', ' ');
  const rel = delta >= 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
  return `block ${formatInteger(at.block)}, ${iso} UTC (${rel})`;
}

function short(address: string): string {
  return address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
}

function trackLabel(track: number | null, ctx: MessageContext, known?: string): string {
  if (track === null) return 'track unknown';
  const name = ctx.trackNames?.get(track) ?? known;
  return name ? `${trackDisplayName(name)} (track ${track})` : `track ${track}`;
}

function body(f: AlertFacts, ctx: MessageContext, trackName?: string): { title: string; lines: string[] } {
  const now = ctx.nowMs;
  const trackText = (track: number | null) => trackLabel(track, ctx, trackName);
  switch (f.kind) {
    case 'ref-submitted':
      return {
        title: `Referendum #${f.referendum} submitted`,
        lines: [trackText(f.track), ...(f.proposal ? [`Proposal: ${f.proposal}`] : [])],
      };
    case 'ref-decision-started':
      return {
        title: `Referendum #${f.referendum} is deciding`,
        lines: [
          trackText(f.track),
          ...(f.decisionEnd ? [`Decision period ends ${when(f.decisionEnd, now)}`] : []),
        ],
      };
    case 'ref-confirm-started':
      return {
        title: `Referendum #${f.referendum} started confirming`,
        lines: [trackText(f.track), `Approved ${when(f.confirmEnd, now)} if it keeps passing`],
      };
    case 'ref-confirm-aborted':
      return {
        title: `Referendum #${f.referendum} stopped confirming`,
        lines: [
          trackText(f.track),
          'It no longer passes; it is back to deciding.',
          ...(f.decisionEnd ? [`Decision period ends ${when(f.decisionEnd, now)}`] : []),
        ],
      };
    case 'ref-approved':
      return {
        title: `Referendum #${f.referendum} approved`,
        lines: [
          trackText(f.track),
          `Approved at ${when(f.approved, now)}`,
          f.enactment ? `Enactment ${when(f.enactment, now)}` : 'Enactment time unknown',
        ],
      };
    case 'ref-ended': {
      const word = { rejected: 'rejected', timedOut: 'timed out', cancelled: 'cancelled', killed: 'killed' }[
        f.outcome
      ];
      return {
        title: `Referendum #${f.referendum} ${word}`,
        lines: [trackText(f.track), `Ended at ${when(f.ended, now)}`],
      };
    }
    case 'ref-deadline':
      return {
        title: `Referendum #${f.referendum}: ${f.deadline === 'decision' ? 'decision period' : 'confirmation'} ends in ${formatDuration(f.end.atMs - now)}`,
        lines: [
          trackText(f.track),
          `Ends ${when(f.end, now)}`,
          `Your ${formatLeadMinutes(f.leadMinutes)} reminder`,
        ],
      };
    case 'ref-not-voted': {
      const lines = [trackText(f.track), `Ends ${when(f.end, now)}`];
      if (f.delegate)
        lines.push(
          `${short(f.address)} delegates this track to ${short(f.delegate.address)}, who ${f.delegate.voted ? 'has voted' : 'has not voted either'}.`,
        );
      return {
        title: `Referendum #${f.referendum} ends in ${formatDuration(f.end.atMs - now)} and ${short(f.address)} has not voted`,
        lines,
      };
    }
    case 'era-paid':
      return {
        title: `Era ${formatInteger(f.era)} paid`,
        lines: [`${short(f.address)}: estimated reward ${planck(f.estimate)}`],
      };
    case 'target-left-active':
      return {
        title: `A validator you nominate is not active in era ${formatInteger(f.era)}`,
        lines: [`${short(f.validator)} left the active set`, `Nominator: ${short(f.address)}`],
      };
    case 'target-chilled':
      return {
        title: 'A validator you nominate was chilled',
        lines: [`${short(f.validator)} is no longer a validator candidate`, `Nominator: ${short(f.address)}`],
      };
    case 'target-blocked':
      return {
        title: 'A validator you nominate blocks nominations',
        lines: [`${short(f.validator)} now blocks new nominations`, `Nominator: ${short(f.address)}`],
      };
    case 'commission-raised':
      return {
        title: 'A validator you nominate raised its commission',
        lines: [
          `${short(f.validator)}: ${formatPerbill(f.from)} → ${formatPerbill(f.to)}`,
          `Nominator: ${short(f.address)}`,
        ],
      };
    case 'validator-slashed':
      return {
        title: `A validator you nominate was slashed (era ${formatInteger(f.era)})`,
        lines: [
          `${short(f.validator)}: ${f.fraction === null ? '' : `${formatPerbill(f.fraction)}, `}${planck(f.amount)}`,
          `Account: ${short(f.address)}`,
        ],
      };
    case 'unapplied-slash':
      return {
        title: `A validator you nominate has a pending slash (era ${formatInteger(f.era)})`,
        lines: [`${short(f.validator)}: ${planck(f.amount)} to be slashed`, `Account: ${short(f.address)}`],
      };
    case 'no-active-nomination':
      return {
        title: `None of your nominations is active in era ${formatInteger(f.era)}`,
        lines: [
          `${short(f.address)} nominates ${f.targets} validators; none backs it this era, so it earns nothing.`,
        ],
      };
    case 'unbond-withdrawable':
      return {
        title: 'Unbonded funds can be withdrawn',
        lines: [
          `${short(f.address)}: ${planck(f.value)} (${f.via === 'pool' ? 'pool unbonding' : 'unbonding chunk'} of era ${formatInteger(f.era)})`,
        ],
      };
    case 'rewards-expiring':
      return {
        title: `Rewards of era ${formatInteger(f.era)} expire in ${f.erasLeft} era${f.erasLeft === 1 ? '' : 's'}`,
        lines: [
          `${short(f.address)}: ${planck(f.estimate)} unclaimed on ${f.pages} page${f.pages === 1 ? '' : 's'}`,
        ],
      };
    case 'pool-state':
      return {
        title: `Pool ${f.poolId} is now ${f.to}`,
        lines: [`Was ${f.from ?? 'unknown'}; member ${short(f.address)}`],
      };
    case 'snapshot-stale':
      return {
        title: 'Snapshot data is stale',
        lines: [
          `Version ${f.version} at relay block ${formatInteger(f.relayBlock)} is ${formatDuration(f.ageMs)} old (limit ${formatDuration(f.staleAfterMs)})`,
        ],
      };
    case 'endpoint-failover':
      return {
        title: 'Chain endpoint failed over',
        lines: [`Version ${f.version} was read from ${f.to}`, `Previous endpoint: ${f.from ?? 'unknown'}`],
      };
  }
}

function referendumOf(f: AlertFacts): number | null {
  return 'referendum' in f ? f.referendum : null;
}

export function alertMessage(alert: Alert, ctx: MessageContext): NotifierMessage {
  const { title, lines } = body(alert.facts, ctx, alert.trackName);
  const ref = referendumOf(alert.facts);
  const url = ref !== null && ctx.referendumUrl ? ctx.referendumUrl(ref) : undefined;
  return {
    alertId: alert.id,
    severity: alert.severity,
    title,
    lines,
    ...(url ? { url } : {}),
    footer: `data as of relay block ${formatInteger(alert.relayBlock)} (${formatDuration(Math.max(0, ctx.nowMs - alert.dataAtMs))} ago)`,
  };
}
