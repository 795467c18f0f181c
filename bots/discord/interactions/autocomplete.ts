/**
 * Autocomplete: referenda (number first, then track and proposal text) for referendum options, the addresses the
 * user's DMs and this channel watch for address options, the target's subscriptions for "which"
 * and for the settings commands' "subscription", and alert kinds for /mute and /unmute. An empty prefix lists the first 25; any failure answers
 * no choices, never an error.
 */
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { ALERT_KINDS } from '../../../core/alerts/alert-types.js';
import { trackDisplayName, trackName } from '../../../core/opengov/tracks.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import {
  ALERT_KIND_GROUP_DESCRIPTIONS,
  ALERT_KIND_GROUP_NAMES,
} from '../../../core/subscriptions/kind-groups.js';
import { ALERT_KIND_DESCRIPTIONS } from '../../../core/subscriptions/kind-words.js';
import type { Target } from '../../../core/subscriptions/subscription-model.js';
import { loadFrame, referendaIndexOf, tracksOf } from '../../commands/frame.js';
import type { CommandBridge } from '../command-runner.js';
import { AUTOCOMPLETE_CHOICES, CHOICE_NAME_LIMIT, CHOICE_VALUE_LIMIT, clip } from '../limits.js';
import { describeSubscription } from '../render/index.js';
import { leafOptions, OPTION, type OptionValue, type Scope, SLASH, SUBCOMMAND } from '../slash/index.js';
import { type InteractionCaller, targetFor } from './caller.js';

export type Choice = APIApplicationCommandOptionChoice<string | number>;

export interface AutocompleteDeps {
  bridge: CommandBridge;
  subscriptions: SubscriptionStore | null;
}

function typed(option: OptionValue): string {
  const v = option.value;
  return (typeof v === 'string' || typeof v === 'number' ? String(v) : '').trim().toLowerCase();
}

function pick(all: Choice[], prefix: string, startsWith: (c: Choice) => string): Choice[] {
  const matches =
    prefix === ''
      ? all
      : all.filter((c) => startsWith(c).startsWith(prefix) || c.name.toLowerCase().includes(prefix));
  return matches.slice(0, AUTOCOMPLETE_CHOICES);
}

/** A referendum an option may offer: its number, and the words after it ("Treasurer · treasury.spend …"). */
export interface ReferendumCandidate {
  id: number;
  text: string;
  /** An ended one is offered only to a typed number. */
  ended?: boolean;
}

/**
 * Referenda for what was typed: those whose number starts with it first, in number order (typing 2
 * gives #2, #20–#29, #200…), then ongoing ones whose track or proposal mentions it, newest first.
 * Nothing typed: the ongoing ones, newest first.
 */
export function rankReferenda(candidates: readonly ReferendumCandidate[], typedText: string): Choice[] {
  const prefix = typedText.trim().replace(/^#/, '').toLowerCase();
  const choice = (c: ReferendumCandidate): Choice => ({
    name: clip(`#${c.id} · ${c.text}`, CHOICE_NAME_LIMIT),
    value: c.id,
  });
  const newest = [...candidates].sort((a, b) => b.id - a.id);
  const ongoing = newest.filter((c) => c.ended !== true);
  if (prefix === '') return ongoing.slice(0, AUTOCOMPLETE_CHOICES).map(choice);
  const byNumber = newest.filter((c) => String(c.id).startsWith(prefix)).sort((a, b) => a.id - b.id);
  const numbered = new Set(byNumber.map((c) => c.id));
  const byText = ongoing.filter((c) => !numbered.has(c.id) && c.text.toLowerCase().includes(prefix));
  return [...byNumber, ...byText].slice(0, AUTOCOMPLETE_CHOICES).map(choice);
}

const ENDED_WORDS: Record<string, string> = { timedOut: 'timed out' };

/** Ongoing referenda; with `withEnded` (opening one) also the recently ended ones. */
async function referendumChoices(
  deps: AutocompleteDeps,
  prefix: string,
  withEnded: boolean,
): Promise<Choice[]> {
  const ctx = deps.bridge.context(null);
  const frame = await loadFrame(ctx);
  if (!frame) return [];
  const [index, tracks] = await Promise.all([referendaIndexOf(ctx, frame), tracksOf(ctx, frame)]);
  const names = new Map(tracks.map((t) => [t.id, trackDisplayName(trackName(t.name))]));
  const candidates: ReferendumCandidate[] = (index?.ongoing ?? []).map((r) => ({
    id: r.id,
    text: `${names.get(r.track) ?? `track ${r.track}`} · ${r.proposal ?? 'no proposal text'}`,
  }));
  if (withEnded)
    for (const e of index?.recentlyEnded ?? [])
      candidates.push({ id: e.id, text: `ended: ${ENDED_WORDS[e.status] ?? e.status}`, ended: true });
  return rankReferenda(candidates, prefix);
}

async function subscriptionsOf(deps: AutocompleteDeps, targets: Array<Target | null>) {
  if (!deps.subscriptions) return [];
  const lists = await Promise.all(
    targets
      .filter((t): t is Target => t !== null)
      .map(async (t) => ({ target: t, list: await deps.subscriptions!.listSubscriptions(t) })),
  );
  return lists.flatMap(({ target, list }) => (list?.subscriptions ?? []).map((s) => ({ target, s })));
}

async function addressChoices(
  deps: AutocompleteDeps,
  caller: InteractionCaller,
  prefix: string,
): Promise<Choice[]> {
  const subs = await subscriptionsOf(deps, [
    targetFor(caller, 'dm'),
    caller.place === 'guild' ? targetFor(caller, 'here') : null,
  ]);
  const seen = new Set<string>();
  const all: Choice[] = [];
  for (const { target, s } of subs) {
    if (s.spec.kind !== 'address' || seen.has(s.spec.address)) continue;
    seen.add(s.spec.address);
    const where = target.kind === 'dm' ? 'your DMs' : 'this channel';
    all.push({
      name: clip(`${s.spec.address} (watched in ${where})`, CHOICE_NAME_LIMIT),
      value: clip(s.spec.address, CHOICE_VALUE_LIMIT),
    });
  }
  return pick(all, prefix, (c) => String(c.value).toLowerCase());
}

/** The target's subscriptions by id; `withAll` adds "all" (for removing, not for settings). */
async function whichChoices(
  deps: AutocompleteDeps,
  caller: InteractionCaller,
  scope: Scope,
  prefix: string,
  withAll = true,
): Promise<Choice[]> {
  const subs = await subscriptionsOf(deps, [targetFor(caller, scope)]);
  const all: Choice[] = subs.map(({ s }) => ({
    name: clip(`${s.id} · ${describeSubscription(s).replace(/`/g, '')}`, CHOICE_NAME_LIMIT),
    value: s.id,
  }));
  if (withAll && all.length > 0) all.push({ name: 'all: every subscription here', value: 'all' });
  return pick(all, prefix, (c) => String(c.value));
}

/**
 * Alert kinds for a list typed so far ("staking era-p"): the last word completed, the words before
 * it kept, so picking a choice fills the whole option.
 */
export function kindChoices(typedText: string, command: string): Choice[] {
  const typed = typedText.split(/[\s,]+/);
  const prefix = typed.pop() ?? '';
  const before = typed.filter((w) => w.length > 0);
  const candidates = [
    ...(command === SLASH.unmute && before.length === 0 ? [{ word: 'all', about: 'every muted kind' }] : []),
    ...ALERT_KIND_GROUP_NAMES.map((g) => ({ word: g, about: ALERT_KIND_GROUP_DESCRIPTIONS[g] })),
    ...ALERT_KINDS.map((k) => ({ word: k as string, about: ALERT_KIND_DESCRIPTIONS[k] })),
  ];
  // Names starting with what was typed first, then those whose description mentions it.
  const named: Choice[] = [];
  const described: Choice[] = [];
  for (const { word, about } of candidates) {
    if (before.includes(word)) continue;
    const mentions = prefix.length >= 3 && about.split(/[^a-z]+/).some((w) => w.startsWith(prefix));
    const list = word.startsWith(prefix) ? named : mentions ? described : null;
    const value = [...before, word].join(' ');
    if (!list || value.length > CHOICE_VALUE_LIMIT) continue;
    list.push({ name: clip(`${value}: ${about}`, CHOICE_NAME_LIMIT), value });
  }
  return [...named, ...described].slice(0, AUTOCOMPLETE_CHOICES);
}

/** The choices for the focused option of an autocomplete interaction. */
export async function autocompleteChoices(
  deps: AutocompleteDeps,
  data: Record<string, unknown>,
  caller: InteractionCaller,
): Promise<Choice[]> {
  const { subcommand, options } = leafOptions(data);
  const focused = options.find((o) => o.focused === true);
  if (!focused) return [];
  const prefix = typed(focused);
  switch (focused.name) {
    case OPTION.id:
      return referendumChoices(deps, prefix, true);
    case OPTION.referendum:
      return referendumChoices(deps, prefix, false);
    case OPTION.address:
      return addressChoices(deps, caller, prefix);
    case OPTION.kinds:
      return kindChoices(
        typeof focused.value === 'string' ? focused.value.toLowerCase() : '',
        String(data.name),
      );
    case OPTION.subscription:
      return whichChoices(deps, caller, 'here', prefix, false);
    case OPTION.which: {
      const scope: Scope = data.name === SLASH.alerts && subcommand === SUBCOMMAND.remove ? 'dm' : 'here';
      return whichChoices(deps, caller, scope, prefix);
    }
    default:
      return [];
  }
}
