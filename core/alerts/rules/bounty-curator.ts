/**
 * A bounty's curator: proposed (legacy CuratorProposed; a multi-asset bounty funded or re-funded
 * with a curator), told to the curator with the call that accepts; or accepted (the bounty became
 * Active under that curator). Once per (bounty, event, curator).
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
import { allItems, type BountyItem, bountyIdPart, previousItem } from '../detect-treasury.js';
import type { AlertRule, Found } from '../rule-types.js';

export interface BountyCuratorFacts extends BountyFacts {
  kind: 'bounty-curator';
  event: 'proposed' | 'accepted';
  curator: string;
}

function proposed(at: BountyItem, item: BountyCommon | undefined): boolean {
  if (!item || item.curator === null) return false;
  return (
    item.status === 'CuratorProposed' ||
    (at.bounty.pallet === 'multiAssetBounties' && item.status === 'Funded')
  );
}

function event(at: BountyItem, before: BountyCommon | undefined): BountyCuratorFacts['event'] | null {
  const after = at.item;
  const same = before?.curator === after.curator;
  if (proposed(at, after)) return proposed(at, before) && same ? null : 'proposed';
  if (after.status === 'Active' && after.curator !== null)
    return before?.status === 'Active' && same ? null : 'accepted';
  return null;
}

export const bountyCurator: AlertRule<BountyCuratorFacts, 'bounties'> = {
  kind: 'bounty-curator',
  group: 'bounties',
  description: "a bounty's curator was proposed or accepted",
  severity: 'info',
  source: 'bounties',
  detect(input) {
    if (!input.before) return [];
    const found: Array<Found<BountyCuratorFacts>> = [];
    for (const at of allItems(input)) {
      const what = event(at, previousItem(input.before, at));
      if (what === null || at.item.curator === null) continue;
      found.push({
        id: `bounty:${bountyIdPart(at.ref)}:curator-${what}:${at.item.curator}`,
        scope: bountyScope(at, input, [at.item.curator]),
        facts: { kind: 'bounty-curator', ...bountyFacts(at), event: what, curator: at.item.curator },
      });
    }
    return found;
  },
  message: (f, w) => {
    const accept =
      f.pallet === 'bounties'
        ? `The curator accepts with ${legacyCall(f, 'acceptCurator', 'acceptCurator')}, which holds the curator deposit.`
        : 'The curator accepts on chain, which holds the curator deposit.';
    return f.event === 'proposed'
      ? {
          title: `${bountyName(f)}: ${w.account(f.curator)} proposed as curator`,
          lines: [bountyLine(f), accept],
          links: bountyButtons(f.ref),
        }
      : {
          title: `${bountyName(f)}: ${w.account(f.curator)} is the curator`,
          lines: [bountyLine(f), 'The curator accepted; the bounty is active.'],
          links: bountyButtons(f.ref),
        };
  },
};
