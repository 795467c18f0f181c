/**
 * The vote encoder against @polkadot/types' own encoding of `convictionVoting.vote`, through the
 * real metadata of every runtime Herald reads conviction voting from: Kusama Asset Hub 2,003,000
 * (today) and 1,009,003 (the older runtime the dev chain still runs), plus the relay chain's
 * kusama 2,003,000, whose ConvictionVoting sits at another pallet index. The indices given to the
 * encoder are read from the metadata by name (pallet index, the index of the `vote` variant), as
 * the snapshot records them; the expected bytes come from the metadata's decorated calls.
 */
import { expandMetadata, type Metadata, type TypeRegistry } from '@polkadot/types';
import { describe, expect, it } from 'vitest';
import {
  compactU32,
  MAX_POLL_INDEX,
  MAX_U128,
  type StandardVote,
  VoteCallError,
  voteCallData,
} from '../../../core/opengov/vote-call.js';
import type { Conviction } from '../../../core/types/voting.js';
import { assetHubRuntime, type DevRuntime, RELAY_RUNTIME, registryFor } from '../../../dev/chain/runtimes.js';

const CONVICTIONS = ['None', 'Locked1x', 'Locked2x', 'Locked3x', 'Locked4x', 'Locked5x', 'Locked6x'];
const KSM = 10n ** 12n;

/** The pallet index of ConvictionVoting and the index of its `vote` call, by name. */
function voteCallIndex(registry: TypeRegistry, metadata: Metadata): { pallet: number; call: number } {
  const pallet = metadata.asLatest.pallets.find((p) => p.name.eq('ConvictionVoting'));
  if (!pallet || pallet.calls.isNone) throw new Error('no ConvictionVoting calls in this metadata');
  const calls = registry.lookup.getSiType(pallet.calls.unwrap().type).def.asVariant.variants;
  const vote = calls.find((v) => v.name.eq('vote'));
  if (!vote) throw new Error('no convictionVoting.vote in this metadata');
  return { pallet: pallet.index.toNumber(), call: vote.index.toNumber() };
}

function reference(registry: TypeRegistry, metadata: Metadata) {
  const decorated = expandMetadata(registry, metadata);
  return (v: StandardVote): string =>
    decorated.tx.convictionVoting!.vote!(v.referendum, {
      Standard: { vote: { aye: v.aye, conviction: CONVICTIONS[v.conviction] }, balance: v.balance },
    }).toHex();
}

const INDICES = [0, 1, 63, 64, 1_000, 16_383, 16_384, 600_000, 2 ** 30 - 1, 2 ** 30, MAX_POLL_INDEX];
const BALANCES = [1n, KSM, (25n * KSM) / 2n, 123_456_789n * KSM + 987_654_321_012n, 1n << 64n, MAX_U128];

const RUNTIMES: Array<[string, DevRuntime, number]> = [
  ['Asset Hub 2,003,000', assetHubRuntime(2_003_000), 91],
  ['Asset Hub 1,009,003', assetHubRuntime(1_009_003), 91],
  ['relay kusama 2,003,000', RELAY_RUNTIME, 20],
];

describe.each(RUNTIMES)('convictionVoting.vote on %s', (_name, runtime, palletIndex) => {
  const { registry, metadata } = registryFor(runtime);
  const index = voteCallIndex(registry, metadata);
  const expected = reference(registry, metadata);

  it('reads the indices from the metadata', () => {
    expect(index).toEqual({ pallet: palletIndex, call: 0 });
  });

  it('matches for aye and nay at every conviction', () => {
    for (const aye of [true, false])
      for (let c = 0; c <= 6; c++) {
        const vote: StandardVote = { referendum: 412, aye, conviction: c as Conviction, balance: 12n * KSM };
        expect(voteCallData(index, vote)).toBe(expected(vote));
      }
  });

  it('matches for small and large indices (every compact mode) and small to huge balances', () => {
    for (const referendum of INDICES)
      for (const balance of BALANCES) {
        const vote: StandardVote = { referendum, aye: referendum % 2 === 0, conviction: 3, balance };
        expect(voteCallData(index, vote)).toBe(expected(vote));
      }
  });

  it('decodes back to the vote it was given', () => {
    const hex = voteCallData(index, { referendum: 600_000, aye: true, conviction: 3, balance: 25n * KSM });
    const call = registry.createType('Call', hex);
    expect(call.section).toBe('convictionVoting');
    expect(call.method).toBe('vote');
    expect(call.args[0]!.toString()).toBe('600000');
    expect(call.args[1]!.toJSON()).toEqual({
      standard: { vote: '0x83', balance: Number(25n * KSM) },
    });
    const vote = (
      call.args[1] as unknown as { asStandard: { vote: { isAye: boolean; conviction: { type: string } } } }
    ).asStandard.vote;
    expect([vote.isAye, vote.conviction.type]).toEqual([true, 'Locked3x']);
  });
});

describe('voteCallData', () => {
  const at = { pallet: 91, call: 0 };
  const vote: StandardVote = { referendum: 5, aye: true, conviction: 1, balance: KSM };

  it('lays out pallet, call, compact index, Standard, vote byte and a 16-byte balance', () => {
    expect(voteCallData(at, { ...vote, conviction: 3 })).toBe(
      `0x5b00140083${'0010a5d4e8'}${'00'.repeat(11)}`,
    );
    expect(voteCallData(at, { ...vote, aye: false, conviction: 0 })).toBe(
      `0x5b00140000${'0010a5d4e8'}${'00'.repeat(11)}`,
    );
  });

  it('encodes Compact<u32> in each mode', () => {
    expect(compactU32(0)).toEqual([0x00]);
    expect(compactU32(63)).toEqual([0xfc]);
    expect(compactU32(64)).toEqual([0x01, 0x01]);
    expect(compactU32(16_383)).toEqual([0xfd, 0xff]);
    expect(compactU32(16_384)).toEqual([0x02, 0x00, 0x01, 0x00]);
    expect(compactU32(2 ** 30 - 1)).toEqual([0xfe, 0xff, 0xff, 0xff]);
    expect(compactU32(2 ** 30)).toEqual([0x03, 0x00, 0x00, 0x00, 0x40]);
    expect(compactU32(MAX_POLL_INDEX)).toEqual([0x03, 0xff, 0xff, 0xff, 0xff]);
  });

  it('refuses what the chain would not take, saying what is wrong', () => {
    const refused: Array<[Partial<StandardVote> | { pallet: number }, RegExp]> = [
      [{ conviction: 7 as Conviction }, /Conviction runs from 0 \(none, 0\.1x\) to 6 \(6x\); got 7/],
      [{ conviction: -1 as Conviction }, /Conviction runs from 0/],
      [{ conviction: 1.5 as Conviction }, /Conviction runs from 0/],
      [{ balance: 0n }, /more than 0/],
      [{ balance: -5n }, /more than 0/],
      [{ balance: MAX_U128 + 1n }, /larger than a balance can be/],
      [{ referendum: -1 }, /from 0 to 4294967295; got -1/],
      [{ referendum: MAX_POLL_INDEX + 1 }, /got 4294967296/],
      [{ referendum: 1.5 }, /whole number/],
    ];
    for (const [change, message] of refused) {
      expect(() => voteCallData(at, { ...vote, ...change } as StandardVote)).toThrow(VoteCallError);
      expect(() => voteCallData(at, { ...vote, ...change } as StandardVote)).toThrow(message);
    }
    expect(() => voteCallData({ pallet: 256, call: 0 }, vote)).toThrow(/pallet index must be a whole number/);
    expect(() => voteCallData({ pallet: 91, call: -1 }, vote)).toThrow(/call index must be a whole number/);
  });
});
