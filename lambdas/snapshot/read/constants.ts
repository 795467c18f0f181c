/**
 * The staking rules of the runtime at the pinned block: the `Staking` pallet's constants from that
 * block's metadata (never Herald's idea of them), and `Staking.AreNominatorsSlashable`, the storage
 * value that decides whether nominators unbond in the fast duration. An item the runtime lacks takes
 * the runtime's own meaning: no fast unbonding, nominators slashable.
 */
import type { StakingConstants } from '../../../core/types/chain-constants.js';
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

export async function readConstants(ctx: ReadContext, codec: MetadataCodec): Promise<StakingConstants> {
  const staking = codec.consts.staking as unknown as Consts;
  let nominatorsSlashable = true;
  if (ctx.has('Staking', 'AreNominatorsSlashable')) {
    // A ValueQuery whose default is true: an empty value means slashable.
    const [hex] = await ctx.storage.values([storagePrefix('Staking', 'AreNominatorsSlashable')]);
    if (hex) {
      const r = ScaleReader.fromHex(hex, 'staking.areNominatorsSlashable');
      nominatorsSlashable = r.bool();
      r.end();
    }
  }
  return {
    historyDepth: required(staking, 'historyDepth'),
    bondingDuration: required(staking, 'bondingDuration'),
    nominatorFastUnbondDuration: constant(staking, 'nominatorFastUnbondDuration'),
    nominatorsSlashable,
    sessionsPerEra: required(staking, 'sessionsPerEra'),
    maxExposurePageSize: required(staking, 'maxExposurePageSize'),
  };
}
