/**
 * The small staking values Herald decodes by hand (the era, the minimums, the per-era totals,
 * claimed pages, slashes), each after the declaration of its item. A changed layout of any of these
 * fails the run (see `guard/README.md`).
 */
import type { ItemLayout } from '../guard/item.js';
import { L } from '../guard/layout.js';
import { ScaleReader } from './reader.js';

const ERA = [['Twox64Concat', 'u32']] as const;
const ERA_AND_ACCOUNT = [
  ['Twox64Concat', 'u32'],
  ['Twox64Concat', 'AccountId32'],
] as const;

const staking = (
  item: string,
  keys: ItemLayout['keys'],
  value: string | null,
  required = true,
): ItemLayout => ({
  pallet: 'Staking',
  item,
  required,
  keys,
  value,
});

export const ACTIVE_ERA = staking('ActiveEra', [], L.struct(L.u32, L.option(L.u64)));

export function decodeActiveEra(hex: string): { index: number; startMs: number | null } {
  const r = ScaleReader.fromHex(hex, 'staking.activeEra');
  const out = { index: r.u32(), startMs: r.option((x) => Number(x.u64())) };
  r.end();
  return out;
}

/** With `decodeU32`. */
export const CURRENT_ERA = staking('CurrentEra', [], L.u32);
/** With `decodeU128`. */
export const MIN_NOMINATOR_BOND = staking('MinNominatorBond', [], L.u128);
export const MINIMUM_ACTIVE_STAKE = staking('MinimumActiveStake', [], L.u128);
/** With `decodeU32Vec`; only staking-async has it. */
export const OFFENCE_QUEUE_ERAS = staking('OffenceQueueEras', [], L.vec(L.u32), false);
/** With `decodeU128`; read in bulk, then per era. */
export const ERAS_VALIDATOR_REWARD = staking('ErasValidatorReward', ERA, L.u128);
export const ERAS_TOTAL_STAKE = staking('ErasTotalStake', ERA, L.u128);
/** With `decodeU32Vec`; keys built with `twox64ConcatU32` and `twox64ConcatBytes`. */
export const CLAIMED_REWARDS = staking('ClaimedRewards', ERA_AND_ACCOUNT, L.vec(L.u32));

export const VALIDATOR_SLASH_IN_ERA = staking(
  'ValidatorSlashInEra',
  ERA_AND_ACCOUNT,
  L.tuple(L.perbill, L.u128),
);

export function decodeSlashInEra(hex: string): { fraction: number; amount: bigint } {
  const r = ScaleReader.fromHex(hex, 'staking.validatorSlashInEra');
  const out = { fraction: r.u32(), amount: r.u128() };
  r.end();
  return out;
}

/** Keyed by (era, (validator, slash fraction, page)); the value is decoded through the metadata. */
export const UNAPPLIED_SLASHES = staking(
  'UnappliedSlashes',
  [
    ['Twox64Concat', 'u32'],
    ['Twox64Concat', ['AccountId32', 'u32', 'u32']],
  ],
  null,
);

/**
 * Items statemine 2,003,000 added. Older runtimes lack them, which means what `absentMeans` says:
 * the readers (read/constants.ts, validator-eras.ts, incentive.ts) then assume exactly that.
 */
const since2003 = (
  item: string,
  keys: ItemLayout['keys'],
  value: string,
  absentMeans: string,
): ItemLayout => ({
  ...staking(item, keys, value, false),
  absentMeans,
});

/** With a whole-value bool read (ValueQuery: empty means true). */
export const ARE_NOMINATORS_SLASHABLE = since2003(
  'AreNominatorsSlashable',
  [],
  L.bool,
  'nominators are slashable and unbond in BondingDuration',
);
export const LAST_VALIDATOR_ERA = since2003(
  'LastValidatorEra',
  [['Twox64Concat', 'AccountId32']],
  L.u32,
  'no stash is held to the full BondingDuration for having validated',
);
export const OPTIMUM_SELF_STAKE = since2003('OptimumSelfStake', [], L.u128, 'no self-stake incentive');
export const HARD_CAP_SELF_STAKE = since2003('HardCapSelfStake', [], L.u128, 'no self-stake incentive');
export const SELF_STAKE_SLOPE_FACTOR = since2003(
  'SelfStakeSlopeFactor',
  [],
  L.perbill,
  'no self-stake incentive',
);
export const ERAS_VALIDATOR_INCENTIVE_BUDGET = since2003(
  'ErasValidatorIncentiveBudget',
  ERA,
  L.u128,
  'no self-stake incentive',
);
export const ERAS_SUM_VALIDATOR_INCENTIVE_WEIGHT = since2003(
  'ErasSumValidatorIncentiveWeight',
  ERA,
  L.u128,
  'no self-stake incentive',
);
export const ERAS_VALIDATOR_INCENTIVE_WEIGHT = since2003(
  'ErasValidatorIncentiveWeight',
  ERA_AND_ACCOUNT,
  L.u128,
  'no self-stake incentive',
);
