/** A decision or confirm end is within one of the lead times deadline subscribers chose. */
import { callDataButton, voteButtons } from '../alert-links.js';
import { blockAt } from '../detect-context.js';
import { deadlineAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';
import type { BlockAt, DeadlineKind } from '../scope.js';
import { at } from '../spans.js';
import { blockTime, leadTime } from '../wording.js';

export interface RefDeadlineFacts {
  kind: 'ref-deadline';
  referendum: number;
  track: number;
  deadline: DeadlineKind;
  end: BlockAt;
  leadMinutes: number;
  remainingMs: number;
}

export const refDeadline: AlertRule<RefDeadlineFacts, 'deadlines'> = {
  kind: 'ref-deadline',
  group: 'deadlines',
  description: 'a decision or confirmation ends soon',
  severity: (f) => (f.leadMinutes <= 60 ? 'critical' : 'warning'),
  source: 'deadlines',
  /** One alert per (deadline, lead time) whose window has opened: 0 < remaining ≤ lead. */
  detect({ deadlines, leadMinutes }, clock) {
    const leads = [...new Set(leadMinutes)].filter((m) => Number.isInteger(m) && m > 0).sort((a, b) => b - a);
    return deadlines.flatMap((d) =>
      leads
        .filter((lead) => d.remainingMs > 0 && d.remainingMs <= lead * 60_000)
        .map((lead) => ({
          id: deadlineAlertId(d.referendum, d.deadline, d.end, lead),
          scope: {
            type: 'deadline' as const,
            referendum: d.referendum,
            track: d.track,
            leadMinutes: lead,
            remainingMs: d.remainingMs,
          },
          facts: {
            kind: 'ref-deadline' as const,
            referendum: d.referendum,
            track: d.track,
            deadline: d.deadline,
            end: blockAt(clock, d.end),
            leadMinutes: lead,
            remainingMs: d.remainingMs,
          },
        })),
    );
  },
  message: (f, w) => {
    const decision = f.deadline === 'decision';
    return {
      title: [
        `Referendum #${f.referendum}: ${decision ? 'decision period' : 'confirmation'} ends `,
        at(f.end.atMs),
      ],
      lines: [
        w.track(f.track),
        [
          'Ends ',
          ...blockTime(f.end),
          decision
            ? '. Unless it is passing and confirming by then, it is rejected.'
            : '. If it is still passing then, it is approved.',
        ],
        `Your ${leadTime(f.leadMinutes)} reminder`,
      ],
      links: voteButtons(f.referendum),
      commands: [callDataButton(f.referendum)],
    };
  },
};
