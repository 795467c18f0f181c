import { bnToU8a, stringToU8a, u8aConcat } from '@polkadot/util';
import { encodeAddress as pjsEncode } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commissionParts,
  earliestWithdrawalEra,
  mulPerbill,
  perbillFromRational,
  poolAccountId,
  poolBondedAccount,
  poolPointsToBalance,
  poolRewardAccount,
  ratio,
} from '../../../core/staking/index.js';

describe('Perbill arithmetic', () => {
  it('rounds from_rational down and treats a zero denominator as 100%', () => {
    expect(perbillFromRational(1n, 3n)).toBe(333_333_333n);
    expect(perbillFromRational(2n, 3n)).toBe(666_666_666n);
    expect(perbillFromRational(5n, 0n)).toBe(1_000_000_000n);
    expect(perbillFromRational(7n, 5n)).toBe(1_000_000_000n);
    expect(perbillFromRational(0n, 5n)).toBe(0n);
  });

  it('multiplies to the nearest, ties rounding down', () => {
    expect(mulPerbill(500_000_000n, 3n)).toBe(1n); // 1.5 → 1
    expect(mulPerbill(500_000_001n, 3n)).toBe(2n); // 1.500000003 → 2
    expect(mulPerbill(333_333_333n, 10n)).toBe(3n);
    expect(mulPerbill(1_000_000_000n, 123n)).toBe(123n);
  });

  it('never exceeds the amount and stays within one unit of the exact product', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        (amount, parts) => {
          const r = mulPerbill(parts, amount);
          expect(r <= amount).toBe(true);
          const exact = amount * parts;
          expect(r * 10n ** 9n - exact <= 10n ** 9n && exact - r * 10n ** 9n <= 10n ** 9n).toBe(true);
        },
      ),
    );
  });

  it('clamps commission and gives float ratios only for display', () => {
    expect(commissionParts(-5)).toBe(0n);
    expect(commissionParts(2e9)).toBe(1_000_000_000n);
    expect(commissionParts(Number.NaN)).toBe(0n);
    expect(ratio(1n, 4n)).toBe(0.25);
    expect(ratio(1n, 0n)).toBeNull();
  });
});

describe('pool accounts', () => {
  it('derive as modl ‖ py/nopls ‖ type ‖ id LE, zero padded (checked with @polkadot/util)', () => {
    for (const id of [1, 7, 256, 4_294_967_295]) {
      const expectBytes = (type: number) =>
        u8aConcat(
          stringToU8a('modlpy/nopls'),
          new Uint8Array([type]),
          bnToU8a(id, { bitLength: 32 }),
          new Uint8Array(15),
        );
      expect(Buffer.from(poolAccountId(id, 'bonded')).equals(Buffer.from(expectBytes(0)))).toBe(true);
      expect(poolBondedAccount(id)).toBe(pjsEncode(expectBytes(0), 2));
      expect(poolRewardAccount(id)).toBe(pjsEncode(expectBytes(1), 2));
    }
    expect(() => poolAccountId(-1, 'bonded')).toThrow(/not a u32/);
  });

  it('turn points into balance at the pool ratio, rounding down', () => {
    expect(poolPointsToBalance(500n, 2_000n, 1_000n)).toBe(250n);
    expect(poolPointsToBalance(1n, 3n, 10n)).toBe(3n);
    expect(poolPointsToBalance(5n, 0n, 10n)).toBe(0n);
  });
});

describe('earliest withdrawal era', () => {
  it('is the active era without offences, and capped by the offence queue otherwise', () => {
    expect(earliestWithdrawalEra(1000, null, 28)).toBe(1000);
    expect(earliestWithdrawalEra(1000, 960, 28)).toBe(987);
    expect(earliestWithdrawalEra(1000, 990, 28)).toBe(1000);
    expect(earliestWithdrawalEra(10, 0, 28)).toBe(10);
    // The runtime's bonding duration, not Kusama's.
    expect(earliestWithdrawalEra(1000, 960, 14)).toBe(973);
  });
});
