/**
 * An active legacy bounty's curator must post an update (`bounties.extendBountyExpiry`) before
 * `updateDue`, or anyone may unassign the curator and slash the deposit: told to the curator at
 * each lead time (7 d, 1 d and 1 h by default), once per (bounty, due block, lead time).
 */
import { bountyButtons } from '../alert-links.js';
import { type BountyFacts, blockOf, bountyFacts, bountyLine, bountyName } from '../bounty-words.js';
import { applicableLead } from '../detect-deadlines.js';
import { allItems, blocksMs, bountyIdPart } from '../detect-treasury.js';
import { leadLabel } from '../identity.js';
import type { AlertRule, Found } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import { at } from '../spans.js';

export interface BountyUpdateDueFacts extends BountyFacts {
  kind: 'bounty-update-due';
  curator: string;
  updateDue: BlockAt;
  leadMinutes: number;
}

export const bountyUpdateDue: AlertRule<BountyUpdateDueFacts, 'bounties'> = {
  kind: 'bounty-update-due',
  group: 'bounties',
  description: "a bounty curator's update is due",
  severity: (f) => (f.leadMinutes <= 60 ? 'critical' : 'warning'),
  source: 'bounties',
  detect(input, clock) {
    const found: Array<Found<BountyUpdateDueFacts>> = [];
    for (const item of allItems(input)) {
      const { curator, updateDue, status } = item.item;
      if (status !== 'Active' || curator === null || updateDue === null || item.child !== null) continue;
      const lead = applicableLead(input.leadMinutes, blocksMs(updateDue - input.nowBlock));
      if (lead === null) continue;
      found.push({
        id: `bounty:${bountyIdPart(item.ref)}:update-due:${updateDue}:${leadLabel(lead)}`,
        scope: { type: 'address', address: curator },
        facts: {
          kind: 'bounty-update-due',
          ...bountyFacts(item),
          curator,
          updateDue: blockOf(clock, updateDue)!,
          leadMinutes: lead,
        },
      });
    }
    return found;
  },
  message: (f, w) => ({
    title: [`${bountyName(f)}: the curator's update is due `, at(f.updateDue.atMs)],
    lines: [
      bountyLine(f),
      `${w.account(f.curator)} extends it with bounties.extendBountyExpiry(${f.ref}, remark); after that anyone may unassign the curator, whose deposit can be slashed.`,
    ],
    links: bountyButtons(f.ref),
  }),
};
