/**
 * "Ends in X and <address> has not voted", for watched addresses that vote themselves on the
 * track. One that delegates it is told by delegate-not-voted when its delegate has not voted.
 */
import { accountButtons, callDataButton, voteButtons } from '../alert-links.js';
import { blockAt } from '../detect-context.js';
import { applicableLead } from '../detect-deadlines.js';
import { firstEnds, voted } from '../detect-votes.js';
import { notVotedAlertId } from '../identity.js';
import type { AlertRule, Found } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import { at, type RuleText } from '../spans.js';
import { blockTime } from '../wording.js';

export interface RefNotVotedFacts {
  kind: 'ref-not-voted';
  referendum: number;
  track: number;
  address: string;
  end: BlockAt;
  leadMinutes: number;
  remainingMs: number;
  /**
   * Only in alerts detected before delegating addresses were left to delegate-not-voted: kept so
   * that `/missed` words them as they were sent.
   */
  delegate?: { address: string; voted: boolean } | null;
}

export const refNotVoted: AlertRule<RefNotVotedFacts, 'votes'> = {
  kind: 'ref-not-voted',
  group: 'votes',
  description: 'a watched address has not voted before the end',
  severity: (f) => (f.delegate?.voted ? 'info' : f.leadMinutes <= 60 ? 'critical' : 'warning'),
  source: 'votes',
  detect({ deadlines, addresses, lookup, leadMinutes }, clock) {
    const found: Array<Found<RefNotVotedFacts>> = [];
    for (const d of firstEnds(deadlines)) {
      const lead = applicableLead(leadMinutes, d.remainingMs);
      if (lead === null) continue;
      for (const address of addresses) {
        const state = lookup(address, d.track);
        if (state === undefined || state.type === 'delegating' || voted(state, d.referendum)) continue;
        found.push({
          id: notVotedAlertId(d.referendum, address, d.end, lead),
          scope: { type: 'address', address },
          facts: {
            kind: 'ref-not-voted',
            referendum: d.referendum,
            track: d.track,
            address,
            end: blockAt(clock, d.end),
            leadMinutes: lead,
            remainingMs: d.remainingMs,
          },
        });
      }
    }
    return found;
  },
  message: (f, w) => {
    const lines: RuleText[] = [w.track(f.track), ['It can end ', ...blockTime(f.end), '; vote before then.']];
    if (f.delegate)
      lines.push(
        `${w.account(f.address)} delegates this track to ${w.account(f.delegate.address)}, who ${f.delegate.voted ? 'has voted' : 'has not voted either'}.`,
      );
    return {
      title: [
        `Referendum #${f.referendum} ends `,
        at(f.end.atMs),
        ` and ${w.account(f.address)} has not voted`,
      ],
      lines,
      links: [...voteButtons(f.referendum), ...accountButtons(f.address)],
      commands: [callDataButton(f.referendum)],
    };
  },
};
