/**
 * Detection: the difference between the previous and the new snapshot version, plus the clock, in;
 * alerts with stable ids out. Pure: the runner in lambdas/alerts reads the store and hands over
 * only what changed (and the watched addresses' state). Each source's inputs go to the rules
 * registered for it (./rules).
 */
import type { EraSlice } from '../staking/slice-types.js';
import type { OngoingReferendum, TrackInfo } from '../types/governance.js';
import type { SlashRecord } from '../types/staking.js';
import type { Alert } from './alert-types.js';
import { type DetectionClock, dataAgeMs, nowBlock } from './detect-context.js';
import { type UpcomingDeadline, upcomingDeadlines } from './detect-deadlines.js';
import type { CrowdloansInput, ParachainsInput, ParachainWatch } from './detect-parachains.js';
import { type ReferendumChange, referendumInputs } from './detect-referenda.js';
import { slashInputs } from './detect-slashes.js';
import { type AccountChange, accountInputs, type StakingInput } from './detect-staking.js';
import type { BountiesInput, TreasuryInput } from './detect-treasury.js';
import { type VotersData, voterInputs } from './detect-voters.js';
import type { VotingLookup } from './detect-votes.js';
import { runRules } from './engine.js';
import type { DetectionSources } from './rule-types.js';
import type { AlertRules } from './thresholds.js';

export interface DetectionInput {
  clock: DetectionClock;
  rules: AlertRules;
  /** Referenda whose entity changed between the two versions (none on a first run). */
  referendumChanges: readonly ReferendumChange[];
  /** Every ongoing referendum of the new version (deadlines are clock-based, not change-based). */
  ongoing: readonly OngoingReferendum[];
  tracks: readonly TrackInfo[];
  /** Lead times in use by deadline subscribers (their union). */
  deadlineLeadMinutes: readonly number[];
  /** Watched addresses to check, with their previous slice when a previous version exists. */
  accounts: readonly AccountChange[];
  eraBefore: EraSlice | undefined;
  eraAfter: EraSlice | undefined;
  /** Voting state of watched addresses and their delegates, when it was read. */
  votes?: { addresses: readonly string[]; lookup: VotingLookup };
  /** Conviction-voting records of watched addresses and their delegates, when the store has them. */
  voters?: VotersData;
  /**
   * Slashes new in this version (see `freshSlashes`), and the watched addresses to check them
   * against: all of them, since a slash concerns nominators whose own state did not change.
   */
  slashes?: {
    fresh: readonly SlashRecord[];
    accounts: ReadonlyArray<Pick<AccountChange, 'address' | 'after'>>;
  };
  health?: Omit<DetectionSources['health'], 'staleAfterMs'>;
  /** The treasury and bounties of both versions, when the store has them (see TreasuryData). */
  treasury?: TreasuryData;
  /** Parachains, coretime and the watched addresses' crowdloan refunds (see ParachainsData). */
  parachains?: ParachainsData;
}

/**
 * What the store holds of parachains and crowdloans, and what the coretime and para subscriptions
 * watch (their price levels and stall times).
 */
export interface ParachainsData {
  parachains?: Pick<ParachainsInput, 'before' | 'after'>;
  crowdloans?: Omit<CrowdloansInput, 'relayBlock'>;
  watch: ParachainWatch;
}

/** What the store holds of the treasury: the version's and the previous version's, with their relay blocks. */
export interface TreasuryData {
  treasury?: Pick<TreasuryInput, 'before' | 'after'>;
  bounties?: Pick<BountiesInput, 'before' | 'after' | 'holdings'>;
}

export interface DetectionResult {
  alerts: Alert[];
  /** Why some alerts were held back, for the log. */
  notes: string[];
}

export function referendumAlerts(
  changes: readonly ReferendumChange[],
  tracks: readonly TrackInfo[],
  clock: DetectionClock,
): Alert[] {
  return runRules(['referendum'], referendumInputs(changes, tracks), clock);
}

export function deadlineAlerts(
  deadlines: readonly UpcomingDeadline[],
  leadMinutes: Iterable<number>,
  clock: DetectionClock,
): Alert[] {
  return runRules(['deadlines'], [{ deadlines, leadMinutes: [...leadMinutes] }], clock);
}

export function notVotedAlerts(
  deadlines: readonly UpcomingDeadline[],
  addresses: readonly string[],
  lookup: VotingLookup,
  leadMinutes: readonly number[],
  clock: DetectionClock,
): Alert[] {
  return runRules(['votes'], [{ deadlines, addresses, lookup, leadMinutes }], clock);
}

export function voterAlerts(
  data: VotersData,
  changes: readonly ReferendumChange[],
  clock: DetectionClock,
): Alert[] {
  return runRules(['voters'], voterInputs(data, changes), clock);
}

export function stakingAlerts(input: StakingInput, clock: DetectionClock): Alert[] {
  return runRules(['era', 'account'], accountInputs(input, clock), clock);
}

export function slashAlerts(
  accounts: ReadonlyArray<Pick<AccountChange, 'address' | 'after'>>,
  slashes: readonly SlashRecord[],
  clock: DetectionClock,
): Alert[] {
  return runRules(['slashes'], slashInputs(accounts, slashes), clock);
}

/**
 * Spend and bounty alerts. The reminders (a spend expiring, an update due) open their windows by
 * the clock, so they are held back, as deadlines are, when the data is too old (`leadMinutes` empty).
 */
export function treasuryAlerts(
  data: TreasuryData,
  leadMinutes: readonly number[],
  clock: DetectionClock,
): Alert[] {
  const blocks = { relayBlock: clock.relayBlock, nowBlock: nowBlock(clock), leadMinutes };
  const alerts = data.treasury ? runRules(['treasury'], [{ ...data.treasury, ...blocks }], clock) : [];
  if (data.bounties) alerts.push(...runRules(['bounties'], [{ ...data.bounties, ...blocks }], clock));
  return alerts;
}

/**
 * Coretime, para and crowdloan alerts. The renewal reminders open their windows by the clock, so
 * they are held back, as deadlines are, when the data is too old (`leadMinutes` empty); the sale,
 * lifecycle and stall alerts and the crowdloan refunds read the snapshot's relay block only.
 */
export function parachainAlerts(
  data: ParachainsData,
  leadMinutes: readonly number[],
  clock: DetectionClock,
): Alert[] {
  const relayBlock = clock.relayBlock;
  const alerts = data.parachains
    ? runRules(
        ['parachains'],
        [{ ...data.parachains, ...data.watch, relayBlock, nowBlock: nowBlock(clock), leadMinutes }],
        clock,
      )
    : [];
  if (data.crowdloans) alerts.push(...runRules(['crowdloans'], [{ ...data.crowdloans, relayBlock }], clock));
  return alerts;
}

export function healthAlerts(input: DetectionSources['health'], clock: DetectionClock): Alert[] {
  return runRules(['health'], [input], clock);
}

/** Deadlines and not-voted alerts, unless the data is too old for clock-based alerts. */
function clockAlerts(input: DetectionInput, notes: string[]): Alert[] {
  const { clock, rules } = input;
  const age = dataAgeMs(clock);
  if (age > rules.maxDataAgeForDeadlinesMs) {
    notes.push(
      `deadline and not-voted alerts held back: the data is ${Math.round(age / 1000)} s old (limit ${Math.round(rules.maxDataAgeForDeadlinesMs / 1000)} s)`,
    );
    return [];
  }
  const deadlines = upcomingDeadlines(input.ongoing, input.tracks, clock);
  const alerts = deadlineAlerts(deadlines, input.deadlineLeadMinutes, clock);
  if (input.votes)
    alerts.push(
      ...notVotedAlerts(
        deadlines,
        input.votes.addresses,
        input.votes.lookup,
        rules.notVotedLeadMinutes,
        clock,
      ),
    );
  return alerts;
}

/** One alert per id, with the chain name of its track when it concerns one. */
function withTrackNames(alerts: readonly Alert[], tracks: readonly TrackInfo[]): Alert[] {
  const trackNames = new Map(tracks.map((t) => [t.id, t.name]));
  const unique = new Map<string, Alert>();
  for (const alert of alerts) {
    if (unique.has(alert.id)) continue;
    const track = 'track' in alert.facts ? alert.facts.track : null;
    const name = track === null ? undefined : trackNames.get(track);
    unique.set(alert.id, name ? { ...alert, trackName: name } : alert);
  }
  return [...unique.values()];
}

export function detectAlerts(input: DetectionInput): DetectionResult {
  const { clock, rules } = input;
  const notes: string[] = [];
  const alerts = referendumAlerts(input.referendumChanges, input.tracks, clock);
  alerts.push(...clockAlerts(input, notes));
  if (input.voters) alerts.push(...voterAlerts(input.voters, input.referendumChanges, clock));
  if (input.eraAfter) {
    const { accounts, eraBefore, eraAfter } = input;
    alerts.push(
      ...stakingAlerts({ accounts, eraBefore, eraAfter, expiringErasLeft: rules.expiringErasLeft }, clock),
    );
  } else if (input.accounts.length > 0) {
    notes.push('staking alerts skipped: the version has no era entity');
  }
  if (input.slashes && input.slashes.fresh.length > 0)
    alerts.push(...slashAlerts(input.slashes.accounts, input.slashes.fresh, clock));
  if (input.treasury) {
    const fresh = dataAgeMs(clock) <= rules.maxDataAgeForDeadlinesMs;
    alerts.push(...treasuryAlerts(input.treasury, fresh ? rules.treasuryLeadMinutes : [], clock));
  }
  if (input.parachains) {
    const fresh = dataAgeMs(clock) <= rules.maxDataAgeForDeadlinesMs;
    alerts.push(...parachainAlerts(input.parachains, fresh ? rules.renewalLeadMinutes : [], clock));
  }
  alerts.push(...healthAlerts({ staleAfterMs: rules.staleAfterMs, ...input.health }, clock));
  return { alerts: withTrackNames(alerts, input.tracks), notes };
}
