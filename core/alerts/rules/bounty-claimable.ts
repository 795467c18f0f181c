/**
 * An awarded legacy bounty or child bounty can be claimed: relay time passed its `unlockAt`
 * (BountyDepositPayoutDelay after the award) since the previous version, or it was awarded already
 * unlocked. Told to the beneficiary with the call. Multi-asset bounties pay out without a claim.
 */

import type { BountyCommon } from '../../types/treasury.js';
import { bountyButtons } from '../alert-links.js';
import {
  type BountyFacts,
  bountyFacts,
  bountyLine,
  bountyName,
  bountyScope,
  legacyCall,
} from '../bounty-words.js';
import { allItems, bountyIdPart, isLocalAccount, previousItem } from '../detect-treasury.js';
import type { AlertRule } from '../rule-types.js';

export interface BountyClaimableFacts extends BountyFacts {
  kind: 'bounty-claimable';
  beneficiary: string;
}

function unlocked(item: BountyCommon | undefined, block: number): boolean {
  return item?.status === 'PendingPayout' && item.unlockAt !== null && item.unlockAt <= block;
}

export const bountyClaimable: AlertRule<BountyClaimableFacts, 'bounties'> = {
  kind: 'bounty-claimable',
  group: 'bounties',
  description: 'an awarded bounty can be claimed',
  severity: 'warning',
  source: 'bounties',
  detect(input) {
    const { before, relayBlock } = input;
    if (!before) return [];
    return allItems(input)
      .filter((at) => at.bounty.pallet === 'bounties' && at.item.beneficiary !== null)
      .filter((at) => unlocked(at.item, relayBlock))
      .filter((at) => !unlocked(previousItem(before, at), before.relayBlock))
      .map((at) => ({
        id: `bounty:${bountyIdPart(at.ref)}:claimable:${at.item.beneficiary}`,
        scope: bountyScope(at, input, [at.item.beneficiary]),
        facts: { kind: 'bounty-claimable', ...bountyFacts(at), beneficiary: at.item.beneficiary! },
      }));
  },
  message: (f, w) => ({
    title: `${bountyName(f)} can be claimed now`,
    lines: [
      bountyLine(f),
      `Beneficiary: ${isLocalAccount(f.beneficiary) ? w.account(f.beneficiary) : f.beneficiary}.`,
      `Claim it with ${legacyCall(f, 'claimBounty', 'claimChildBounty')}; anyone may submit the call, the funds go to the beneficiary.`,
    ],
    links: bountyButtons(f.ref),
  }),
};
