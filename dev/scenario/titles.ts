/**
 * Off-chain titles for a scenario's referenda, as the fake titles API serves them: deterministic
 * from the referendum ids. Every fourth referendum (id ≡ 3 mod 4) has none, so its call is its
 * title; one ongoing referendum has a hostile title (bidirectional override, zero-width characters,
 * HTML) that must reach users sanitised and escaped.
 */
import type { GovernanceState } from '../../core/types/snapshot.js';

export const HOSTILE_TITLE =
  '\u202Etxt.exe\u202C <b>Free KSM</b>\u200B for\u2066 everyone\u2069 <script>alert(1)</script>\nclaim now';

const SUBJECTS = [
  'Kusama Society bounty top-up',
  'Runtime upgrade to 2.0.3',
  'Retroactive funding for the KSM explorer',
  'Validator education programme, Q1',
  'Parachain hackathon prizes',
  'Reduce the pool commission cap',
  'Translate the wiki into Spanish',
];

export interface ScenarioTitles {
  titles: Record<number, string>;
  /** The ongoing referendum whose title is hostile. */
  hostileId: number | null;
  /** Referenda the fake has no title for. */
  untitled: number[];
}

export function scenarioTitles(governance: Pick<GovernanceState, 'referenda'>): ScenarioTitles {
  const ids = Object.values(governance.referenda)
    .map((r) => r.id)
    .sort((a, b) => a - b);
  const titles: Record<number, string> = {};
  const untitled: number[] = [];
  for (const id of ids) {
    if (id % 4 === 3) untitled.push(id);
    else titles[id] = `${SUBJECTS[id % SUBJECTS.length]} (#${id})`;
  }
  const ongoing = Object.values(governance.referenda)
    .filter((r) => r.status === 'ongoing' && r.id % 4 !== 3)
    .map((r) => r.id)
    .sort((a, b) => a - b);
  const hostileId = ongoing[0] ?? null;
  if (hostileId !== null) titles[hostileId] = HOSTILE_TITLE;
  return { titles, hostileId, untitled };
}
