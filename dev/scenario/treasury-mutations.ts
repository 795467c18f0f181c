/**
 * Treasury spend changes between two snapshot runs, each written as the chain stores it and
 * returned with the expected state after it (like the other mutations): a spend approved (directly,
 * or by a `treasury.spend` referendum that is then approved), relay time reaching a spend's
 * `valid_from`, an expiry lead time or its `expire_at`, a payout attempted, failed or paid.
 * Spends keep every field but the status as the pallet does (`payout` and `check_status` only
 * change the status, or remove the spend when its payment succeeded).
 */
import { RELAY_BLOCK_MS, RELAY_BLOCKS_PER_DAY } from '../../core/kusama/constants.js';
import type { Address } from '../../core/types/index.js';
import type { TreasurySpend, TreasuryState } from '../../core/types/treasury.js';
import { accountFromId } from './accounts.js';
import { advanceClock } from './alert-mutations.js';
import { chainChanges, finishChange } from './apply-changes.js';
import { ScenarioError } from './errors.js';
import { addReferendum } from './governance-mutations.js';
import { storageContext } from './storage-context.js';
import { assetRef } from './treasury-assets.js';
import type { Scenario, ScenarioChange, StorageChange } from './types.js';
import { endReferendum } from './voter-mutations.js';
import { spendPair } from './write-treasury.js';

export type SpendAsset = 'KSM' | 'USDT' | 'USDC';

export interface NewSpend {
  asset: SpendAsset;
  /** In the asset's smallest unit. */
  amount: bigint;
  beneficiary: Address;
  /** Relay block from which it can be claimed; defaults to now, as `treasury.spend` does. */
  validFrom?: number;
}

/** The expiry reminders' lead times, in relay blocks. */
export const EXPIRY_LEADS = {
  week: 7 * RELAY_BLOCKS_PER_DAY,
  day: RELAY_BLOCKS_PER_DAY,
  hour: RELAY_BLOCKS_PER_DAY / 24,
} as const;

function treasuryOf(scenario: Scenario): TreasuryState {
  const t = scenario.expected.treasury;
  if (!t) throw new ScenarioError('this scenario has no treasury');
  return t;
}

function spendOf(scenario: Scenario, index: number): TreasurySpend {
  const s = treasuryOf(scenario).spends.find((x) => x.index === index);
  if (!s) throw new ScenarioError(`spend ${index} is not in Treasury.Spends`);
  return s;
}

/** Writes `treasury` as the expected state. */
function withTreasury(scenario: Scenario, treasury: TreasuryState, writes: StorageChange[]): ScenarioChange {
  const e = scenario.expected;
  const expected = { ...e, treasury };
  return finishChange(
    scenario,
    { size: scenario.size, seed: scenario.seed, fixtures: scenario.fixtures, expected },
    writes,
  );
}

const STATUS_BYTES: Record<TreasurySpend['status'], number> = { Pending: 1, Attempted: 9, Failed: 1 };

function statusHex(s: TreasurySpend): string {
  if (s.status === 'Pending') return '00';
  if (s.status === 'Failed') return '02';
  const id = s.paymentId ?? 0n;
  let hex = '01';
  for (let i = 0n; i < 8n; i++) hex += ((id >> (8n * i)) & 0xffn).toString(16).padStart(2, '0');
  return hex;
}

/** A new status for a stored spend: every byte before the status stays as it was. */
function setSpendStatus(scenario: Scenario, next: TreasurySpend): ScenarioChange {
  const t = treasuryOf(scenario);
  const before = spendOf(scenario, next.index);
  const key = storageContext(scenario.runtime).key('Treasury', 'Spends', next.index);
  const stored = scenario.storage.find(([k]) => k === key)?.[1];
  if (!stored) throw new ScenarioError(`spend ${next.index} has no storage value`);
  const value = stored.slice(0, stored.length - 2 * STATUS_BYTES[before.status]) + statusHex(next);
  const spends = t.spends.map((s) => (s.index === next.index ? next : s));
  return withTreasury(scenario, { ...t, spends }, [[key, value]]);
}

/** `treasury.spend` approved: `Spends(SpendCount)` Pending, expiring `PayoutPeriod` after `validFrom`. */
export function approveSpend(scenario: Scenario, spec: NewSpend): ScenarioChange {
  const t = treasuryOf(scenario);
  if (typeof spec.amount !== 'bigint' || spec.amount <= 0n)
    throw new ScenarioError('a spend needs a positive bigint amount');
  const now = scenario.expected.anchor.relayBlock;
  const validFrom = spec.validFrom ?? now;
  const spend: TreasurySpend = {
    index: t.spendCount,
    asset: assetRef(spec.asset),
    amount: spec.amount,
    beneficiary: spec.beneficiary,
    validFrom,
    expireAt: validFrom + t.constants.payoutPeriod,
    status: 'Pending',
    paymentId: null,
    approvedBy: null,
  };
  const ctx = storageContext(scenario.runtime);
  const writes: StorageChange[] = [
    ctx.pair('Treasury', 'SpendCount', [], t.spendCount + 1),
    spendPair(ctx, spend, { symbols: { [spend.index]: spec.asset }, remote: {} }),
  ];
  return withTreasury(scenario, { ...t, spendCount: t.spendCount + 1, spends: [...t.spends, spend] }, writes);
}

/** Kusama's spending tracks whose proposals `addReferendum` makes a `treasury.spend` of. */
const SPENDING_TRACKS = ['small_spender', 'medium_spender', 'big_spender', 'treasurer'];

/**
 * A new ongoing referendum on a spending track whose proposal is `treasury.spend` to `beneficiary`.
 * Its id is the previous `referendumCount`; `enactSpendReferendum` approves it.
 */
export function proposeSpendReferendum(
  scenario: Scenario,
  trackName: string,
  beneficiary: Address,
): ScenarioChange {
  if (!SPENDING_TRACKS.includes(trackName))
    throw new ScenarioError(`${trackName} is not a spending track (${SPENDING_TRACKS.join(', ')})`);
  const track = scenario.expected.governance.tracks.find((t) => t.name === trackName);
  if (!track) throw new ScenarioError(`track ${trackName} is not in the scenario`);
  return addReferendum(scenario, { track: track.id, proposer: beneficiary });
}

/** The asset, amount and beneficiary of a referendum's `treasury.spend` proposal, decoded from its call. */
export function spendOfReferendum(scenario: Scenario, refId: number): NewSpend {
  const p = scenario.fixtures.proposals.find((x) => x.refId === refId);
  if (p?.call !== 'treasury.spend')
    throw new ScenarioError(`referendum ${refId} does not propose treasury.spend`);
  const call = storageContext(scenario.runtime).registry.createType('Call', p.callHex);
  const json = call.toJSON() as { args: { asset_kind: unknown; amount: number | string } };
  const asset = JSON.stringify(json.args.asset_kind);
  const symbol: SpendAsset = asset.includes('"generalIndex":1984')
    ? 'USDT'
    : asset.includes('"generalIndex":1337')
      ? 'USDC'
      : 'KSM';
  // biome-ignore lint/suspicious/noExplicitAny: the decoded beneficiary location is walked dynamically
  const beneficiary = (call.args[2] as any).asV4.accountId.interior.asX1[0].asAccountId32.id.toU8a();
  return {
    asset: symbol,
    amount: BigInt(String(json.args.amount)),
    beneficiary: accountFromId(beneficiary).address,
  };
}

/**
 * Referendum `refId` (proposing `treasury.spend`) approved `blocksAgo` relay blocks ago and its
 * call enacted now: the spend it proposes is `Spends(SpendCount)`, claimable from now. Storage does
 * not say which referendum made a spend, so its expected `approvedBy` stays null; a snapshot that
 * saw the referendum's call links the two.
 */
export function enactSpendReferendum(scenario: Scenario, refId: number, blocksAgo = 5): ScenarioChange {
  const spec = spendOfReferendum(scenario, refId);
  return chainChanges(scenario, [
    (s) => endReferendum(s, refId, 'approved', blocksAgo),
    (s) => approveSpend(s, spec),
  ]);
}

/** Moves relay time to `block` (not backwards). */
export function moveRelayTo(scenario: Scenario, block: number): ScenarioChange {
  const now = scenario.expected.anchor.relayBlock;
  if (block < now) throw new ScenarioError(`relay block ${block} has passed already (now ${now})`);
  return advanceClock(scenario, (block - now) * RELAY_BLOCK_MS);
}

/** Relay time reaches the spend's `valid_from`: `treasury.payout` can claim it from now. */
export function spendBecomesClaimable(scenario: Scenario, index: number): ScenarioChange {
  return moveRelayTo(scenario, spendOf(scenario, index).validFrom);
}

/** Relay time reaches `lead` before the spend's `expire_at` (still unclaimed). */
export function spendExpiryLeadReached(
  scenario: Scenario,
  index: number,
  lead: keyof typeof EXPIRY_LEADS,
): ScenarioChange {
  const s = spendOf(scenario, index);
  if (!(lead in EXPIRY_LEADS))
    throw new ScenarioError(`lead must be one of ${Object.keys(EXPIRY_LEADS).join(', ')}`);
  return moveRelayTo(scenario, s.expireAt - EXPIRY_LEADS[lead]);
}

/** Relay time reaches the spend's `expire_at` unclaimed: it stays stored until `check_status`, but is lost. */
export function spendExpires(scenario: Scenario, index: number): ScenarioChange {
  return moveRelayTo(scenario, spendOf(scenario, index).expireAt);
}

/** `treasury.payout(index)`: a Pending or Failed spend within its window becomes Attempted with a payment id. */
export function payoutAttempted(scenario: Scenario, index: number, paymentId?: bigint): ScenarioChange {
  const s = spendOf(scenario, index);
  const now = scenario.expected.anchor.relayBlock;
  if (s.status === 'Attempted') throw new ScenarioError(`spend ${index}'s payout was attempted already`);
  if (now < s.validFrom || now >= s.expireAt)
    throw new ScenarioError(`spend ${index} is not claimable at relay block ${now}`);
  const id = paymentId ?? BigInt(60_000 + scenario.generation);
  return setSpendStatus(scenario, { ...s, status: 'Attempted', paymentId: id });
}

/** `treasury.check_status(index)` finds the payment failed: Attempted becomes Failed, the window unchanged. */
export function payoutFailed(scenario: Scenario, index: number): ScenarioChange {
  const s = spendOf(scenario, index);
  if (s.status !== 'Attempted') throw new ScenarioError(`spend ${index} has no payout attempt to fail`);
  return setSpendStatus(scenario, { ...s, status: 'Failed', paymentId: null });
}

/** `treasury.check_status(index)` finds the payment succeeded: the spend is removed. */
export function spendPaid(scenario: Scenario, index: number): ScenarioChange {
  const s = spendOf(scenario, index);
  if (s.status !== 'Attempted') throw new ScenarioError(`spend ${index} has no payout attempt to confirm`);
  const t = treasuryOf(scenario);
  const removal = storageContext(scenario.runtime).removal('Treasury', 'Spends', [index]);
  return withTreasury(scenario, { ...t, spends: t.spends.filter((x) => x.index !== index) }, [removal]);
}
