/**
 * On-chain identities (People chain, `identity.identityOf` / `identity.superOf`) as Herald shows
 * them. Names are untrusted input: what reaches a reply is already sanitised (see `sanitize.ts`),
 * and a name is always shown beside the short address, so a copied name cannot pass as the real one.
 */
import type { Address } from '../types/staking.js';

/** The registrar judgements of `pallet_identity::Judgement`. */
export type Judgement =
  | 'Unknown'
  | 'FeePaid'
  | 'Reasonable'
  | 'KnownGood'
  | 'OutOfDate'
  | 'LowQuality'
  | 'Erroneous';

/** What a reply shows for one address. */
export interface AccountName {
  /** The display name: of the account's own identity, or of its parent's for a sub-identity. */
  display: string;
  /** For a sub-identity: the sub's own name from `superOf` (shown `Parent/child`); null otherwise. */
  sub: string | null;
  /** A `Reasonable` or `KnownGood` judgement on the identity that carries `display`. */
  verified: boolean;
}

/** The names of the addresses one reply shows; an address without an identity is absent. */
export type AccountNames = Readonly<Record<Address, AccountName>>;

/** Only these judgements earn the verified mark. */
export function isVerifiedJudgement(j: Judgement): boolean {
  return j === 'Reasonable' || j === 'KnownGood';
}
