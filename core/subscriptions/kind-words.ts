/**
 * The words that name alert kinds in a chat's settings (`/mute`, `/unmute`): every alert kind by its
 * name (ref-deadline, era-paid, …; underscores work too) and a few groups that cover them all, each
 * kind in exactly one group.
 */
import { ALERT_KINDS, type AlertKind } from '../alerts/alert-types.js';
import { ALERT_RULES } from '../alerts/rules/index.js';
import { ALERT_KIND_GROUP_NAMES, type AlertKindGroup } from './kind-groups.js';

function kindsByGroup(): Record<AlertKindGroup, readonly AlertKind[]> {
  const groups = {} as Record<AlertKindGroup, readonly AlertKind[]>;
  for (const group of ALERT_KIND_GROUP_NAMES)
    groups[group] = ALERT_RULES.filter((r) => r.group === group).map((r) => r.kind);
  return groups;
}

/** Each group's kinds, in ALERT_KINDS order, as the alert rules assign them. */
export const ALERT_KIND_GROUPS: Readonly<Record<AlertKindGroup, readonly AlertKind[]>> = kindsByGroup();

/** What each kind is about, as `/mute` suggestions show it. */
export const ALERT_KIND_DESCRIPTIONS: Readonly<Record<AlertKind, string>> = Object.fromEntries(
  ALERT_RULES.map((r) => [r.kind, r.description]),
) as Record<AlertKind, string>;

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
