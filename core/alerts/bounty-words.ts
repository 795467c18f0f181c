/**
 * What the bounty rules share: a bounty's or child bounty's facts, its name ("Bounty #12",
 * "Multi-asset bounty #3", "Child bounty 12/4"), and the calls on it, shown as text.
 */
import type { BountyPallet } from '../types/treasury.js';
import { blockAt, type DetectionClock } from './detect-context.js';
import { type BountiesInput, type BountyItem, treasuryScope } from './detect-treasury.js';
import type { AlertScope, BlockAt } from './scope.js';
import { assetAmount, type RuleWording } from './wording.js';

export interface BountyFacts {
  /** `12`, `m3`, or `12/4` for child 4 of bounty 12. */
  ref: string;
  pallet: BountyPallet;
  /** The child's id and its parent's, for a child bounty. */
  child: { parent: number; id: number } | null;
  asset: string;
  decimals: number;
  value: string;
  /** The description, at most 120 characters. */
  description: string | null;
  curator: string | null;
  beneficiary: string | null;
}

export function bountyFacts(at: BountyItem): BountyFacts {
  const { item } = at;
  const description = item.description;
  return {
    ref: at.ref,
    pallet: at.bounty.pallet,
    child: at.child === null ? null : { parent: at.child.parent, id: at.child.id },
    asset: item.asset.symbol,
    decimals: item.asset.decimals,
    value: item.value.toString(),
    description: description === null ? null : description.slice(0, 120),
    curator: item.curator,
    beneficiary: item.beneficiary,
  };
}

/** Treasury subscribers by the bounty's asset and value, and the subscribers of these addresses. */
export function bountyScope(
  at: BountyItem,
  input: Pick<BountiesInput, 'holdings'>,
  addresses: ReadonlyArray<string | null>,
): AlertScope {
  return treasuryScope(at.item.asset, at.item.value, input.holdings, addresses);
}

export function blockOf(clock: DetectionClock, block: number | null): BlockAt | null {
  return block === null ? null : blockAt(clock, block);
}

/** "Bounty #12", "Multi-asset bounty #3", "Child bounty 12/4". */
export function bountyName(f: Pick<BountyFacts, 'ref' | 'pallet' | 'child'>): string {
  if (f.child) return `Child bounty ${f.ref}`;
  return f.pallet === 'multiAssetBounties' ? `Multi-asset bounty #${f.ref.slice(1)}` : `Bounty #${f.ref}`;
}

/** "Bounty #12 (1,000 KSM): Kusama events" */
export function bountyLine(f: BountyFacts): string {
  const value = assetAmount(f.value, f.decimals, f.asset);
  return `${bountyName(f)}, ${value}${f.description ? `: ${f.description}` : ''}`;
}

export function curatorWords(f: BountyFacts, w: RuleWording): string {
  return f.curator ? `Curator: ${w.account(f.curator)}.` : 'No curator yet.';
}

/** The legacy pallets' call on the bounty or child bounty: `bounties.claimBounty(12)`, `childBounties.claimChildBounty(12, 4)`. */
export function legacyCall(f: Pick<BountyFacts, 'ref' | 'child'>, bounty: string, child: string): string {
  return f.child
    ? `childBounties.${child}(${f.child.parent}, ${f.child.id})`
    : `bounties.${bounty}(${f.ref})`;
}
