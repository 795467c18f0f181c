/**
 * The account and era sources: a watched address's previous and new staking slices, and the era
 * slices. Changes (a target chilled, blocked, out of the active set, a commission raise, a pool
 * state) need both sides; states (an era paid, a chunk withdrawable, rewards near expiry, no active
 * nomination) are alerted once per era or chunk, and their ids make repeats harmless.
 */
import { buildViewContext } from '../staking/context.js';
import type {
  AccountStakingSlice,
  EraSlice,
  TargetSlice,
  ValidatorEraFigures,
} from '../staking/slice-types.js';
import type { DetectionClock } from './detect-context.js';
import { addressAlertId } from './identity.js';
import type { AccountSource, Found } from './rule-types.js';
import type { AlertScope } from './scope.js';

export interface AccountChange {
  address: string;
  /** Undefined on the first run, or when the account had no staking state before. */
  before: AccountStakingSlice | undefined;
  after: AccountStakingSlice | undefined;
}

export interface StakingInput {
  accounts: readonly AccountChange[];
  eraBefore: EraSlice | undefined;
  eraAfter: EraSlice;
  expiringErasLeft: number;
}

/** The sources' inputs: the accounts that have staking state in the new version. */
export function accountInputs(input: StakingInput, clock: DetectionClock): AccountSource[] {
  const ctx = buildViewContext(input.eraAfter, { nowMs: clock.nowMs });
  const { eraBefore, eraAfter, expiringErasLeft } = input;
  return input.accounts.flatMap(({ address, before, after }) =>
    after ? [{ address, before, after, ctx, eraBefore, eraAfter, expiringErasLeft }] : [],
  );
}

export function addressScope(address: string): AlertScope {
  return { type: 'address', address };
}

/** The validator figures of the account's exposures, by era and validator. */
export function figuresLookup(slice: AccountStakingSlice) {
  const map = new Map<string, ValidatorEraFigures>();
  for (const f of slice.validatorEras) map.set(`${f.era}:${f.validator}`, f);
  return (era: number, validator: string) => map.get(`${era}:${validator}`);
}

/**
 * The nominated validators whose change `changed` picks, each as an alert of the watched address:
 * its id (`<word>:<address>:<validator>:<era>`) and scope, and the facts `facts` builds.
 */
export function targetChanges<F>(
  input: AccountSource,
  word: string,
  changed: (before: TargetSlice, after: TargetSlice) => boolean,
  facts: (validator: string) => F,
): Found<F>[] {
  const era = input.ctx.activeEra.index;
  return targetPairs(input)
    .filter((t) => changed(t.before, t.after))
    .map(({ validator }) => ({
      id: addressAlertId(word, input.address, validator, era),
      scope: addressScope(input.address),
      facts: facts(validator),
    }));
}

/** Each nomination target of the new slice with its state in the previous one (none on a first run). */
export function targetPairs(
  input: AccountSource,
): Array<{ validator: string; before: TargetSlice; after: TargetSlice }> {
  if (!input.before) return [];
  const old = new Map(input.before.targets.map((t) => [t.validator, t]));
  return input.after.targets.flatMap((t) => {
    const b = old.get(t.validator);
    return b ? [{ validator: t.validator, before: b, after: t }] : [];
  });
}
