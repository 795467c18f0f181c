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
