import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeMapKey,
  storagePrefix,
  twox64ConcatBytes,
  twox64ConcatU32,
} from '../../../../lambdas/snapshot/rpc/keys.js';

const account = new Uint8Array(32).fill(3);
const hash = new Uint8Array(32).fill(0xab);
const le32 = (n: number) => u8aToHex(new Uint8Array(new Uint32Array([n]).buffer)).slice(2);

describe('storage map keys', () => {
  it('reads the parts of a key back, a tuple part as its items', () => {
    const key =
      storagePrefix('Staking', 'UnappliedSlashes') +
      twox64ConcatU32(42) +
      twox64ConcatBytes(
        new Uint8Array([...account, ...new Uint8Array(new Uint32Array([5_000_000, 2]).buffer)]),
      );
    expect(
      decodeMapKey(key, [
        ['Twox64Concat', 'u32'],
        ['Twox64Concat', ['AccountId32', 'u32', 'u32']],
      ]),
    ).toEqual([42, encodeAddress(account, 2), 5_000_000, 2]);
  });

  it('reads Blake2_128Concat and Identity parts, and hashes as hex', () => {
    const key = `${storagePrefix('Preimage', 'PreimageFor')}${u8aToHex(hash).slice(2)}${le32(77)}`;
    expect(decodeMapKey(key, [['Identity', ['H256', 'u32']]])).toEqual([u8aToHex(hash), 77]);
    const ledger = `${storagePrefix('Staking', 'Ledger')}${blake2AsHex(account, 128).slice(2)}${u8aToHex(account).slice(2)}`;
    expect(decodeMapKey(ledger, [['Blake2_128Concat', 'AccountId32']])).toEqual([encodeAddress(account, 2)]);
  });

  it('refuses a key that is too short or has bytes left over', () => {
    const key = storagePrefix('Staking', 'ErasTotalStake') + twox64ConcatU32(7);
    expect(decodeMapKey(key, [['Twox64Concat', 'u32']])).toEqual([7]);
    expect(() => decodeMapKey(key.slice(0, -2), [['Twox64Concat', 'u32']])).toThrow(/is too short/);
    expect(() => decodeMapKey(`${key}00`, [['Twox64Concat', 'u32']])).toThrow(/has 1 trailing bytes/);
    // A key read with the wrong hasher does not come out as a wrong account: it is refused.
    const nominator = storagePrefix('Staking', 'Nominators') + twox64ConcatBytes(account);
    expect(() => decodeMapKey(nominator, [['Blake2_128Concat', 'AccountId32']])).toThrow(/too short/);
  });
});
