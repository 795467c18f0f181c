/**
 * What the treasury rules share: a spend's facts and the words about it, and the calls that claim
 * or settle it (shown as text, to paste into a wallet's extrinsic builder).
 */
import { spendPhase } from '../treasury/spend-phase.js';
import type { TreasurySpend } from '../types/treasury.js';
import { blockAt, type DetectionClock } from './detect-context.js';
import { isLocalAccount } from './detect-treasury.js';
import type { BlockAt } from './scope.js';
import type { RuleText } from './spans.js';
import { assetAmount, blockTime, type RuleWording } from './wording.js';

export interface SpendFacts {
  index: number;
  /** The asset's symbol and decimals; `amount` in its smallest unit. */
  asset: string;
  decimals: number;
  amount: string;
  /** SS58, or a description of a beneficiary that is not an account here. */
  beneficiary: string;
  validFrom: BlockAt;
  expireAt: BlockAt;
  approvedBy: number | null;
}

export function spendFacts(spend: TreasurySpend, clock: DetectionClock): SpendFacts {
  return {
    index: spend.index,
    asset: spend.asset.symbol,
    decimals: spend.asset.decimals,
    amount: spend.amount.toString(),
    beneficiary: spend.beneficiary,
    validFrom: blockAt(clock, spend.validFrom),
    expireAt: blockAt(clock, spend.expireAt),
    approvedBy: spend.approvedBy,
  };
}

/** Spends of the previous version by index. */
export function spendsByIndex(spends: readonly TreasurySpend[]): Map<number, TreasurySpend> {
  return new Map(spends.map((s) => [s.index, s]));
}

/** Whether the spend is claimable at the block, as `treasury.payout` judges it. */
export function claimableAt(spend: TreasurySpend, block: number): boolean {
  return spendPhase(spend, block) === 'claimable';
}

export function spendAmount(f: Pick<SpendFacts, 'amount' | 'decimals' | 'asset'>): string {
  return assetAmount(f.amount, f.decimals, f.asset);
}

/** The beneficiary through its on-chain name, or its description when it is not an account here. */
export function beneficiaryWords(beneficiary: string, w: RuleWording): string {
  return isLocalAccount(beneficiary) ? w.account(beneficiary) : beneficiary;
}

export const payoutCall = (index: number) => `treasury.payout(${index})`;
export const checkStatusCall = (index: number) => `treasury.checkStatus(${index})`;

/** "20,000 USDT to Alice (…), approved by referendum #412." */
export function spendLine(f: SpendFacts, w: RuleWording): string {
  const by = f.approvedBy === null ? '' : `, approved by referendum #${f.approvedBy}`;
  return `${spendAmount(f)} to ${beneficiaryWords(f.beneficiary, w)}${by}.`;
}

/** "Claim it with treasury.payout(42) before <time>; anyone can submit the call." */
export function claimLine(f: SpendFacts): RuleText {
  return [
    `Claim it with ${payoutCall(f.index)} before `,
    ...blockTime(f.expireAt),
    '; anyone may submit the call, the funds go to the beneficiary.',
  ];
}
