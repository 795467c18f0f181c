/**
 * `Staking.LastValidatorEra` (statemine 2,003,000 on): the last era each stash was in an elected
 * validator set. staking-async's `unbond` makes a stash that validated within BondingDuration eras
 * wait the full BondingDuration even as a nominator. One small map; runtimes without it give none.
 */
import type { Address } from '../../../core/types/staking.js';
import { decodeMapKey, storagePrefix } from '../rpc/keys.js';
import { ScaleReader } from '../scale/reader.js';
import { LAST_VALIDATOR_ERA } from '../scale/staking-values.js';
import { decodeAll, type ReadContext } from './context.js';

export async function readLastValidatorEras(ctx: ReadContext): Promise<Record<Address, number>> {
  if (!ctx.has('Staking', 'LastValidatorEra')) return {};
  const entries = await ctx.storage.entries(storagePrefix('Staking', 'LastValidatorEra'));
  const eras = decodeAll(ctx, 'Staking.LastValidatorEra', entries, (key, value) => {
    const [stash] = decodeMapKey(key, LAST_VALIDATOR_ERA.keys) as [Address];
    const r = ScaleReader.fromHex(value, 'staking.lastValidatorEra');
    const era = r.u32();
    r.end();
    return [stash, era] as const;
  });
  return Object.fromEntries(eras);
}
