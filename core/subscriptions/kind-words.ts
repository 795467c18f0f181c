/**
 * The words that name alert kinds in a chat's settings (`/mute`, `/unmute`): every alert kind by its
 * name (ref-deadline, era-paid, …; underscores work too) and a few groups that cover them all, each
 * kind in exactly one group.
 */
import { ALERT_KINDS, type AlertKind } from '../alerts/alert-types.js';

export const ALERT_KIND_GROUPS = {
  referenda: [
    'ref-submitted',
    'ref-decision-started',
    'ref-confirm-started',
    'ref-confirm-aborted',
    'ref-approved',
    'ref-ended',
  ],
  deadlines: ['ref-deadline'],
  votes: ['ref-not-voted'],
  staking: [
    'era-paid',
    'target-left-active',
    'target-chilled',
    'target-blocked',
    'commission-raised',
    'no-active-nomination',
    'unbond-withdrawable',
    'rewards-expiring',
    'pool-state',
  ],
  slashes: ['validator-slashed', 'unapplied-slash'],
  health: ['snapshot-stale', 'endpoint-failover'],
} as const satisfies Record<string, readonly AlertKind[]>;

export type AlertKindGroup = keyof typeof ALERT_KIND_GROUPS;
export const ALERT_KIND_GROUP_NAMES = Object.keys(ALERT_KIND_GROUPS) as AlertKindGroup[];

export const ALERT_KIND_GROUP_DESCRIPTIONS: Record<AlertKindGroup, string> = {
  referenda: 'new referenda and their phase changes',
  deadlines: 'deadline reminders',
  votes: 'a watched address has not voted yet',
  staking: 'rewards, nominations, unbonding and pools',
  slashes: 'slashes, applied or pending',
  health: 'stale data and endpoint failovers (operators)',
};

export const ALERT_KIND_DESCRIPTIONS: Record<AlertKind, string> = {
  'ref-submitted': 'a referendum was submitted',
  'ref-decision-started': 'a referendum started deciding',
  'ref-confirm-started': 'a referendum started confirming',
  'ref-confirm-aborted': 'a referendum stopped confirming',
  'ref-approved': 'a referendum was approved',
  'ref-ended': 'a referendum was rejected, timed out, cancelled or killed',
  'ref-deadline': 'a decision or confirmation ends soon',
  'ref-not-voted': 'a watched address has not voted before the end',
  'era-paid': 'an era was paid',
  'target-left-active': 'a nominated validator left the active set',
  'target-chilled': 'a nominated validator was chilled',
  'target-blocked': 'a nominated validator blocks nominations',
  'commission-raised': 'a nominated validator raised its commission',
  'validator-slashed': 'a nominated validator was slashed',
  'unapplied-slash': 'a slash is pending',
  'no-active-nomination': 'no nomination is active this era',
  'unbond-withdrawable': 'unbonded funds can be withdrawn',
  'rewards-expiring': 'unclaimed rewards expire soon',
  'pool-state': 'a pool changed state',
  'snapshot-stale': 'the data is stale (operators)',
  'endpoint-failover': 'the chain endpoint failed over (operators)',
};

/** Kinds in the order ALERT_KINDS lists them, each once. */
export function sortKinds(kinds: Iterable<AlertKind>): AlertKind[] {
  const set = new Set(kinds);
  return ALERT_KINDS.filter((k) => set.has(k));
}

/** The kinds one word names, or undefined for a word that names none. */
export function kindsOfWord(word: string): readonly AlertKind[] | undefined {
  const w = word.toLowerCase().replace(/_/g, '-');
  if (Object.hasOwn(ALERT_KIND_GROUPS, w)) return ALERT_KIND_GROUPS[w as AlertKindGroup];
  return ALERT_KINDS.includes(w as AlertKind) ? [w as AlertKind] : undefined;
}

/** "referenda, deadlines, votes, staking, slashes, health, or one kind: ref-submitted, …". */
export function kindWordList(): string {
  return `${ALERT_KIND_GROUP_NAMES.join(', ')}, or one kind: ${ALERT_KINDS.join(', ')}`;
}

/** The fewest words naming exactly these kinds: a group's name where all its kinds are in, else the kinds. */
export function kindWords(kinds: readonly AlertKind[]): string[] {
  const set = new Set(kinds);
  const words: string[] = [];
  for (const group of ALERT_KIND_GROUP_NAMES) {
    const members: readonly AlertKind[] = ALERT_KIND_GROUPS[group];
    if (members.every((k) => set.has(k))) words.push(group);
    else words.push(...members.filter((k) => set.has(k)));
  }
  return words;
}
