/**
 * A bounty was funded: its status became Funded (a legacy bounty at the spend period after its
 * approval, a multi-asset bounty once its funding payment succeeded).
 */
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

export interface BountyFundedFacts extends BountyFacts {
  kind: 'bounty-funded';
}

export const bountyFunded: AlertRule<BountyFundedFacts, 'bounties'> = {
  kind: 'bounty-funded',
  group: 'bounties',
  description: 'a bounty was funded',
  severity: 'info',
  source: 'bounties',
  detect(input) {
    if (!input.before) return [];
    return allItems(input)
      .filter((at) => at.item.status === 'Funded' && previousItem(input.before, at)?.status !== 'Funded')
      .map((at) => ({
        id: `bounty:${bountyIdPart(at.ref)}:funded`,
        scope: bountyScope(at, input, [at.item.curator]),
        facts: { kind: 'bounty-funded', ...bountyFacts(at) },
      }));
  },
  message: (f, w) => ({
    title: `${bountyName(f)} funded`,
    lines: [bountyLine(f), curatorWords(f, w)],
    links: bountyButtons(f.ref),
  }),
};
