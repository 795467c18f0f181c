/**
 * generateScenario: a deterministic Kusama Asset Hub state (staking, pools, OpenGov, treasury) as
 * storage pairs encoded with the real metadata, plus the values a correct snapshot reader reads back.
 */
import { KSM_PLANCK_PER_UNIT } from '../../core/kusama/constants.js';
import { assetHubRuntimeVersion } from '../chain/metadata.js';
import { deriveAccount } from './accounts.js';
import { accountPairs, BalanceBook } from './balances.js';
import { HISTORY_DEPTH_ERAS, NOMINAL_ERA_MS, runtimeConstants } from './chain-constants.js';
import { buildHistory } from './era-history.js';
import { ScenarioError } from './errors.js';
import { buildIdentities } from './identity-model.js';
import { eraIncentive, hasIncentive, incentiveConfigPairs, SCENARIO_INCENTIVE } from './incentive-model.js';
import { buildParachains } from './parachains-model.js';
import { buildPools } from './pools-model.js';
import { profileFor } from './profiles.js';
import { progressPrinter } from './progress.js';
import { buildReferenda } from './referenda-model.js';
import { Rng } from './rng.js';
import { scenarioFixtures } from './scenario-fixtures.js';
import { buildStaking } from './staking-model.js';
import { storageContext } from './storage-context.js';
import { decodeTracks } from './tracks.js';
import { buildTreasuryScenario } from './treasury-scenario.js';
import type { Scenario, ScenarioExpected, ScenarioOptions, StoragePair } from './types.js';
import { lastValidatorEraPairs, lastValidatorEras } from './validator-eras.js';
import { buildVoting, namedVoters } from './voting-build.js';
import { expectedVoters, kusamaVotingRules } from './voting-expected.js';
import { chainPairs, freezeVotingLocks, holdBalances } from './write-chain.js';
import { referendaPairs, votingPairs } from './write-governance.js';
import { identityPairs } from './write-identity.js';
import { poolsPairs } from './write-pools.js';
import { stakingPairs } from './write-staking.js';

export function sortPairs<T extends [string, unknown]>(pairs: T[]): T[] {
  return pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function checkOptions(opts: ScenarioOptions): number {
  if (typeof opts !== 'object' || opts === null)
    throw new ScenarioError('generateScenario needs { size, seed? }');
  const seed = opts.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new ScenarioError(`seed must be an integer in [0, 2^32), got ${String(opts.seed)}`);
  }
  return seed;
}

export function generateScenario(opts: ScenarioOptions): Scenario {
  const seed = checkOptions(opts);
  const profile = profileFor(opts.size);
  const progress = opts.onProgress ?? (opts.size === 'kusama' ? progressPrinter() : undefined);
  const runtime = assetHubRuntimeVersion(opts.runtime).specVersion;
  const ctx = storageContext(opts.runtime);
  const incentive = hasIncentive(ctx);
  const constants = { ...runtimeConstants(ctx), selfStakeIncentive: incentive ? SCENARIO_INCENTIVE : null };
  const rng = new Rng(seed, 'chain');

  const activeEra = rng.int(9_780, 9_820);
  const relayBlock = rng.int(31_400_000, 31_900_000);
  const timestampMs = 1_784_000_000_000 + rng.int(0, 2_000_000_000);
  const elapsedMs = rng.int(10 * 60_000, NOMINAL_ERA_MS - 30 * 60_000);
  const total = 17_000_000n * KSM_PLANCK_PER_UNIT + rng.bigint(0n, 400_000n * KSM_PLANCK_PER_UNIT);
  const inactive = rng.bigint(30_000n * KSM_PLANCK_PER_UNIT, 60_000n * KSM_PLANCK_PER_UNIT);

  progress?.({ stage: 'staking', done: 0, total: 1 });
  const pools = buildPools(seed, profile.pools, profile.poolMembers, activeEra);
  const staking = buildStaking(seed, profile, activeEra, pools.stakers);
  const history = buildHistory(
    seed,
    activeEra,
    staking.exposures,
    staking.validators,
    elapsedMs / NOMINAL_ERA_MS,
    (d, t) => progress?.({ stage: 'era history', done: d, total: t }),
  );
  if (incentive) {
    for (const h of history) {
      const era = eraIncentive(h);
      if (era) h.incentive = era;
    }
  }
  const partlyClaimedEra = history[HISTORY_DEPTH_ERAS - 3]!;
  partlyClaimedEra.claimed[staking.elected[0]!] = [0];

  const tracks = decodeTracks(ctx);
  const proposers = Array.from({ length: 12 }, (_, i) => deriveAccount(seed, 'proposer', i).address);
  const submissionDeposit = BigInt(ctx.constant('Referenda', 'SubmissionDeposit').toString());
  const referenda = buildReferenda(ctx, {
    seed,
    count: profile.referenda,
    ongoing: profile.ongoingReferenda,
    tracks,
    relayBlock,
    activeIssuance: total - inactive,
    submissionDeposit,
    proposers,
  });
  const voting = buildVoting({
    seed,
    firstVoters: profile.voters,
    crowd: {
      voters: profile.crowdVoters,
      delegates: profile.delegates,
      bigDelegates: profile.bigDelegates,
      delegators: profile.delegators,
    },
    referenda: referenda.referenda,
    phases: referenda.phases,
    votable: [...referenda.phases.deciding, ...referenda.phases.confirming],
    tracks: tracks.map((t) => t.id),
    relayBlock,
    voteLockingPeriod: Number(ctx.constant('ConvictionVoting', 'VoteLockingPeriod').toString()),
  });
  const treasury = buildTreasuryScenario(ctx, {
    seed,
    relayBlock,
    spends: profile.treasurySpends,
    extraActiveBounties: profile.extraActiveBounties,
    people: proposers,
  });

  const expected: ScenarioExpected = {
    anchor: { relayBlock, timestampMs, specVersion: runtime },
    issuance: { total, inactive },
    constants,
    staking: {
      activeEra: { index: activeEra, startMs: timestampMs - elapsedMs },
      currentEra: activeEra + 1,
      minNominatorBond: staking.minNominatorBond,
      minimumActiveStake: staking.minimumActiveStake,
      validators: staking.validators,
      nominators: staking.nominators,
      ledgers: staking.ledgers,
      payees: staking.payees,
      history,
      offenceQueueEarliestEra: null,
      lastValidatorEra: lastValidatorEras(ctx, history, staking.chilled, activeEra),
      slashes: [],
    },
    pools: {
      pools: pools.pools,
      members: pools.members,
      rules: { globalMaxCommission: pools.globalMaxCommission },
    },
    governance: {
      referendumCount: profile.referenda,
      referenda: referenda.referenda,
      tracks,
      decidingCount: referenda.decidingCount,
      trackQueue: referenda.trackQueue,
      proposalSummaries: referenda.proposalSummaries,
    },
    voting: expectedVoters(voting.records),
    votingRules: kusamaVotingRules(ctx, runtime),
    treasury: treasury.treasury,
    bounties: treasury.bounties,
    parachains: { relay: null, coretime: null, crowdloan: null },
    warnings: [],
  };
  progress?.({ stage: 'parachains', done: 0, total: 1 });
  const parachains = buildParachains(seed, opts.size, relayBlock, ctx);
  expected.parachains = parachains.expected;

  const book = new BalanceBook(new Rng(seed, 'balances'));
  holdBalances(book, { expected, staking, pools, referenda, voting: voting.first, proposers });
  // The rest of the voters after every other account, so the balances drawn before stay as they were.
  freezeVotingLocks(book, voting.records);
  // The treasury's accounts last of all, for the same reason.
  book.setFree(treasury.cases.accounts.treasury, treasury.potFree);
  for (const who of treasury.accounts) book.touch(who);
  if (book.total() > total - inactive) {
    throw new ScenarioError('seeded balances exceed the active issuance; the size profile is inconsistent');
  }

  progress?.({ stage: 'encoding', done: 0, total: 1 });
  const storage: StoragePair[] = [
    ...chainPairs(ctx, expected),
    ...stakingPairs(
      ctx,
      expected.staking,
      {
        bonded: staking.bonded,
        virtualStakers: pools.stakers.map((s) => s.stash.address),
        validatorCount: staking.elected.length,
      },
      (d, t) => progress?.({ stage: 'encoding eras', done: d, total: t }),
    ),
    ...lastValidatorEraPairs(ctx, expected.staking.lastValidatorEra),
    ...(incentive ? incentiveConfigPairs(ctx, SCENARIO_INCENTIVE) : []),
    ...poolsPairs(ctx, pools),
    ...referendaPairs(ctx, expected.governance, referenda.preimages),
    ...votingPairs(ctx, voting.records),
    ...treasury.pairs,
    ...parachains.assetHubPairs,
    ...accountPairs(ctx, book.accounts),
  ];
  progress?.({ stage: 'sorting', done: 0, total: 1 });
  sortPairs(storage);
  const fixtures = scenarioFixtures({
    expected,
    staking,
    pools,
    referenda,
    voting: voting.records,
    voterCases: voting.cases,
    balances: book.accounts,
    treasuryCases: treasury.cases,
  });
  const identities = buildIdentities(seed, {
    expected,
    elected: staking.elected,
    voting: voting.first,
    treasuryBeneficiaries: treasury.namedBeneficiaries,
    alsoNamed: [...namedVoters(voting), ...treasury.named, ...parachains.named],
  });
  const people = { storage: sortPairs(identityPairs(identities)), expected: identities.expected };
  progress?.({ stage: 'done', done: 1, total: 1 });
  return {
    size: opts.size,
    seed,
    runtime,
    storage,
    expected,
    fixtures: { ...fixtures, identities: identities.fixtures, parachainCases: parachains.cases },
    people,
    relay: { storage: sortPairs(parachains.relayStorage) },
    coretime: { storage: sortPairs(parachains.coretimeStorage) },
    generation: 0,
  };
}
