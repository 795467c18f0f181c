/** System.Account data for every seeded account, accumulated from what each role holds. */
import type { Address } from '../../core/types/index.js';
import { ksm } from './amounts.js';
import type { Rng } from './rng.js';
import type { StorageContext } from './storage-context.js';
import type { AccountBalance, StoragePair } from './types.js';

/** Pallet balances' "new logic" flag (ExtraFlags bit 127), set on every migrated account. */
export const NEW_LOGIC_FLAG = 1n << 127n;

export class BalanceBook {
  readonly accounts: Record<Address, AccountBalance> = {};

  constructor(private readonly rng: Rng) {}

  private get(who: Address): AccountBalance {
    let b = this.accounts[who];
    if (!b) {
      b = { free: 0n, reserved: 0n, frozen: 0n };
      this.accounts[who] = b;
    }
    return b;
  }

  /** An account with some spendable balance besides what it holds. */
  touch(who: Address): AccountBalance {
    const b = this.get(who);
    if (b.free === 0n) b.free = this.rng.logBigint(ksm(0.5), ksm(400));
    return b;
  }

  hold(who: Address, amount: bigint): void {
    this.touch(who).reserved += amount;
  }

  freeze(who: Address, amount: bigint): void {
    const b = this.touch(who);
    if (amount > b.frozen) b.frozen = amount;
    if (b.free < b.frozen) b.free = b.frozen + ksm(1);
  }

  setFree(who: Address, amount: bigint): void {
    this.get(who).free = amount;
  }

  total(): bigint {
    let s = 0n;
    for (const b of Object.values(this.accounts)) s += b.free + b.reserved;
    return s;
  }
}

export function accountValue(b: AccountBalance, nonce: number): unknown {
  return {
    nonce,
    consumers: b.reserved > 0n || b.frozen > 0n ? 1 : 0,
    providers: 1,
    sufficients: 0,
    data: { free: b.free, reserved: b.reserved, frozen: b.frozen, flags: NEW_LOGIC_FLAG },
  };
}

export function nonceOf(who: Address): number {
  let h = 0;
  for (let i = 0; i < who.length; i++) h = (h * 31 + who.charCodeAt(i)) >>> 0;
  return h % 300;
}

export function accountPairs(ctx: StorageContext, accounts: Record<Address, AccountBalance>): StoragePair[] {
  return Object.entries(accounts).map(([who, b]) =>
    ctx.pair('System', 'Account', [who], accountValue(b, nonceOf(who))),
  );
}
