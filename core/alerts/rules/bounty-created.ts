/** A bounty, a multi-asset bounty or a child bounty appeared since the previous version. */
import { bountyButtons } from '../alert-links.js';
import {
  type BountyFacts,
  bountyFacts,
  bountyLine,
  bountyName,
  bountyScope,
  curatorWords,
} from '../bounty-words.js';
import { allItems, bountyIdPart, previousItem } from '../detect-treasury.js';
import type { AlertRule } from '../rule-types.js';

export interface BountyCreatedFacts extends BountyFacts {
  kind: 'bounty-created';
  status: string;
}

export const bountyCreated: AlertRule<BountyCreatedFacts, 'bounties'> = {
  kind: 'bounty-created',
  group: 'bounties',
  description: 'a bounty or child bounty was created',
  severity: 'info',
  source: 'bounties',
  detect(input) {
    if (!input.before) return [];
    return allItems(input)
      .filter((at) => previousItem(input.before, at) === undefined)
      .map((at) => ({
        id: `bounty:${bountyIdPart(at.ref)}:created`,
        scope: bountyScope(at, input, [at.item.curator]),
        facts: { kind: 'bounty-created', ...bountyFacts(at), status: at.item.status },
      }));
  },
  message: (f, w) => ({
    title: `${bountyName(f)} created`,
    lines: [bountyLine(f), `Status: ${f.status}.`, curatorWords(f, w)],
    links: bountyButtons(f.ref),
  }),
};
