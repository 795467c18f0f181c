import { u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { createAssetHubRegistry } from '../../../dev/chain/metadata.js';
import { ScenarioEncodeError } from '../../../dev/scenario/errors.js';
import { storageContext } from '../../../dev/scenario/storage-context.js';

const ctx = storageContext();
const { registry } = createAssetHubRegistry();
const alice = `0x${'11'.repeat(32)}`;

function valueType(pallet: string, item: string): number {
  return ctx.entry(pallet, item).valueType;
}

describe('MetadataCodec against @polkadot/types encoding', () => {
  // The optional fourth value is the same data in the shape @polkadot/types expects (a Map for BTreeMap).
  const cases: Array<[string, string, unknown, unknown?]> = [
    ['Staking', 'ActiveEra', { index: 9_800, start: 1_784_000_000_000 }],
    [
      'Staking',
      'Ledger',
      { stash: alice, total: 10n ** 16n, active: 10n ** 15n, unlocking: [{ value: 5n, era: 9_801 }] },
    ],
    ['Staking', 'ErasStakersOverview', { total: 2n ** 70n, own: 63n, nominatorCount: 700, pageCount: 2 }],
    ['Staking', 'Validators', { commission: 1_000_000_000, blocked: true }],
    ['Staking', 'Payee', { Account: alice }],
    [
      'Referenda',
      'TrackQueue',
      [
        [1, 2n],
        [3, 2n ** 100n],
      ],
    ],
    [
      'Staking',
      'ErasRewardPoints',
      { total: 40, individual: [[alice, 40]] },
      { total: 40, individual: new Map([[alice, 40]]) },
    ],
    ['Balances', 'TotalIssuance', 17_000_000n * 10n ** 12n],
  ];
  for (const [pallet, item, value, reference] of cases) {
    it(`${pallet}.${item}`, () => {
      const id = valueType(pallet, item);
      const ours = ctx.codec.encodeHex(id, value);
      const theirs = registry.createType(registry.createLookupType(id), reference ?? value);
      expect(ours).toBe(u8aToHex(theirs.toU8a()));
    });
  }

  it('compact boundaries match the reference encoding', () => {
    const id = valueType('Staking', 'ErasStakersOverview');
    for (const n of [0n, 63n, 64n, 16_383n, 16_384n, 2n ** 30n - 1n, 2n ** 30n, 2n ** 32n, 2n ** 128n - 1n]) {
      const v = { total: n, own: n, nominatorCount: 0, pageCount: 0 };
      expect(ctx.codec.encodeHex(id, v)).toBe(
        u8aToHex(registry.createType(registry.createLookupType(id), v).toU8a()),
      );
    }
  });

  it('names the field and type when a value does not fit', () => {
    const id = valueType('Staking', 'Ledger');
    expect(() => ctx.codec.encodeHex(id, { stash: alice, total: 1n, active: 1n })).toThrow(
      /missing field "unlocking"/,
    );
    expect(() => ctx.codec.encodeHex(id, { stash: '0x12', total: 1n, active: 1n, unlocking: [] })).toThrow(
      /stash.*expected 32 bytes/,
    );
    expect(() => ctx.codec.encodeHex(valueType('Staking', 'CurrentEra'), 2 ** 32)).toThrow(
      ScenarioEncodeError,
    );
    expect(() => ctx.codec.encodeHex(valueType('Staking', 'Payee'), { Nope: null })).toThrow(
      /unknown variant "Nope"/,
    );
    expect(() => ctx.codec.encodeHex(valueType('Staking', 'CurrentEra'), 1.5)).toThrow(/expected an integer/);
  });

  it('rejects unknown storage items and wrong key arity', () => {
    expect(() => ctx.key('Staking', 'Nope')).toThrow(/no storage item Staking.Nope/);
    expect(() => ctx.key('Staking', 'Ledger')).toThrow(/takes 1 key parts, got 0/);
  });
});
