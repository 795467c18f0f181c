import { u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAssetHubRegistry } from '../../../dev/chain/metadata.js';
import { DecodeError } from '../../../lambdas/snapshot/scale/errors.js';
import { decodePreimage, decodeTrackQueue } from '../../../lambdas/snapshot/scale/governance-values.js';
import {
  decodeExposurePage,
  decodeLedger,
  decodeNominations,
  decodeOverview,
  decodePayee,
  decodePoolMember,
  decodePrefs,
  decodeRewardPoints,
  decodeU32,
  decodeU32Vec,
  decodeU64,
  decodeU128,
} from '../../../lambdas/snapshot/scale/staking-codecs.js';
import { decodeActiveEra, decodeSlashInEra } from '../../../lambdas/snapshot/scale/staking-values.js';

const { registry } = createAssetHubRegistry();
const enc = (type: string, value: unknown) => u8aToHex(registry.createType(type, value).toU8a());
const account = fc.uint8Array({ minLength: 32, maxLength: 32 });
const ss58 = (bytes: Uint8Array) => encodeAddress(bytes, 2);
const balance = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });

describe('fast staking decoders agree with the metadata codec', () => {
  it('exposure pages', () => {
    fc.assert(
      fc.property(balance, fc.array(fc.tuple(account, balance), { maxLength: 40 }), (pageTotal, others) => {
        const hex = enc('SpStakingExposurePage', {
          pageTotal,
          others: others.map(([who, value]) => ({ who, value })),
        });
        expect(decodeExposurePage(hex)).toEqual({
          pageTotal,
          others: others.map(([who, value]) => ({ who: ss58(who), value })),
        });
      }),
      { numRuns: 100 },
    );
  });

  it('exposure overviews', () => {
    fc.assert(
      fc.property(
        balance,
        balance,
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.nat({ max: 2 ** 32 - 1 }),
        (total, own, nominatorCount, pageCount) => {
          const hex = enc('SpStakingPagedExposureMetadata', { total, own, nominatorCount, pageCount });
          expect(decodeOverview(hex, 'v')).toEqual({ validator: 'v', total, own, nominatorCount, pageCount });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('ledgers with unlocking chunks', () => {
    fc.assert(
      fc.property(
        account,
        balance,
        balance,
        fc.array(fc.tuple(balance, fc.nat({ max: 2 ** 32 - 1 })), { maxLength: 32 }),
        (stash, total, active, chunks) => {
          const hex = enc('PalletStakingAsyncLedgerStakingLedger', {
            stash,
            total,
            active,
            unlocking: chunks.map(([value, era]) => ({ value, era })),
          });
          expect(decodeLedger(hex, 'c')).toEqual({
            stash: ss58(stash),
            controller: 'c',
            total,
            active,
            unlocking: chunks.map(([value, era]) => ({ value, era })),
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('nominations, prefs, points and pool members', () => {
    fc.assert(
      fc.property(
        fc.array(account, { maxLength: 24 }),
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.boolean(),
        fc.nat({ max: 1_000_000_000 }),
        (targets, era, flag, commission) => {
          const nom = enc('PalletStakingAsyncNominations', { targets, submittedIn: era, suppressed: flag });
          expect(decodeNominations(nom, 's')).toEqual({
            stash: 's',
            targets: targets.map(ss58),
            submittedIn: era,
            suppressed: flag,
          });
          const prefs = u8aToHex(registry.createType('(Compact<Perbill>, bool)', [commission, flag]).toU8a());
          expect(decodePrefs(prefs, 's')).toEqual({ stash: 's', commission, blocked: flag });
          const pts = enc('PalletStakingAsyncEraRewardPoints', {
            total: era,
            individual: new Map(targets.map((t, i) => [t, i])),
          });
          const decoded = decodeRewardPoints(pts);
          expect(decoded.total).toBe(era);
          expect(Object.keys(decoded.individual).length).toBe(new Set(targets.map(ss58)).size);
          const member = enc('PalletNominationPoolsPoolMember', {
            poolId: era,
            points: BigInt(commission),
            lastRecordedRewardCounter: 7n,
            unbondingEras: new Map([[era, 5n]]),
          });
          expect(decodePoolMember(member, 'm')).toEqual({
            who: 'm',
            poolId: era,
            points: BigInt(commission),
            lastRecordedRewardCounter: 7n,
            unbondingEras: [{ era, points: 5n }],
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('payees, including the Account variant', () => {
    const who = new Uint8Array(32).fill(7);
    expect(decodePayee(enc('PalletStakingAsyncRewardDestination', 'Staked'))).toEqual({ kind: 'Staked' });
    expect(decodePayee(enc('PalletStakingAsyncRewardDestination', { Account: who }))).toEqual({
      kind: 'Account',
      account: ss58(who),
    });
  });

  it('reports unknown variants and truncated values instead of guessing', () => {
    expect(() => decodePayee('0x09')).toThrow(DecodeError);
    expect(() => decodePayee('0x09')).toThrow(/unknown enum variant 9/);
    expect(() => decodeOverview('0x0408', 'v')).toThrow(/needs 4 more bytes/);
    expect(() =>
      decodeNominations(
        `${enc('PalletStakingAsyncNominations', { targets: [], submittedIn: 1, suppressed: false })}00`,
        's',
      ),
    ).toThrow(/trailing/);
  });

  it('the small values: era, slashes, track queues, preimages and plain numbers', () => {
    expect(decodeActiveEra(enc('(u32, Option<u64>)', [9800, 1_784_000_000_000]))).toEqual({
      index: 9800,
      startMs: 1_784_000_000_000,
    });
    expect(decodeActiveEra(enc('(u32, Option<u64>)', [9800, null]))).toEqual({ index: 9800, startMs: null });
    expect(decodeSlashInEra(enc('(Perbill, u128)', [5_000_000, 10n ** 20n]))).toEqual({
      fraction: 5_000_000,
      amount: 10n ** 20n,
    });
    expect(decodeTrackQueue(enc('Vec<(u32, u128)>', [[7, 2n ** 100n]]))).toEqual([
      { id: 7, ayes: 2n ** 100n },
    ]);
    expect(decodePreimage(enc('Bytes', '0x0102ff'))).toBe('0x0102ff');
    expect(decodeU32(enc('u32', 31_500_000), 'x')).toBe(31_500_000);
    expect(decodeU64(enc('u64', 2n ** 60n), 'x')).toBe(2n ** 60n);
  });

  it('refuses bytes left over after any value, the ledger included', () => {
    const ledger = enc('PalletStakingAsyncLedgerStakingLedger', {
      stash: new Uint8Array(32),
      total: 5n,
      active: 5n,
      unlocking: [],
    });
    expect(() => decodeLedger(`${ledger}${'11'.repeat(16)}`, 'c')).toThrow(
      /staking\.ledger: 16 trailing bytes/,
    );
    const extra = (hex: string) => `${hex}00`;
    for (const decode of [
      () => decodeActiveEra(extra(enc('(u32, Option<u64>)', [1, null]))),
      () => decodeSlashInEra(extra(enc('(Perbill, u128)', [1, 1n]))),
      () => decodeTrackQueue(extra(enc('Vec<(u32, u128)>', []))),
      () => decodePreimage(extra(enc('Bytes', '0x01'))),
      () => decodeU32(extra(enc('u32', 1)), 'x'),
      () => decodeU64(extra(enc('u64', 1)), 'x'),
      () => decodeU128(extra(enc('u128', 1)), 'x'),
      () => decodeU32Vec(extra(enc('Vec<u32>', [1])), 'x'),
      () => decodePrefs(extra(enc('(Compact<Perbill>, bool)', [1, false])), 's'),
      () => decodePayee(extra(enc('PalletStakingAsyncRewardDestination', 'Staked'))),
    ])
      expect(decode).toThrow(/1 trailing bytes/);
  });
});
