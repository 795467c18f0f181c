/**
 * The treasury part of a scenario: the pot and its assets, every spend, the bounties of both
 * pallets, their storage, the expected `TreasuryState`/`BountiesState`, the named cases, and the
 * accounts that need balances and names.
 */
import type { Address } from '../../core/types/index.js';
import type { BountiesState, TreasuryConstants, TreasuryState } from '../../core/types/treasury.js';
import { accountFromId } from './accounts.js';
import { KSM } from './amounts.js';
import { type BountyCases, type BountyConstants, buildBounties } from './bounty-model.js';
import { Rng } from './rng.js';
import type { StorageContext } from './storage-context.js';
import { buildTreasuryAssets, treasuryAssetPairs } from './treasury-assets.js';
import { buildTreasury, type SpendCase } from './treasury-model.js';
import type { StoragePair } from './types.js';
import { bountyPairs, remoteDescription, treasuryPairs } from './write-treasury.js';

/**
 * The named treasury cases tests look up (every size and runtime has each one):
 * - `spends`: spend indices by where they stand at the relay block: `upcoming` (Pending before
 *   `validFrom`), `claimable` (Pending, window open), `attempted` (payment id set), `failed`
 *   (window open), `expired` (Pending past `expireAt`, still stored), `expiresWithinHour`/`Day`/`Week`
 *   (claimable, `expireAt` within that of the relay block; no other spend expires within 7 days),
 *   `assetSpend` (USDT, claimable) and `remoteBeneficiary` (USDC to an AccountKey20 on Moonriver);
 * - `bounties`: legacy bounty refs per status (`withChildren` is Active with a child in each status),
 *   with the children as (parent, id) and the multi-asset refs per status (null on 1,009,003);
 * - `accounts`: the treasury account, beneficiaries and curators with and without an identity.
 */
export interface TreasuryCases {
  spends: Record<SpendCase, number>;
  bounties: BountyCases;
  accounts: {
    treasury: Address;
    namedBeneficiary: Address;
    unnamedBeneficiary: Address;
    namedCurator: Address;
    unnamedCurator: Address;
  };
}

export interface TreasuryScenario {
  treasury: TreasuryState;
  bounties: BountiesState | null;
  pairs: StoragePair[];
  cases: TreasuryCases;
  /** Accounts that exist on Asset Hub because of the treasury (beneficiaries, curators, proposers). */
  accounts: Address[];
  /** Local spend beneficiaries with a People-chain name (the proposers among them). */
  namedBeneficiaries: Address[];
  /** Further accounts to give People-chain names (curators). */
  named: Address[];
  potFree: bigint;
}

const num = (ctx: StorageContext, pallet: string, name: string) =>
  Number(ctx.constant(pallet, name).toString());
const big = (ctx: StorageContext, pallet: string, name: string) =>
  BigInt(ctx.constant(pallet, name).toString());

function optionBig(ctx: StorageContext, name: string): bigint | null {
  const v = ctx.constant('Bounties', name).toJSON();
  return v === null || v === undefined ? null : BigInt(String(v));
}

export function treasuryConstants(ctx: StorageContext): TreasuryConstants {
  const hasBounties = ctx.has('Bounties', 'Bounties');
  return {
    account: accountFromId(ctx.constant('Treasury', 'pot_account').toU8a()).address,
    spendPeriod: num(ctx, 'Treasury', 'SpendPeriod'),
    burnPermill: num(ctx, 'Treasury', 'Burn'),
    payoutPeriod: num(ctx, 'Treasury', 'PayoutPeriod'),
    maxApprovals: num(ctx, 'Treasury', 'MaxApprovals'),
    existentialDeposit: big(ctx, 'Balances', 'ExistentialDeposit'),
    bountyDepositPayoutDelay: hasBounties ? num(ctx, 'Bounties', 'BountyDepositPayoutDelay') : null,
    bountyUpdatePeriod: hasBounties ? num(ctx, 'Bounties', 'BountyUpdatePeriod') : null,
    bountyValueMinimum: hasBounties ? big(ctx, 'Bounties', 'BountyValueMinimum') : null,
  };
}

export function bountyConstants(ctx: StorageContext): BountyConstants {
  return {
    updatePeriod: num(ctx, 'Bounties', 'BountyUpdatePeriod'),
    depositBase: big(ctx, 'Bounties', 'BountyDepositBase'),
    dataDepositPerByte: big(ctx, 'Bounties', 'DataDepositPerByte'),
    curatorDepositPermill: num(ctx, 'Bounties', 'CuratorDepositMultiplier'),
    curatorDepositMin: optionBig(ctx, 'CuratorDepositMin'),
    curatorDepositMax: optionBig(ctx, 'CuratorDepositMax'),
  };
}

export interface TreasuryInput {
  seed: number;
  relayBlock: number;
  spends: number;
  extraActiveBounties: number;
  /** Accounts that already exist and have names (the referendum proposers). */
  people: Address[];
}

export function buildTreasuryScenario(ctx: StorageContext, input: TreasuryInput): TreasuryScenario {
  const rng = new Rng(input.seed, 'treasury-pot');
  const constants = treasuryConstants(ctx);
  const { relayBlock: now } = input;
  const potFree = rng.bigint(300_000n * KSM, 900_000n * KSM);
  const assets = buildTreasuryAssets(ctx, rng, input.seed, potFree);
  const model = buildTreasury(input.seed, input.spends, now, constants.payoutPeriod, input.people);
  for (const s of model.spends) {
    const remote = model.remote[s.index];
    if (remote) s.beneficiary = remoteDescription(ctx, remote);
  }
  const multiAsset = ctx.has('MultiAssetBounties', 'Bounties');
  const treasury: TreasuryState = {
    constants,
    holdings: assets.holdings,
    deactivated: potFree - rng.bigint(1_000n * KSM, 50_000n * KSM),
    // Set where the runtime ran a spend period since the migration; unset on the older runtime.
    lastSpendPeriod: multiAsset ? now - (now % constants.spendPeriod) : null,
    spendCount: model.spendCount,
    spends: model.spends,
    proposalCount: model.proposalCount,
    proposals: model.proposals,
    approvals: model.approvals,
  };
  const bountyModel = buildBounties({
    seed: input.seed,
    relayBlock: now,
    constants: bountyConstants(ctx),
    people: input.people,
    multiAsset,
    extraActive: input.extraActiveBounties,
  });
  const bounties = bountyModel.state;
  const pairs = [
    ...treasuryPairs(ctx, treasury, model),
    ...treasuryAssetPairs(ctx, assets, constants.account),
    ...bountyPairs(ctx, bountyModel),
  ];
  const local = model.spends.filter((s) => !model.remote[s.index]).map((s) => s.beneficiary);
  const unnamed = new Set([...model.unnamedBeneficiaries, ...bountyModel.curators.unnamed]);
  const { named: namedCurators, unnamed: unnamedCurators } = bountyModel.curators;
  const accounts = [
    ...new Set([
      ...local,
      ...model.unnamedBeneficiaries.filter((a) => local.includes(a)),
      ...namedCurators,
      ...unnamedCurators,
    ]),
  ];
  const usedCurators = new Set(
    bounties.bounties
      .flatMap((b) => [b.curator, ...b.children.map((c) => c.curator)])
      .filter((a) => a !== null),
  );
  return {
    treasury,
    bounties,
    pairs,
    cases: {
      spends: model.cases,
      bounties: bountyModel.cases,
      accounts: {
        treasury: constants.account,
        namedBeneficiary: local.find((a) => !unnamed.has(a))!,
        unnamedBeneficiary: local.find((a) => unnamed.has(a))!,
        namedCurator: namedCurators.find((a) => usedCurators.has(a))!,
        unnamedCurator: unnamedCurators.find((a) => usedCurators.has(a))!,
      },
    },
    accounts,
    namedBeneficiaries: local.filter((a) => !unnamed.has(a)),
    named: namedCurators,
    potFree,
  };
}
