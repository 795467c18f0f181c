/**
 * The alert rules, one per kind, in the order kinds are listed everywhere (settings, `/mute`
 * suggestions). A new kind is a new rule file and one line here (its import and its entry).
 */
import type { AlertRule, SourceName } from '../rule-types.js';
import { bountyAwarded } from './bounty-awarded.js';
import { bountyClaimable } from './bounty-claimable.js';
import { bountyCreated } from './bounty-created.js';
import { bountyCurator } from './bounty-curator.js';
import { bountyFunded } from './bounty-funded.js';
import { bountyUpdateDue } from './bounty-update-due.js';
import { commissionRaised } from './commission-raised.js';
import { crowdloanWithdrawable } from './crowdloan-withdrawable.js';
import { delegateNotVoted } from './delegate-not-voted.js';
import { delegateVoted } from './delegate-voted.js';
import { endpointFailover } from './endpoint-failover.js';
import { eraPaid } from './era-paid.js';
import { lockUnlockable } from './lock-unlockable.js';
import { noActiveNomination } from './no-active-nomination.js';
import { paraLifecycle } from './para-lifecycle.js';
import { paraStalled } from './para-stalled.js';
import { poolState } from './pool-state.js';
import { refApproved } from './ref-approved.js';
import { refConfirmAborted } from './ref-confirm-aborted.js';
import { refConfirmStarted } from './ref-confirm-started.js';
import { refDeadline } from './ref-deadline.js';
import { refDecisionStarted } from './ref-decision-started.js';
import { refEnded } from './ref-ended.js';
import { refNotVoted } from './ref-not-voted.js';
import { refSubmitted } from './ref-submitted.js';
import { renewalDue } from './renewal-due.js';
import { rewardsExpiring } from './rewards-expiring.js';
import { runtimeUpgraded } from './runtime-upgraded.js';
import { salePriceBelow } from './sale-price-below.js';
import { saleStarted } from './sale-started.js';
import { snapshotStale } from './snapshot-stale.js';
import { spendApproved } from './spend-approved.js';
import { spendClaimable } from './spend-claimable.js';
import { spendExpiring } from './spend-expiring.js';
import { spendPayoutFailed } from './spend-payout-failed.js';
import { targetBlocked } from './target-blocked.js';
import { targetChilled } from './target-chilled.js';
import { targetLeftActive } from './target-left-active.js';
import { unappliedSlash } from './unapplied-slash.js';
import { unbondWithdrawable } from './unbond-withdrawable.js';
import { validatorSlashed } from './validator-slashed.js';
import { votedRefEnded } from './voted-ref-ended.js';

export const ALERT_RULES = [
  refSubmitted,
  refDecisionStarted,
  refConfirmStarted,
  refConfirmAborted,
  refApproved,
  refEnded,
  refDeadline,
  refNotVoted,
  delegateNotVoted,
  delegateVoted,
  votedRefEnded,
  lockUnlockable,
  eraPaid,
  targetLeftActive,
  targetChilled,
  targetBlocked,
  commissionRaised,
  validatorSlashed,
  unappliedSlash,
  noActiveNomination,
  unbondWithdrawable,
  rewardsExpiring,
  poolState,
  spendApproved,
  spendClaimable,
  spendExpiring,
  spendPayoutFailed,
  bountyCreated,
  bountyFunded,
  bountyCurator,
  bountyAwarded,
  bountyClaimable,
  bountyUpdateDue,
  saleStarted,
  salePriceBelow,
  renewalDue,
  paraLifecycle,
  paraStalled,
  crowdloanWithdrawable,
  snapshotStale,
  endpointFailover,
  runtimeUpgraded,
] as const;

/** The facts of every kind: the union of the rules' fact types. */
export type RuleFacts = (typeof ALERT_RULES)[number] extends infer R
  ? R extends AlertRule<infer F, SourceName>
    ? F
    : never
  : never;

// biome-ignore lint/suspicious/noExplicitAny: a rule of any kind, for lookups by kind and source
export type AnyAlertRule = AlertRule<any, SourceName>;

const BY_KIND = new Map<string, AnyAlertRule>(ALERT_RULES.map((r) => [r.kind, r as AnyAlertRule]));

export function ruleOf(kind: RuleFacts['kind']): AnyAlertRule {
  return BY_KIND.get(kind)!;
}

/** The rules that read a source, in registry order. */
export function rulesFor<S extends SourceName>(source: S): ReadonlyArray<AlertRule<{ kind: string }, S>> {
  return ALERT_RULES.filter((r) => r.source === source) as unknown as ReadonlyArray<
    AlertRule<{ kind: string }, S>
  >;
}
