/**
 * The voting rules of the pinned block's runtime, from its metadata: `ConvictionVoting.VoteLockingPeriod`,
 * the lock periods and vote multipliers of each `Conviction` variant (parsed from the variant names:
 * `None` locks for no period and counts a tenth, `LockedNx` locks for 2^(N-1) periods and counts N
 * times), and where `vote`, `remove_vote` and `unlock` sit in the call enum.
 */
import type { VotingRules } from '../../../core/types/voting.js';
import type { MetadataCodec } from './metadata-codec.js';

interface Variant {
  name: { toString(): string };
  index: { toNumber(): number };
}

export class VotingRulesError extends Error {}

/** Lock periods and vote tenths per conviction index, from the `Conviction` enum's variants. */
export function convictionTable(variants: ReadonlyArray<{ name: string; index: number }>): {
  lockPeriods: number[];
  voteTenths: number[];
} {
  const lockPeriods: number[] = [];
  const voteTenths: number[] = [];
  for (const { name, index } of variants) {
    const locked = /^Locked([1-9])x$/.exec(name);
    if (name === 'None') {
      lockPeriods[index] = 0;
      voteTenths[index] = 1;
    } else if (locked) {
      const n = Number(locked[1]);
      lockPeriods[index] = 2 ** (n - 1);
      voteTenths[index] = n * 10;
    } else throw new VotingRulesError(`unexpected Conviction variant "${name}" (index ${index})`);
  }
  const count = variants.length;
  if (count === 0 || lockPeriods.length !== count || lockPeriods.some((p) => p === undefined))
    throw new VotingRulesError(`Conviction variants are not numbered 0..${count - 1}`);
  return { lockPeriods, voteTenths };
}

function variantsOf(codec: MetadataCodec, typeId: number): Variant[] {
  const def = codec.lookup.getSiType(typeId).def;
  if (!def.isVariant) throw new VotingRulesError(`type ${typeId} is not an enum`);
  return [...def.asVariant.variants] as unknown as Variant[];
}

function convictionTypeId(codec: MetadataCodec): number {
  for (const t of codec.lookup.types) {
    const path = t.type.path.map((p) => p.toString());
    if (path.at(-1) === 'Conviction' && path.includes('pallet_conviction_voting')) return t.id.toNumber();
  }
  throw new VotingRulesError('the metadata has no pallet_conviction_voting Conviction type');
}

/** Null (with no read) when the runtime has no ConvictionVoting pallet; throws when its shape is unexpected. */
export function readVotingRules(codec: MetadataCodec): VotingRules | null {
  const pallet = codec.metadataPallets().find((p) => p.name.toString() === 'ConvictionVoting');
  if (!pallet) return null;
  const period = codec.consts.convictionVoting?.voteLockingPeriod;
  if (period === undefined) throw new VotingRulesError('ConvictionVoting has no VoteLockingPeriod constant');
  if (pallet.calls.isNone) throw new VotingRulesError('ConvictionVoting has no calls');
  const calls = new Map(
    variantsOf(codec, pallet.calls.unwrap().type.toNumber()).map((v) => [
      v.name.toString(),
      v.index.toNumber(),
    ]),
  );
  const call = (name: string) => {
    const index = calls.get(name);
    if (index === undefined) throw new VotingRulesError(`ConvictionVoting has no call ${name}`);
    return index;
  };
  const convictions = variantsOf(codec, convictionTypeId(codec)).map((v) => ({
    name: v.name.toString(),
    index: v.index.toNumber(),
  }));
  return {
    voteLockingPeriod: Number(period.toString()),
    ...convictionTable(convictions),
    voteCall: { pallet: pallet.index.toNumber(), call: call('vote') },
    removeVoteCall: call('remove_vote'),
    unlockCall: call('unlock'),
    specVersion: codec.specVersion,
  };
}
