/** A referendum appeared in this version, ongoing. */

import { referendumButtons } from '../alert-links.js';
import { referendumScope } from '../detect-referenda.js';
import { referendumAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';

export interface RefSubmittedFacts {
  kind: 'ref-submitted';
  referendum: number;
  track: number;
  proposal: string | null;
}

export const refSubmitted: AlertRule<RefSubmittedFacts, 'referendum'> = {
  kind: 'ref-submitted',
  group: 'referenda',
  description: 'a referendum was submitted',
  severity: 'info',
  source: 'referendum',
  detect({ id, before, after }) {
    const info = after.info;
    if (info.status !== 'ongoing' || before) return [];
    return [
      {
        id: referendumAlertId(id, 'submitted'),
        scope: referendumScope(id, info.track),
        facts: { kind: 'ref-submitted', referendum: id, track: info.track, proposal: after.proposal },
      },
    ];
  },
  message: (f, w) => ({
    title: `Referendum #${f.referendum} submitted`,
    lines: [w.track(f.track), ...(f.proposal ? [`Proposal: ${f.proposal}`] : [])],
    links: referendumButtons(f.referendum),
  }),
};
