/** A referendum ended without approval: rejected, timed out, cancelled or killed. */

import { referendumButtons } from '../alert-links.js';
import { blockAt } from '../detect-context.js';
import { endedNews, referendumScope } from '../detect-referenda.js';
import { referendumAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import type { BlockAt, EndedOutcome } from '../scope.js';
import { blockTime } from '../wording.js';

export interface RefEndedFacts {
  kind: 'ref-ended';
  referendum: number;
  track: number | null;
  outcome: EndedOutcome;
  ended: BlockAt;
}

const OUTCOME_WORD: Record<EndedOutcome, string> = {
  rejected: 'rejected',
  timedOut: 'timed out',
  cancelled: 'cancelled',
  killed: 'killed',
};

/** What the outcome means, in a sentence. */
const OUTCOME_NOTE: Record<EndedOutcome, string> = {
  rejected: 'It did not reach the approval and support its track needs within its decision period.',
  timedOut: 'It never started deciding (no decision deposit, or no room on its track) before it timed out.',
  cancelled: 'Governance cancelled it.',
  killed: 'Governance killed it, and its deposits were slashed.',
};

export const refEnded: AlertRule<RefEndedFacts, 'referendum'> = {
  kind: 'ref-ended',
  group: 'referenda',
  description: 'a referendum was rejected, timed out, cancelled or killed',
  severity: 'info',
  source: 'referendum',
  detect(input, clock) {
    const news = endedNews(input);
    if (!news) return [];
    const { id, info } = news;
    if (info.status === 'approved') return [];
    return [
      {
        id: referendumAlertId(id, info.status),
        scope: referendumScope(id, news.trackId),
        facts: {
          kind: 'ref-ended',
          referendum: id,
          track: news.trackId,
          outcome: info.status,
          ended: blockAt(clock, info.block),
        },
      },
    ];
  },
  message: (f, w) => ({
    title: `Referendum #${f.referendum} ${OUTCOME_WORD[f.outcome]}`,
    lines: [w.track(f.track), [`${OUTCOME_NOTE[f.outcome]} Ended `, ...blockTime(f.ended), '.']],
    links: referendumButtons(f.referendum),
  }),
};
