import { u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAssetHubRegistry } from '../../../dev/chain/metadata.js';
import { DecodeError } from '../../../lambdas/snapshot/scale/errors.js';
import {
  decodeExposurePage,
  decodeLedger,
  decodeNominations,
  decodeOverview,
  decodePayee,
  decodePoolMember,
  decodePrefs,
  decodeRewardPoints,
} from '../../../lambdas/snapshot/scale/staking-codecs.js';

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
});
