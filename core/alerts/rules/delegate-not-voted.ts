/**
 * "Ends in X and your delegate has not voted": a watched address delegates the referendum's track,
 * and the account it delegates to has no vote on it while the end is within a lead time. The
 * address's own votes go with its delegate's, so it is told instead of "has not voted".
 */
import { accountButtons, callDataButton, voteButtons } from '../alert-links.js';
import { blockAt } from '../detect-context.js';
import { applicableLead } from '../detect-deadlines.js';
import { firstEnds, voted } from '../detect-votes.js';
import { delegateNotVotedAlertId } from '../identity.js';
import type { AlertRule, Found } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import { at } from '../spans.js';
import { blockTime } from '../wording.js';

export interface DelegateNotVotedFacts {
  kind: 'delegate-not-voted';
  referendum: number;
  track: number;
  address: string;
  /** Whom the address delegates the track to, and whether that account delegates it on itself. */
  delegate: { address: string; delegating: boolean };
  end: BlockAt;
  leadMinutes: number;
  remainingMs: number;
}

export const delegateNotVoted: AlertRule<DelegateNotVotedFacts, 'votes'> = {
  kind: 'delegate-not-voted',
  group: 'votes',
  description: "a watched address's delegate has not voted before the end",
  severity: (f) => (f.leadMinutes <= 60 ? 'critical' : 'warning'),
  source: 'votes',
  detect({ deadlines, addresses, lookup, leadMinutes }, clock) {
    const found: Array<Found<DelegateNotVotedFacts>> = [];
    for (const d of firstEnds(deadlines)) {
      const lead = applicableLead(leadMinutes, d.remainingMs);
      if (lead === null) continue;
      for (const address of addresses) {
        const state = lookup(address, d.track);
        if (state?.type !== 'delegating') continue;
        const theirs = lookup(state.target, d.track);
        // Not read: unknown, so no alert (never a wrong one).
        if (theirs === undefined || voted(theirs, d.referendum)) continue;
        found.push({
          id: delegateNotVotedAlertId(d.referendum, address, d.end, lead),
          scope: { type: 'address', address },
          facts: {
            kind: 'delegate-not-voted',
            referendum: d.referendum,
            track: d.track,
            address,
            delegate: { address: state.target, delegating: theirs.type === 'delegating' },
            end: blockAt(clock, d.end),
            leadMinutes: lead,
            remainingMs: d.remainingMs,
          },
        });
      }
    }
    return found;
  },
  message: (f, w) => ({
    title: [
      `Referendum #${f.referendum} ends `,
      at(f.end.atMs),
      ` and the delegate of ${w.account(f.address)} has not voted`,
    ],
    lines: [
      w.track(f.track),
      f.delegate.delegating
        ? `${w.account(f.address)} delegates this track to ${w.account(f.delegate.address)}, who delegates it on in turn and so cannot vote: delegations do not pass on, so your votes count for nothing here.`
        : `${w.account(f.address)} delegates this track to ${w.account(f.delegate.address)}, who has not voted on it.`,
      [
        'It can end ',
        ...blockTime(f.end),
        '; until then your delegate can vote, or you can undelegate the track and vote yourself.',
      ],
    ],
    links: [...voteButtons(f.referendum), ...accountButtons(f.address)],
    commands: [callDataButton(f.referendum)],
  }),
};
