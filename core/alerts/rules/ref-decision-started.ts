/** A referendum entered its decision period. */

import { referendumButtons } from '../alert-links.js';
import { blockAt } from '../detect-context.js';
import { ongoingOf, referendumScope } from '../detect-referenda.js';
import { referendumAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import { blockTime } from '../wording.js';

export interface RefDecisionStartedFacts {
  kind: 'ref-decision-started';
  referendum: number;
  track: number;
  decisionEnd: BlockAt | null;
}

export const refDecisionStarted: AlertRule<RefDecisionStartedFacts, 'referendum'> = {
  kind: 'ref-decision-started',
  group: 'referenda',
  description: 'a referendum started deciding',
  severity: 'info',
  source: 'referendum',
  detect({ id, before, after, tracks }, clock) {
    const info = after.info;
    if (info.status !== 'ongoing' || !info.deciding || ongoingOf(before)?.deciding) return [];
    const track = tracks.get(info.track);
    return [
      {
        id: referendumAlertId(id, 'deciding'),
        scope: referendumScope(id, info.track),
        facts: {
          kind: 'ref-decision-started',
          referendum: id,
          track: info.track,
          decisionEnd: track ? blockAt(clock, info.deciding.since + track.decisionPeriod) : null,
        },
      },
    ];
  },
  message: (f, w) => ({
    title: `Referendum #${f.referendum} is deciding`,
    lines: [
      w.track(f.track),
      f.decisionEnd
        ? [
            'Voting decides it now. Unless it is passing and confirming by ',
            ...blockTime(f.decisionEnd),
            ', when the decision period ends, it is rejected.',
          ]
        : 'Voting decides it now; the end of its decision period is not known.',
    ],
    links: referendumButtons(f.referendum),
  }),
};
