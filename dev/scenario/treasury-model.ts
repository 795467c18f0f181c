/** Treasury spends (some already paid and removed) and legacy approved proposals. */
import { RELAY_BLOCKS_PER_DAY } from '../../core/kusama/constants.js';
import type { Address, GovernanceSpend } from '../../core/types/index.js';
import { KSM } from './amounts.js';
import type { AssetSymbol } from './proposals.js';
import { Rng } from './rng.js';

export const SPEND_PAYOUT_PERIOD = 30 * RELAY_BLOCKS_PER_DAY;

export interface LegacyProposal {
  index: number;
  proposer: Address;
  value: bigint;
  beneficiary: Address;
  bond: bigint;
}

export interface TreasuryModel {
  spendCount: number;
  spends: GovernanceSpend[];
  /** Attempted payments carry the payment id the storage holds. */
  paymentIds: Record<number, bigint>;
  proposalCount: number;
  proposals: LegacyProposal[];
  approvals: number[];
}

export function buildTreasury(
  seed: number,
  count: number,
  relayBlock: number,
  people: Address[],
): TreasuryModel {
  const rng = new Rng(seed, 'treasury');
  const removed = Math.floor(count * 1.5);
  const m: TreasuryModel = {
    spendCount: removed + count,
    spends: [],
    paymentIds: {},
    proposalCount: 0,
    proposals: [],
    approvals: [],
  };
  for (let k = 0; k < count; k++) {
    const index = removed + k;
    const roll = rng.float();
    const asset: AssetSymbol = roll < 0.6 ? 'KSM' : roll < 0.85 ? 'USDT' : 'USDC';
    const amount =
      asset === 'KSM' ? rng.bigint(10n * KSM, 20_000n * KSM) : rng.bigint(1_000n, 500_000n) * 1_000_000n;
    const validFrom =
      relayBlock - rng.int(0, 25 * RELAY_BLOCKS_PER_DAY) + (k % 5 === 4 ? 20 * RELAY_BLOCKS_PER_DAY : 0);
    const statusRoll = rng.float();
    const status: GovernanceSpend['status'] =
      k === 0
        ? 'Pending'
        : k === 1
          ? 'Attempted'
          : k === 2
            ? 'Failed'
            : statusRoll < 0.7
              ? 'Pending'
              : statusRoll < 0.9
                ? 'Attempted'
                : 'Failed';
    if (status === 'Attempted') m.paymentIds[index] = BigInt(rng.int(1, 50_000));
    m.spends.push({
      index,
      asset,
      amount,
      beneficiary: rng.pick(people),
      validFrom,
      expireAt: validFrom + SPEND_PAYOUT_PERIOD,
      status,
    });
  }
  m.proposalCount = 130 + rng.int(0, 20);
  for (const index of [m.proposalCount - 2, m.proposalCount - 1]) {
    const value = rng.bigint(100n * KSM, 5_000n * KSM);
    m.proposals.push({
      index,
      proposer: rng.pick(people),
      value,
      beneficiary: rng.pick(people),
      bond: value / 20n,
    });
    m.approvals.push(index);
  }
  return m;
}
