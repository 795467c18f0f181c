/** A deciding referendum started confirming (again, with a new end, after an abort). */

import { referendumButtons } from '../alert-links.js';
import { blockAt } from '../detect-context.js';
import { ongoingOf, referendumScope } from '../detect-referenda.js';
import { confirmStartedId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import { blockTime } from '../wording.js';

export interface RefConfirmStartedFacts {
  kind: 'ref-confirm-started';
  referendum: number;
  track: number;
  confirmEnd: BlockAt;
}

export const refConfirmStarted: AlertRule<RefConfirmStartedFacts, 'referendum'> = {
  kind: 'ref-confirm-started',
  group: 'referenda',
  description: 'a referendum started confirming',
  severity: 'info',
  source: 'referendum',
  detect({ id, before, after }, clock) {
    const info = after.info;
    if (info.status !== 'ongoing') return [];
    const wasConfirming = ongoingOf(before)?.deciding?.confirming ?? null;
    const confirming = info.deciding?.confirming ?? null;
    if (confirming === null || confirming === wasConfirming) return [];
    return [
      {
        id: confirmStartedId(id, confirming),
        scope: referendumScope(id, info.track),
        facts: {
          kind: 'ref-confirm-started',
          referendum: id,
          track: info.track,
          confirmEnd: blockAt(clock, confirming),
        },
      },
    ];
  },
  message: (f, w) => ({
    title: `Referendum #${f.referendum} is passing and confirming`,
    lines: [
      w.track(f.track),
      [
        'It has the approval and support its track needs. If it keeps them until ',
        ...blockTime(f.confirmEnd),
        ', it is approved; if it loses them before, it goes back to deciding.',
      ],
    ],
    links: referendumButtons(f.referendum),
  }),
};
