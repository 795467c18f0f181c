/**
 * When an unbond started now could be withdrawn, by staking-async's `unbond`: the chunk unlocks at
 * `activeEra + duration`, where the duration is BondingDuration, unless nominators are not slashable
 * (Staking.AreNominatorsSlashable false), when it is NominatorFastUnbondDuration for a stash that was
 * not elected as a validator within BondingDuration eras (`activeEra − LastValidatorEra < BondingDuration`
 * keeps the full duration). `withdraw_unbonded` bounds it further (see unbonding.ts).
 */
import type { ViewContext } from './context.js';
import { type EraEta, eraStartEta } from './era-timing.js';

export interface UnbondTiming {
  /** Eras an unbond started now takes. */
  eras: number;
  /** The era its chunk can be withdrawn from (active era + `eras`). */
  era: number;
  eta: EraEta;
  /**
   * 'bonding-duration': nominators are slashable, or the runtime has no fast unbonding;
   * 'fast': nominators are not slashable; 'recent-validator': they are not, but the stash was
   * elected within BondingDuration eras, so it waits the full BondingDuration.
   */
  rule: 'bonding-duration' | 'fast' | 'recent-validator';
  /** Staking.LastValidatorEra of the stash, when it has one. */
  lastValidatorEra: number | null;
}

export function unbondTiming(ctx: ViewContext, lastValidatorEra: number | null): UnbondTiming {
  const { bondingDuration, nominatorFastUnbondDuration, nominatorsSlashable } = ctx.constants;
  const active = ctx.activeEra.index;
  let rule: UnbondTiming['rule'] = 'bonding-duration';
  let eras = bondingDuration;
  if (!nominatorsSlashable && nominatorFastUnbondDuration !== null) {
    const recent = lastValidatorEra !== null && Math.max(0, active - lastValidatorEra) < bondingDuration;
    rule = recent ? 'recent-validator' : 'fast';
    eras = recent ? bondingDuration : nominatorFastUnbondDuration;
  }
  const era = active + eras;
  return { eras, era, eta: eraStartEta(ctx, era), rule, lastValidatorEra };
}
