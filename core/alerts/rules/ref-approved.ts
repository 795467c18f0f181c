/** A referendum ended approved, with its enactment time when the track is known. */

import { enactmentBlock } from '../../opengov/assess.js';
import { referendumButtons } from '../alert-links.js';
import { blockAt } from '../detect-context.js';
import { endedNews, referendumScope } from '../detect-referenda.js';
import { referendumAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import { blockTime } from '../wording.js';

export interface RefApprovedFacts {
  kind: 'ref-approved';
  referendum: number;
  track: number | null;
  approved: BlockAt;
  enactment: BlockAt | null;
}

export const refApproved: AlertRule<RefApprovedFacts, 'referendum'> = {
  kind: 'ref-approved',
  group: 'referenda',
  description: 'a referendum was approved',
  severity: 'info',
  source: 'referendum',
  detect(input, clock) {
    const news = endedNews(input);
    if (!news) return [];
    const { id, info, was, track } = news;
    if (info.status !== 'approved') return [];
    return [
      {
        id: referendumAlertId(id, 'approved'),
        scope: referendumScope(id, news.trackId),
        facts: {
          kind: 'ref-approved',
          referendum: id,
          track: news.trackId,
          approved: blockAt(clock, info.block),
          enactment: was && track ? blockAt(clock, enactmentBlock(was.enactment, info.block, track)) : null,
        },
      },
    ];
  },
  message: (f, w) => ({
    title: `Referendum #${f.referendum} approved`,
    lines: [
      w.track(f.track),
      ['Approved ', ...blockTime(f.approved), '.'],
      f.enactment
        ? ['Its proposal is scheduled to be enacted ', ...blockTime(f.enactment), '.']
        : 'When its proposal is enacted is not known.',
    ],
    links: referendumButtons(f.referendum),
  }),
};
