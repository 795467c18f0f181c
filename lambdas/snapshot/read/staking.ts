/** Staking state at the pinned block: era, validators, nominators, ledgers, payees and minimums. */
import type { StakingState } from '../../../core/types/snapshot.js';
import type { DecodedItem } from '../guard/item.js';
import { decodeMapKey, storagePrefix } from '../rpc/keys.js';
import {
  decodeU32,
  decodeU32Vec,
  decodeU128,
  LEDGER,
  NOMINATORS,
  PAYEE,
  VALIDATORS,
} from '../scale/staking-codecs.js';
import { decodeActiveEra } from '../scale/staking-values.js';
import { decodeAll, type ReadContext } from './context.js';

export type StakingCore = Omit<StakingState, 'history' | 'slashes' | 'lastValidatorEra'>;

const S = (item: string) => storagePrefix('Staking', item);

async function readMap<T>(ctx: ReadContext, declared: DecodedItem<[string], T>): Promise<T[]> {
  const { item } = declared;
  if (!ctx.has('Staking', item)) {
    ctx.warn(`Staking.${item} is not in this runtime's metadata; left empty`);
    return [];
  }
  const entries = await ctx.storage.entries(S(item));
  const decode = ctx.decoders.decoder(declared);
  return decodeAll(ctx, `Staking.${item}`, entries, (key, value) =>
    decode(value, decodeMapKey(key, declared.keys)[0] as string),
  );
}

export async function readStakingCore(ctx: ReadContext): Promise<StakingCore> {
  const plainItems = [
    'ActiveEra',
    'CurrentEra',
    'MinNominatorBond',
    'MinimumActiveStake',
    'OffenceQueueEras',
  ];
  const [plain, validators, nominators, ledgers, payees] = await Promise.all([
    ctx.storage.values(plainItems.map(S)),
    readMap(ctx, VALIDATORS),
    readMap(ctx, NOMINATORS),
    readMap(ctx, LEDGER),
    readMap(ctx, PAYEE),
  ]);
  const [activeEraHex, currentEraHex, minBondHex, minActiveHex, offenceErasHex] = plain;
  if (!activeEraHex) throw new Error('Staking.ActiveEra is empty: this chain has no active era to snapshot');
  const activeEra = decodeActiveEra(activeEraHex);
  const offenceEras = offenceErasHex ? decodeU32Vec(offenceErasHex, 'staking.offenceQueueEras') : [];
  return {
    activeEra,
    currentEra: currentEraHex ? decodeU32(currentEraHex, 'staking.currentEra') : null,
    minNominatorBond: minBondHex ? decodeU128(minBondHex, 'staking.minNominatorBond') : 0n,
    minimumActiveStake: minActiveHex ? decodeU128(minActiveHex, 'staking.minimumActiveStake') : 0n,
    validators: Object.fromEntries(validators.map((v) => [v.stash, v])),
    nominators: Object.fromEntries(nominators.map((n) => [n.stash, n])),
    ledgers: Object.fromEntries(ledgers.map((l) => [l.stash, l])),
    payees: Object.fromEntries(payees),
    offenceQueueEarliestEra: offenceEras.length > 0 ? Math.min(...offenceEras) : null,
  };
}
