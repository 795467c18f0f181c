/**
 * What an alert rule is: one kind of alert, its group, severity, how it is detected and how it
 * reads. Each rule reads one detection source; the engine hands every rule registered for a source
 * each input of that source (a changed referendum, a watched account, …) and turns what the rule
 * finds into alerts.
 */

import type { CommandLink, Link } from '../links/urls.js';
import type { AlertSeverity } from '../ports/notifier.js';
import type { ViewContext } from '../staking/context.js';
import type { AccountStakingSlice, EraSlice } from '../staking/slice-types.js';
import type { AlertKindGroup } from '../subscriptions/kind-groups.js';
import type { ReferendumInfo, TrackInfo } from '../types/governance.js';
import type { SlashRecord } from '../types/staking.js';
import type { DetectionClock } from './detect-context.js';
import type { UpcomingDeadline } from './detect-deadlines.js';
import type { CrowdloansInput, ParachainsInput } from './detect-parachains.js';
import type { BountiesInput, TreasuryInput } from './detect-treasury.js';
import type { VoterInput } from './detect-voters.js';
import type { VotingLookup } from './detect-votes.js';
import type { AlertScope } from './scope.js';
import type { RuleText } from './spans.js';
import type { RuleWording } from './wording.js';

/** The part of the store's referendum entity detection reads. */
export interface ReferendumRecord {
  info: ReferendumInfo;
  proposal: string | null;
}

/** One input per source; a rule sees one at a time. */
export interface DetectionSources {
  /** A referendum whose entity changed between the two versions (it exists in the new one). */
  referendum: {
    id: number;
    before: ReferendumRecord | undefined;
    after: ReferendumRecord;
    tracks: ReadonlyMap<number, TrackInfo>;
  };
  /** The clock over the ongoing referenda's ends, and the lead times deadline subscribers use. */
  deadlines: { deadlines: readonly UpcomingDeadline[]; leadMinutes: readonly number[] };
  /** The same ends against the watched addresses' votes. */
  votes: {
    deadlines: readonly UpcomingDeadline[];
    addresses: readonly string[];
    lookup: VotingLookup;
    leadMinutes: readonly number[];
  };
  /**
   * A watched address's conviction-voting record in both versions, with its delegates' records,
   * the referenda that ended, and the lock maths' rules and outcomes.
   */
  voters: VoterInput;
  /** A watched address with staking state, its previous slice (when it changed), and the era. */
  account: AccountSource;
  /** The same account when the era slices moved (rewards became known). */
  era: AccountSource;
  /** A slash, new in this version, of a validator a watched address nominates or runs. */
  slashes: { address: string; validator: string; slash: SlashRecord };
  /** The treasury of this version and the previous one, with their relay blocks and the lead times. */
  treasury: TreasuryInput;
  /** The live bounties (with their children) of this version and the previous one. */
  bounties: BountiesInput;
  /**
   * The relay and Coretime chain parts of this version and the previous one, with the coretime
   * price levels, the para stall times and the renewal lead times the subscriptions ask for.
   */
  parachains: ParachainsInput;
  /** The watched addresses' crowdloan contributions and deposits, with both versions' relay blocks. */
  crowdloans: CrowdloansInput;
  /** The data's health, for operators. */
  health: {
    staleAfterMs: number;
    previousEndpoint?: string | null;
    endpoint?: string | null;
    /** The spec versions of the version before and of this one, with this one's warnings. */
    runtime?: { version: number; relayBlock: number; from: number; to: number; warnings: string[] };
  };
}

export interface AccountSource {
  address: string;
  /** Undefined on the first run, or when the account had no staking state before. */
  before: AccountStakingSlice | undefined;
  after: AccountStakingSlice;
  ctx: ViewContext;
  eraBefore: EraSlice | undefined;
  eraAfter: EraSlice;
  /** Rewards alert when this many eras or fewer are left to claim them. */
  expiringErasLeft: number;
}

export type SourceName = keyof DetectionSources;

/** What a rule found: the alert's identity, who may receive it, and its facts. */
export interface Found<F> {
  id: string;
  scope: AlertScope;
  facts: F;
}

export interface AlertRule<F extends { kind: string }, S extends SourceName = SourceName> {
  kind: F['kind'];
  group: AlertKindGroup;
  /** What the kind is about, as `/mute` suggestions show it. */
  description: string;
  severity: AlertSeverity | ((facts: F) => AlertSeverity);
  source: S;
  detect(input: DetectionSources[S], clock: DetectionClock): Found<F>[];
  message(facts: F, wording: RuleWording): RuleMessage;
}

/**
 * How an alert reads: a title and lines, each plain text or spans with moments (never a relative
 * time, which would go stale in the channel), and the link buttons of what it is about.
 */
export interface RuleMessage {
  title: RuleText;
  lines: RuleText[];
  links?: Link[];
  /** Buttons that run a command line, e.g. `/calldata 412`. */
  commands?: CommandLink[];
}
