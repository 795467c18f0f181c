/**
 * The groups a chat names to mute many alert kinds at once. Each alert rule says which group its
 * kind belongs to; every kind is in exactly one group.
 */
export const ALERT_KIND_GROUP_NAMES = [
  'referenda',
  'deadlines',
  'votes',
  'staking',
  'slashes',
  'treasury',
  'bounties',
  'coretime',
  'parachains',
  'health',
] as const;

export type AlertKindGroup = (typeof ALERT_KIND_GROUP_NAMES)[number];

export const ALERT_KIND_GROUP_DESCRIPTIONS: Record<AlertKindGroup, string> = {
  referenda: 'new referenda and their phase changes',
  deadlines: 'deadline reminders',
  votes: 'not voted yet, a delegate voted or not, voted outcomes, unlockable funds',
  staking: 'rewards, nominations, unbonding and pools',
  slashes: 'slashes, applied or pending',
  treasury: 'treasury spends: approved, claimable, expiring, failed payouts',
  bounties: 'bounties and child bounties: created, funded, curators, awards, claims, updates due',
  coretime: 'the coretime sale: a new sale, the price falling to your level',
  parachains: 'paras: renewals due, lifecycle changes, stalled heads, crowdloan refunds to withdraw',
  health: 'stale data and endpoint failovers (operators)',
};
