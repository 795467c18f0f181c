/**
 * A bounty or child bounty was awarded: legacy PendingPayout (claimable from `unlockAt`), or a
 * multi-asset bounty's payout attempted. Told to the beneficiary and the curator. Once per
 * (bounty, beneficiary).
 */
import { bountyButtons } from '../alert-links.js';
import {
  type BountyFacts,
  blockOf,
  bountyFacts,
  bountyLine,
  bountyName,
  bountyScope,
  legacyCall,
} from '../bounty-words.js';
import { allItems, bountyIdPart, isLocalAccount, previousItem } from '../detect-treasury.js';
import type { AlertRule } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import type { RuleText } from '../spans.js';
import { blockTime } from '../wording.js';

export interface BountyAwardedFacts extends BountyFacts {
  kind: 'bounty-awarded';
  beneficiary: string;
  /** Legacy: the relay block from which the beneficiary can claim. */
  unlockAt: BlockAt | null;
}

const AWARDED = new Set(['PendingPayout', 'PayoutAttempted']);

export const bountyAwarded: AlertRule<BountyAwardedFacts, 'bounties'> = {
  kind: 'bounty-awarded',
  group: 'bounties',
  description: 'a bounty or child bounty was awarded',
  severity: 'info',
  source: 'bounties',
  detect(input, clock) {
    if (!input.before) return [];
    return allItems(input)
      .filter((at) => AWARDED.has(at.item.status) && at.item.beneficiary !== null)
      .filter((at) => previousItem(input.before, at)?.status !== at.item.status)
      .map((at) => ({
        id: `bounty:${bountyIdPart(at.ref)}:awarded:${at.item.beneficiary}`,
        scope: bountyScope(at, input, [at.item.beneficiary, at.item.curator]),
        facts: {
          kind: 'bounty-awarded',
          ...bountyFacts(at),
          beneficiary: at.item.beneficiary!,
          unlockAt: blockOf(clock, at.item.unlockAt),
        },
      }));
  },
  message: (f, w) => {
    const to = isLocalAccount(f.beneficiary) ? w.account(f.beneficiary) : f.beneficiary;
    const claim: RuleText[] =
      f.unlockAt === null
        ? ['The payout is on its way to the beneficiary.']
        : [
            [
              `The beneficiary claims it with ${legacyCall(f, 'claimBounty', 'claimChildBounty')} from `,
              ...blockTime(f.unlockAt),
              '.',
            ],
          ];
    return {
      title: `${bountyName(f)} awarded to ${to}`,
      lines: [bountyLine(f), ...claim],
      links: bountyButtons(f.ref),
    };
  },
};
