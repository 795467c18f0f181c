/**
 * From what the People chain stores to what a reply shows: an address's own identity
 * (`identityOf`), or, for a sub-identity (`superOf`), its parent's display with its own sub name.
 * Every name is sanitised here, before it is stored.
 */
import type { Address } from '../types/staking.js';
import { type AccountName, isVerifiedJudgement, type Judgement } from './identity-types.js';
import { sanitizeName } from './sanitize.js';

/** One `identityOf` value: the display's text (null for `Data::None` or non-text data) and judgements. */
export interface StoredIdentity {
  display: string | null;
  judgements: Judgement[];
}

/** One `superOf` value: the parent and the sub's own name. */
export interface StoredSub {
  parent: Address;
  name: string | null;
}

/**
 * The name shown for an address. A sub-identity whose parent has a printable display shows it with
 * its sub name (verified when the parent is); otherwise its own identity counts; null when neither
 * leaves anything printable.
 */
export function resolveName(
  own: StoredIdentity | null,
  sub: StoredSub | null,
  parent: StoredIdentity | null,
): AccountName | null {
  if (sub && parent) {
    const display = parent.display === null ? null : sanitizeName(parent.display);
    if (display !== null) {
      return {
        display,
        sub: sub.name === null ? null : sanitizeName(sub.name),
        verified: parent.judgements.some(isVerifiedJudgement),
      };
    }
  }
  if (!own || own.display === null) return null;
  const display = sanitizeName(own.display);
  return display === null ? null : { display, sub: null, verified: own.judgements.some(isVerifiedJudgement) };
}
