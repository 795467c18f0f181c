/** Staking state at the pinned block: era, validators, nominators, ledgers, payees and minimums. */
import type { StakingState } from '../../../core/types/snapshot.js';
import type {
  Nominations,
  RewardDestination,
  StakingLedger,
  ValidatorPrefs,
} from '../../../core/types/staking.js';
import { decodeMapKey, storagePrefix } from '../rpc/keys.js';
import { ScaleReader } from '../scale/reader.js';
import {
  decodeLedger,
  decodeNominations,
  decodePayee,
  decodePrefs,
  decodeU32Vec,
  decodeU128,
} from '../scale/staking-codecs.js';
import { decodeAll, type ReadContext } from './context.js';

export type StakingCore = Omit<StakingState, 'history' | 'slashes' | 'lastValidatorEra'>;

const S = (item: string) => storagePrefix('Staking', item);

async function readMap<T>(
  ctx: ReadContext,
  item: string,
  hasher: 'Twox64Concat' | 'Blake2_128Concat',
  decode: (account: string, value: string) => T,
): Promise<T[]> {
  if (!ctx.has('Staking', item)) {
    ctx.warn(`Staking.${item} is not in this runtime's metadata; left empty`);
    return [];
  }
  const entries = await ctx.storage.entries(S(item));
  return decodeAll(ctx, `Staking.${item}`, entries, (key, value) =>
    decode(decodeMapKey(key, [[hasher, 'AccountId32']])[0] as string, value),
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
    readMap<ValidatorPrefs>(ctx, 'Validators', 'Twox64Concat', (a, v) => decodePrefs(v, a)),
    readMap<Nominations>(ctx, 'Nominators', 'Twox64Concat', (a, v) => decodeNominations(v, a)),
    readMap<StakingLedger>(ctx, 'Ledger', 'Blake2_128Concat', (a, v) => decodeLedger(v, a)),
    readMap<[string, RewardDestination]>(ctx, 'Payee', 'Twox64Concat', (a, v) => [a, decodePayee(v)]),
  ]);
  const [activeEraHex, currentEraHex, minBondHex, minActiveHex, offenceErasHex] = plain;
  if (!activeEraHex) throw new Error('Staking.ActiveEra is empty: this chain has no active era to snapshot');
  const r = ScaleReader.fromHex(activeEraHex, 'staking.activeEra');
  const activeEra = { index: r.u32(), startMs: r.option((x) => Number(x.u64())) };
  const offenceEras = offenceErasHex ? decodeU32Vec(offenceErasHex, 'staking.offenceQueueEras') : [];
  return {
    activeEra,
    currentEra: currentEraHex ? ScaleReader.fromHex(currentEraHex).u32() : null,
    minNominatorBond: minBondHex ? decodeU128(minBondHex, 'staking.minNominatorBond') : 0n,
    minimumActiveStake: minActiveHex ? decodeU128(minActiveHex, 'staking.minimumActiveStake') : 0n,
    validators: Object.fromEntries(validators.map((v) => [v.stash, v])),
    nominators: Object.fromEntries(nominators.map((n) => [n.stash, n])),
    ledgers: Object.fromEntries(ledgers.map((l) => [l.stash, l])),
    payees: Object.fromEntries(payees),
    offenceQueueEarliestEra: offenceEras.length > 0 ? Math.min(...offenceEras) : null,
  };
}
