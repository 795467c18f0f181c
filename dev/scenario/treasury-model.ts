/**
 * Treasury spends, in every state a spend can be in at the scenario's relay block, and legacy
 * approved proposals. Spends are numbered as the pallet numbers them (`SpendCount`), with gaps
 * where spends were paid and removed. Every block number is a relay block: the treasury's
 * `BlockNumberProvider` on Asset Hub is the relay chain, and `expire_at = valid_from + PayoutPeriod`.
 */
import { RELAY_BLOCKS_PER_DAY } from '../../core/kusama/constants.js';
import type { Address } from '../../core/types/index.js';
import type { TreasuryProposal, TreasurySpend } from '../../core/types/treasury.js';
import { deriveAccount } from './accounts.js';
import { KSM } from './amounts.js';
import { Rng } from './rng.js';
import { assetRef } from './treasury-assets.js';

const DAY = RELAY_BLOCKS_PER_DAY;
const HOUR = DAY / 24;

/** The named spends tests look up (see `TreasuryCases`). */
export type SpendCase =
  | 'upcoming'
  | 'claimable'
  | 'attempted'
  | 'failed'
  | 'expired'
  | 'expiresWithinHour'
  | 'expiresWithinDay'
  | 'expiresWithinWeek'
  | 'assetSpend'
  | 'remoteBeneficiary';

/** A beneficiary on another chain: an AccountKey20 on Moonriver (parachain 2023). */
export interface RemoteBeneficiary {
  location: unknown;
  accountId: unknown;
}

export interface TreasuryModel {
  spendCount: number;
  /** Ascending by index; `beneficiary` of a remote spend is filled in by `describeRemote`. */
  spends: TreasurySpend[];
  /** The spend symbol of each spend's asset, by index. */
  symbols: Record<number, 'KSM' | 'USDT' | 'USDC'>;
  /** Beneficiaries that are not Asset Hub accounts, by spend index. */
  remote: Record<number, RemoteBeneficiary>;
  cases: Record<SpendCase, number>;
  proposalCount: number;
  proposals: TreasuryProposal[];
  approvals: number[];
  /** Local beneficiaries without a People-chain identity. */
  unnamedBeneficiaries: Address[];
}

interface SpendDraft {
  name?: SpendCase;
  symbol: 'KSM' | 'USDT' | 'USDC';
  validFrom: number;
  status: TreasurySpend['status'];
  remote?: boolean;
}

function amountOf(rng: Rng, symbol: 'KSM' | 'USDT' | 'USDC'): bigint {
  return symbol === 'KSM' ? rng.bigint(10n * KSM, 20_000n * KSM) : rng.bigint(1_000n, 500_000n) * 1_000_000n;
}

/** The drafts of the named cases at relay block `now`. */
function namedDrafts(rng: Rng, now: number, payout: number): SpendDraft[] {
  const past = () => now - rng.int(2 * DAY, 30 * DAY);
  const expiringIn = (blocks: number) => now + blocks - payout;
  return [
    { name: 'upcoming', symbol: 'KSM', validFrom: now + rng.int(3 * DAY, 20 * DAY), status: 'Pending' },
    { name: 'claimable', symbol: 'KSM', validFrom: past(), status: 'Pending' },
    { name: 'attempted', symbol: 'KSM', validFrom: past(), status: 'Attempted' },
    { name: 'failed', symbol: 'USDC', validFrom: past(), status: 'Failed' },
    {
      name: 'expired',
      symbol: 'KSM',
      validFrom: now - payout - rng.int(1 * DAY, 10 * DAY),
      status: 'Pending',
    },
    { symbol: 'USDT', validFrom: now - payout - rng.int(1 * HOUR, 20 * DAY), status: 'Failed' },
    { name: 'expiresWithinHour', symbol: 'KSM', validFrom: expiringIn(rng.int(60, 500)), status: 'Pending' },
    {
      name: 'expiresWithinDay',
      symbol: 'USDT',
      validFrom: expiringIn(rng.int(3 * HOUR, 20 * HOUR)),
      status: 'Pending',
    },
    {
      name: 'expiresWithinWeek',
      symbol: 'KSM',
      validFrom: expiringIn(rng.int(2 * DAY, 6 * DAY)),
      status: 'Pending',
    },
    { name: 'assetSpend', symbol: 'USDT', validFrom: past(), status: 'Pending' },
    { name: 'remoteBeneficiary', symbol: 'USDC', validFrom: past(), status: 'Pending', remote: true },
    { symbol: 'USDT', validFrom: now + rng.int(1 * DAY, 10 * DAY), status: 'Pending' },
  ];
}

/** Other live spends: expiring 10 to 110 days from now, so only the named cases expire within a week. */
function fillerDraft(rng: Rng, now: number, payout: number): SpendDraft {
  const roll = rng.float();
  const symbol = roll < 0.6 ? 'KSM' : roll < 0.85 ? 'USDT' : 'USDC';
  let validFrom = now - payout + rng.int(10 * DAY, payout + 20 * DAY);
  const s = rng.float();
  const status: TreasurySpend['status'] = s < 0.75 ? 'Pending' : s < 0.9 ? 'Attempted' : 'Failed';
  if (status !== 'Pending' && validFrom > now) validFrom = now - rng.int(1, 10 * DAY);
  return { symbol, validFrom, status };
}

export function remoteBeneficiary(rng: Rng): RemoteBeneficiary {
  return {
    location: { parents: 1, interior: { X1: [{ Parachain: 2023 }] } },
    accountId: { parents: 0, interior: { X1: [{ AccountKey20: { network: null, key: rng.bytes(20) } }] } },
  };
}

export function buildTreasury(
  seed: number,
  count: number,
  relayBlock: number,
  payoutPeriod: number,
  people: Address[],
): TreasuryModel {
  const rng = new Rng(seed, 'treasury');
  const unnamed = Array.from({ length: 3 }, (_, i) => deriveAccount(seed, 'treasury-beneficiary', i).address);
  const drafts = namedDrafts(rng, relayBlock, payoutPeriod);
  while (drafts.length < count) drafts.push(fillerDraft(rng, relayBlock, payoutPeriod));
  rng.shuffle(drafts);
  const m: TreasuryModel = {
    spendCount: 0,
    spends: [],
    symbols: {},
    remote: {},
    cases: {} as Record<SpendCase, number>,
    proposalCount: 0,
    proposals: [],
    approvals: [],
    unnamedBeneficiaries: unnamed,
  };
  let index = rng.int(150, 220);
  drafts.forEach((d, k) => {
    index += rng.chance(0.4) ? rng.int(2, 6) : 1;
    const beneficiary = d.remote ? '' : k % 4 === 1 ? unnamed[k % unnamed.length]! : rng.pick(people);
    m.spends.push({
      index,
      asset: assetRef(d.symbol),
      amount: amountOf(rng, d.symbol),
      beneficiary,
      validFrom: d.validFrom,
      expireAt: d.validFrom + payoutPeriod,
      status: d.status,
      paymentId: d.status === 'Attempted' ? BigInt(rng.int(1, 50_000)) : null,
      approvedBy: null,
    });
    m.symbols[index] = d.symbol;
    if (d.remote) m.remote[index] = remoteBeneficiary(rng);
    if (d.name) m.cases[d.name] = index;
  });
  m.spendCount = index + 1 + rng.int(0, 3);
  m.proposalCount = 130 + rng.int(0, 20);
  for (const i of [m.proposalCount - 2, m.proposalCount - 1]) {
    const value = rng.bigint(100n * KSM, 5_000n * KSM);
    m.proposals.push({
      index: i,
      proposer: rng.pick(people),
      value,
      beneficiary: rng.pick(people),
      bond: value / 20n,
    });
    m.approvals.push(i);
  }
  return m;
}
