/**
 * The treasury and bounties detection sources: the treasury entity and the bounties (with their
 * children) of the previous version and of this one, each with the relay block it was read at, so
 * a rule sees both what changed and what relay time passed (a spend's `validFrom`, a bounty's
 * `unlockAt`). Without a previous treasury or bounty list nothing is "new": only standing windows
 * (a spend expiring, an update due) are told. Every block here is a relay block.
 */
import { RELAY_BLOCK_MS } from '../kusama/constants.js';
import type { TreasuryAmount } from '../subscriptions/treasury-filter.js';
import type { AssetRef, Bounty, BountyCommon, TreasuryHolding, TreasuryState } from '../types/treasury.js';
import type { AlertScope } from './scope.js';

export interface TreasuryInput {
  before: { treasury: TreasuryState; relayBlock: number } | undefined;
  after: TreasuryState;
  /** The relay block the version was read at. */
  relayBlock: number;
  /** The relay block estimated to be current now (the clock), for the expiry windows. */
  nowBlock: number;
  /** Lead times of expiry reminders, largest first. */
  leadMinutes: readonly number[];
}

export interface BountiesInput {
  /** The live bounties by ref; a bounty's children are there when it has any. */
  before: { bounties: ReadonlyMap<string, Bounty>; relayBlock: number } | undefined;
  after: ReadonlyMap<string, Bounty>;
  relayBlock: number;
  nowBlock: number;
  /** The treasury's holdings (for the rates to KSM); empty when the version has no treasury. */
  holdings: readonly TreasuryHolding[];
  leadMinutes: readonly number[];
}

/** Relay blocks as milliseconds. */
export function blocksMs(blocks: number): number {
  return blocks * RELAY_BLOCK_MS;
}

/** The amount in planck through the holding's rate; the amount itself for KSM; null without a rate. */
export function ksmValue(
  asset: AssetRef,
  amount: bigint,
  holdings: readonly TreasuryHolding[],
): bigint | null {
  if (asset.key === 'native') return amount;
  const rate = holdings.find((h) => h.asset.key === asset.key)?.rateToNative ?? null;
  return rate === null ? null : (amount * rate) / 10n ** 18n;
}

export function treasuryAmount(
  asset: AssetRef,
  amount: bigint,
  holdings: readonly TreasuryHolding[],
): TreasuryAmount {
  const value = ksmValue(asset, amount, holdings);
  return {
    asset: asset.symbol,
    amount: amount.toString(),
    decimals: asset.decimals,
    ksmValue: value === null ? null : value.toString(),
  };
}

/** Treasury subscribers by asset and amount, and the subscribers of these addresses. */
export function treasuryScope(
  asset: AssetRef,
  amount: bigint,
  holdings: readonly TreasuryHolding[],
  addresses: ReadonlyArray<string | null>,
): AlertScope {
  const local = addresses.filter((a): a is string => a !== null && isLocalAccount(a));
  return { type: 'treasury', ...treasuryAmount(asset, amount, holdings), addresses: [...new Set(local)] };
}

/** An SS58 address (a beneficiary elsewhere is stored as a description, which no one subscribes to). */
export function isLocalAccount(text: string): boolean {
  return /^[1-9A-HJ-NP-Za-km-z]{46,48}$/.test(text);
}

/** A bounty or one of its children, with where it sits: what the bounty rules walk over. */
export interface BountyItem {
  bounty: Bounty;
  /** The child bounty, or null for the bounty itself. */
  child: (BountyCommon & { parent: number }) | null;
  /** The parent's or the child's state: what the rule reads. */
  item: BountyCommon;
  /** `12`, `m3`, or `12/4` for child 4 of bounty 12: ids and messages name it so. */
  ref: string;
}

/** A bounty's ref as alert ids carry it (ids take no slash): `12`, `m3`, `12.4`. */
export function bountyIdPart(ref: string): string {
  return ref.replace('/', '.');
}

export function childRef(bounty: Bounty, child: number): string {
  return `${bounty.ref}/${child}`;
}

/** The bounty and each of its children. */
export function bountyItems(bounty: Bounty): BountyItem[] {
  return [
    { bounty, child: null, item: bounty, ref: bounty.ref },
    ...bounty.children.map((child) => ({ bounty, child, item: child, ref: childRef(bounty, child.id) })),
  ];
}

/** The same item in the previous version (undefined: it did not exist, or nothing to compare with). */
export function previousItem(before: BountiesInput['before'], at: BountyItem): BountyCommon | undefined {
  const bounty = before?.bounties.get(at.bounty.ref);
  if (!bounty || at.child === null) return bounty;
  return bounty.children.find((c) => c.id === at.child!.id);
}

/** Every bounty item of the version, in order. */
export function allItems(input: BountiesInput): BountyItem[] {
  return [...input.after.values()].flatMap(bountyItems);
}
