/**
 * Conviction voting at the pinned block: every `ConvictionVoting.VotingFor` (account, class) and
 * `ClassLocksFor` entry, read in bulk (paged keys, values in large batches) and decoded through the
 * block's metadata into one `VoterRecord` per account. `delegators` counts, per target and class,
 * every `Delegating` record. Every watched address gets a record, empty when it has none.
 */
import { decodeAddressInput } from '../../../core/address/parse.js';
import type { Address } from '../../../core/types/staking.js';
import type { VoterRecord } from '../../../core/types/voting.js';
import { EMPTY_VOTER } from '../../../core/voting/voter-record.js';
import { decodeMapKey, storagePrefix } from '../rpc/keys.js';
import { CLASS_LOCKS_FOR, VOTING_FOR } from '../scale/governance-values.js';
import { accountFromBytes } from '../scale/reader.js';
import { decodeAll, type ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';
import { classLocksOf, classVotingOf } from './voting-decode.js';

function emptyRecord(): VoterRecord {
  return { classes: {}, classLocks: [], delegators: {} };
}

/** Classes, delegators and votes in a canonical order, so an unchanged record never churns. */
function canonical(record: VoterRecord): VoterRecord {
  const classes: VoterRecord['classes'] = {};
  for (const track of Object.keys(record.classes)
    .map(Number)
    .sort((a, b) => a - b))
    classes[track] = record.classes[track]!;
  const delegators: VoterRecord['delegators'] = {};
  for (const track of Object.keys(record.delegators)
    .map(Number)
    .sort((a, b) => a - b))
    delegators[track] = record.delegators[track]!;
  return { classes, classLocks: record.classLocks, delegators };
}

/** Every voting account's record, plus an empty one for each watched address without any. */
export async function readVoting(
  ctx: ReadContext,
  codec: MetadataCodec,
  watched: readonly Address[],
): Promise<Record<Address, VoterRecord>> {
  if (!ctx.has('ConvictionVoting', 'VotingFor')) {
    ctx.warn('ConvictionVoting.VotingFor is not in this runtime; votes not read');
    return {};
  }
  const [votingEntries, lockEntries] = await Promise.all([
    ctx.storage.entries(storagePrefix('ConvictionVoting', 'VotingFor')),
    ctx.has('ConvictionVoting', 'ClassLocksFor')
      ? ctx.storage.entries(storagePrefix('ConvictionVoting', 'ClassLocksFor'))
      : Promise.resolve([] as Array<[string, string]>),
  ]);
  const byAccount = new Map<Address, VoterRecord>();
  const of = (who: Address) => {
    let r = byAccount.get(who);
    if (!r) {
      r = emptyRecord();
      byAccount.set(who, r);
    }
    return r;
  };
  const classes = decodeAll(ctx, 'ConvictionVoting.VotingFor', votingEntries, (key, value) => {
    const [who, track] = decodeMapKey(key, VOTING_FOR.keys) as [string, number];
    return { who, track, voting: classVotingOf(codec, value) };
  });
  for (const { who, track, voting } of classes) {
    of(who).classes[track] = voting;
    if (voting.type !== 'delegating') continue;
    const target = of(voting.target);
    const d = target.delegators[track] ?? { count: 0, capital: 0n, votes: 0n };
    // Post-conviction votes as the pallet counts a delegation: balance × tenths / 10.
    const tenths = voting.conviction === 0 ? 1n : BigInt(voting.conviction * 10);
    target.delegators[track] = {
      count: d.count + 1,
      capital: d.capital + voting.balance,
      votes: d.votes + (voting.balance * tenths) / 10n,
    };
  }
  const locks = decodeAll(ctx, 'ConvictionVoting.ClassLocksFor', lockEntries, (key, value) => {
    const [who] = decodeMapKey(key, CLASS_LOCKS_FOR.keys) as [string];
    return { who, locks: classLocksOf(codec, value) };
  });
  for (const { who, locks: l } of locks) of(who).classLocks = l;

  const out: Record<Address, VoterRecord> = {};
  for (const who of [...byAccount.keys()].sort()) out[who] = canonical(byAccount.get(who)!);
  for (const address of new Set(watched)) {
    try {
      const id = accountFromBytes(decodeAddressInput(address).publicKey);
      out[address] ??= out[id] ?? EMPTY_VOTER;
    } catch (error) {
      ctx.warn(`watched address ${address} skipped: ${(error as Error).message}`);
    }
  }
  return out;
}
