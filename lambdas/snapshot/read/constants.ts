/**
 * The staking rules of the runtime at the pinned block: the `Staking` pallet's constants from that
 * block's metadata (never Herald's idea of them), and the storage values governance sets that switch
 * them: `AreNominatorsSlashable` (whether nominators unbond in the fast duration) and the self-stake
 * incentive curve. An item the runtime lacks takes the runtime's own meaning: no fast unbonding,
 * nominators slashable, no incentive.
 */
import type { SelfStakeIncentive, StakingConstants } from '../../../core/types/chain-constants.js';
import { storagePrefix } from '../rpc/keys.js';
import { ScaleReader } from '../scale/reader.js';
import type { ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';

type Consts = Record<string, { toNumber(): number } | undefined> | undefined;

function constant(staking: Consts, name: string): number | null {
  const value = staking?.[name];
  return value === undefined ? null : value.toNumber();
}

function required(staking: Consts, name: string): number {
  const value = constant(staking, name);
  if (value === null) throw new Error(`Staking.${name} is not in this runtime's metadata`);
  return value;
}

const ITEMS = ['AreNominatorsSlashable', 'OptimumSelfStake', 'HardCapSelfStake', 'SelfStakeSlopeFactor'];

/** Reads one whole value; `read` takes what the type holds. */
function decoded<T>(hex: string | null | undefined, what: string, read: (r: ScaleReader) => T): T | null {
  if (!hex) return null;
  const r = ScaleReader.fromHex(hex, what);
  const value = read(r);
  r.end();
  return value;
}

export async function readConstants(ctx: ReadContext, codec: MetadataCodec): Promise<StakingConstants> {
  const staking = codec.consts.staking as unknown as Consts;
  const present = ITEMS.filter((item) => ctx.has('Staking', item));
  const values = await ctx.storage.values(present.map((item) => storagePrefix('Staking', item)));
  const hex = (item: string) => values[present.indexOf(item)];
  // ValueQuery items: an empty value is the default (slashable; zero for the curve).
  const slashable = decoded(hex('AreNominatorsSlashable'), 'staking.areNominatorsSlashable', (r) => r.bool());
  const optimum = decoded(hex('OptimumSelfStake'), 'staking.optimumSelfStake', (r) => r.u128()) ?? 0n;
  const hardCap = decoded(hex('HardCapSelfStake'), 'staking.hardCapSelfStake', (r) => r.u128()) ?? 0n;
  const slopeParts =
    decoded(hex('SelfStakeSlopeFactor'), 'staking.selfStakeSlopeFactor', (r) => r.u32()) ?? 0;
  // With neither an optimum nor a cap, every incentive weight is zero (reward.rs `incentive_weight`).
  const selfStakeIncentive: SelfStakeIncentive | null =
    optimum === 0n && hardCap === 0n ? null : { optimum, hardCap, slopeParts };
  return {
    historyDepth: required(staking, 'historyDepth'),
    bondingDuration: required(staking, 'bondingDuration'),
    nominatorFastUnbondDuration: constant(staking, 'nominatorFastUnbondDuration'),
    nominatorsSlashable: slashable ?? true,
    sessionsPerEra: required(staking, 'sessionsPerEra'),
    maxExposurePageSize: required(staking, 'maxExposurePageSize'),
    selfStakeIncentive,
  };
}
