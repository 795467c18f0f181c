/** A confirming referendum stopped passing (or its confirmation restarted with a new end). */

import { referendumButtons } from '../alert-links.js';
import { blockAt } from '../detect-context.js';
import { ongoingOf, referendumScope } from '../detect-referenda.js';
import { confirmAbortedId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import { blockTime } from '../wording.js';

export interface RefConfirmAbortedFacts {
  kind: 'ref-confirm-aborted';
  referendum: number;
  track: number;
  decisionEnd: BlockAt | null;
}

export const refConfirmAborted: AlertRule<RefConfirmAbortedFacts, 'referendum'> = {
  kind: 'ref-confirm-aborted',
  group: 'referenda',
  description: 'a referendum stopped confirming',
  severity: 'warning',
  source: 'referendum',
  detect({ id, before, after, tracks }, clock) {
    const info = after.info;
    if (info.status !== 'ongoing') return [];
    const wasConfirming = ongoingOf(before)?.deciding?.confirming ?? null;
    const confirming = info.deciding?.confirming ?? null;
    if (wasConfirming === null || wasConfirming === confirming) return [];
    const track = tracks.get(info.track);
    return [
      {
        id: confirmAbortedId(id, wasConfirming),
        scope: referendumScope(id, info.track),
        facts: {
          kind: 'ref-confirm-aborted',
          referendum: id,
          track: info.track,
          decisionEnd:
            track && info.deciding ? blockAt(clock, info.deciding.since + track.decisionPeriod) : null,
        },
      },
    ];
  },
  message: (f, w) => ({
    title: `Referendum #${f.referendum} stopped confirming`,
    lines: [
      w.track(f.track),
      'Its approval or support fell below what its track needs, so it is back to deciding.',
      f.decisionEnd
        ? [
            'Unless it passes and confirms again, it is rejected when the decision period ends ',
            ...blockTime(f.decisionEnd),
            '.',
          ]
        : 'Unless it passes and confirms again, it is rejected when its decision period ends.',
    ],
    links: referendumButtons(f.referendum),
  }),
};
