import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../core/types/snapshot.js';
import { EMPTY_VOTER } from '../../../core/voting/voter-record.js';
import { addSlash } from '../../../dev/scenario/alert-mutations.js';
import { SCENARIO_INCENTIVE } from '../../../dev/scenario/incentive-model.js';
import { setNominatorsSlashable } from '../../../dev/scenario/staking-rule-mutations.js';
import { readSnapshot } from '../../../lambdas/snapshot/chain-reader.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { type SeededChain, seededChain } from './chain-fixture.js';

// Today's runtime and the one Herald was built against: both must read back exactly as seeded.
describe.each([2_003_000, 1_009_003])('chain reader over the seeded dev chain (statemine %i)', (runtime) => {
  let seeded: SeededChain;
  let snapshot: Snapshot;
  let first: Awaited<ReturnType<typeof readSnapshot>>;
  const archive = new MemoryEraArchive();

  beforeAll(async () => {
    seeded = await seededChain(7, runtime);
    first = await readSnapshot({ assetHub: [seeded.chain.endpoint] }, { archive });
    snapshot = first.snapshot;
  });
  afterAll(() => seeded?.close());

  it('reads the anchor and issuance at one pinned block', () => {
    const e = seeded.scenario.expected;
    expect(snapshot.anchor.blockHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(snapshot.anchor.relayBlock).toBe(e.anchor.relayBlock);
    expect(snapshot.anchor.timestampMs).toBe(e.anchor.timestampMs);
    expect(snapshot.anchor.specVersion).toBe(runtime);
    expect(snapshot.issuance).toEqual(e.issuance);
    expect(snapshot.warnings).toEqual([]);
  });

  it('without relay or Coretime endpoints reads only the crowdloan refunds on Asset Hub', () => {
    expect(snapshot.parachains).toEqual({
      relay: null,
      coretime: null,
      crowdloan: seeded.scenario.expected.parachains.crowdloan,
    });
  });

  it('reads staking exactly as seeded: era, validators, nominators, ledgers, payees, minimums', () => {
    const { history: _h, ...staking } = snapshot.staking;
    const { history: _e, ...expected } = seeded.scenario.expected.staking;
    expect(staking).toEqual(expected);
    const f = seeded.scenario.fixtures;
    expect(snapshot.staking.validators[f.validators.blocked]?.blocked).toBe(true);
    expect(snapshot.staking.ledgers[f.controllerNotStash.stash]?.controller).toBe(
      f.controllerNotStash.controller,
    );
  });

  it('reads the whole 84-era window: rewards, points, prefs, exposures and claimed pages', () => {
    const history = snapshot.staking.history;
    expect(history).toHaveLength(84);
    expect(history).toEqual(seeded.scenario.expected.staking.history);
    const { validator, era, claimed } = seeded.scenario.fixtures.validators.partlyClaimed;
    expect(history.find((h) => h.era === era)?.claimed[validator]).toEqual(claimed);
  });

  it("reads the runtime's staking constants from its metadata", () => {
    expect(snapshot.constants).toEqual(seeded.scenario.expected.constants);
    expect(snapshot.constants).toMatchObject({
      historyDepth: 84,
      bondingDuration: 28,
      nominatorsSlashable: true,
      sessionsPerEra: 6,
      maxExposurePageSize: 512,
      // Statemine 2,003,000 states it (28 on Kusama); 1,009,003 has no fast unbonding.
      nominatorFastUnbondDuration: runtime === 2_003_000 ? 28 : null,
      selfStakeIncentive: runtime === 2_003_000 ? SCENARIO_INCENTIVE : null,
    });
  });

  it('reads the self-stake incentive of the paid eras (none before statemine 2,003,000)', () => {
    const withIncentive = snapshot.staking.history.filter((h) => h.incentive);
    if (runtime !== 2_003_000) {
      expect(withIncentive).toEqual([]);
      return;
    }
    expect(withIncentive.map((h) => h.era)).toEqual(
      snapshot.staking.history.filter((h) => h.validatorReward !== null).map((h) => h.era),
    );
    const last = withIncentive.at(-1)!;
    const elected = Object.keys(last.overviews).length;
    const weighted = Object.keys(last.incentive!.weights).length;
    expect(weighted).toBeGreaterThan(0);
    expect(weighted).toBeLessThan(elected);
    expect(last.incentive!.budget).toBe(last.validatorReward! / 20n);
    expect(last.incentive!.totalWeight).toBe(
      Object.values(last.incentive!.weights).reduce((a, b) => a + b, 0n),
    );
  });

  it('reads the treasury exactly as seeded: constants, holdings with rates, every spend, proposals, approvals', () => {
    expect(snapshot.treasury).toEqual(seeded.scenario.expected.treasury);
  });

  it('reads bounties of both pallets exactly as seeded, with their children (no MultiAssetBounties before 2,003,000)', () => {
    expect(snapshot.bounties).toEqual(seeded.scenario.expected.bounties);
    expect(snapshot.bounties?.multiAssetBountyCount === null).toBe(runtime < 2_003_000);
  });

  it('reads pools and members', () => {
    expect(snapshot.pools).toEqual(seeded.scenario.expected.pools);
  });

  it('reads referenda in every phase, tracks and queues', () => {
    const { proposalSummaries, proposalCalls = {}, ...governance } = snapshot.governance;
    const { proposalSummaries: expectedSummaries, ...expected } = seeded.scenario.expected.governance;
    expect(governance).toEqual(expected);
    expect(governance.tracks.map((t) => t.name)).toContain('small_spender');
    expect(governance.tracks).toHaveLength(16);
    for (const [phase, ids] of Object.entries(seeded.scenario.fixtures.referenda)) {
      for (const id of ids) {
        const info = governance.referenda[id];
        expect(info, `referendum ${id} (${phase})`).toBeDefined();
        if (['approved', 'rejected', 'cancelled', 'timedOut', 'killed'].includes(phase))
          expect(info?.status).toBe(phase);
        else expect(info?.status).toBe('ongoing');
      }
    }
    // Summaries: the seeded call name, with amounts and beneficiaries; the hash when no preimage is on chain.
    expect(Object.keys(proposalSummaries).sort()).toEqual(Object.keys(expectedSummaries).sort());
    for (const [id, expectedText] of Object.entries(expectedSummaries)) {
      if (expectedText.startsWith('0x')) expect(proposalSummaries[Number(id)]).toBe(expectedText);
      else expect(proposalSummaries[Number(id)]?.startsWith(expectedText)).toBe(true);
    }
    const spend = Object.entries(proposalSummaries).find(([, s]) => s.startsWith('treasury.spend '));
    expect(spend?.[1]).toMatch(/^treasury\.spend [\d,.]+ (KSM|USDT|USDC) to [1-9A-HJ-NP-Za-km-z]{47,48}$/);
    // The structured call, for titles: exactly the proposals whose call is on chain.
    const decoded = Object.keys(expectedSummaries).filter(
      (id) => !expectedSummaries[Number(id)]!.startsWith('0x'),
    );
    expect(Object.keys(proposalCalls).sort()).toEqual(decoded.sort());
    for (const [id, call] of Object.entries(proposalCalls))
      expect(`${call.pallet}.${call.method}`, id).toBe(expectedSummaries[Number(id)]);
    const spendCall = proposalCalls[Number(spend?.[0])];
    expect(spendCall?.amount?.asset?.symbol).toMatch(/^(KSM|USDT|USDC)$/);
    expect(spend?.[1]).toContain(`to ${spendCall?.beneficiary}`);
    const batch = Object.values(proposalCalls).find((c) => c.method === 'batch');
    expect(batch?.callCount).toBeGreaterThan(0);
    expect(batch?.calls?.length).toBe(Math.min(3, batch?.callCount ?? 0));
  });

  it('keeps paid eras: the next read takes past eras from the archive and asks far less', async () => {
    expect(first.history.erasReadFromChain).toBe(84);
    const again = await readSnapshot({ assetHub: [seeded.chain.endpoint] }, { archive });
    expect(again.history.erasFromArchive).toBe(83);
    expect(again.history.erasReadFromChain).toBe(1);
    expect(again.rpcRequests).toBeLessThan(first.rpcRequests / 2);
    expect(again.snapshot.staking.history).toEqual(snapshot.staking.history);
  });

  it('reads every vote, delegation, prior lock and class lock as seeded, and the voting rules', () => {
    const e = seeded.scenario.expected;
    expect(snapshot.voting).toEqual(e.voting);
    expect(snapshot.votingRules).toEqual({ ...e.votingRules, specVersion: runtime });
    const cases = seeded.scenario.fixtures.voterCases;
    const delegate = snapshot.voting[cases.delegate.address]!;
    expect(delegate.delegators[cases.delegate.track]?.count).toBe(cases.delegate.delegators.length);
    const delegating = snapshot.voting[cases.delegating.address]!.classes[cases.delegating.track];
    expect(delegating).toMatchObject({ type: 'delegating', target: cases.delegate.address });
    expect(snapshot.voting[cases.priorExpired.address]!.classLocks).toEqual([
      { track: cases.priorExpired.track, amount: cases.priorExpired.prior.amount },
    ]);
    expect(snapshot.voting[cases.noVotes.address]).toBeUndefined();
  });

  it('gives every watched address a record: an empty one when it has never voted', async () => {
    const cases = seeded.scenario.fixtures.voterCases;
    const watched = [cases.noVotes.address, cases.direct.address];
    const { snapshot: read } = await readSnapshot(
      { assetHub: [seeded.chain.endpoint] },
      { archive, watched },
    );
    expect(read.voting).toEqual({ ...seeded.scenario.expected.voting, [cases.noVotes.address]: EMPTY_VOTER });
    expect(read.voting[cases.direct.address]!.classes[cases.direct.track]).toMatchObject({
      type: 'casting',
      votes: cases.direct.referenda.map((referendum) => ({ referendum })),
    });
    expect(read.warnings).toEqual([]);
  });

  it('reads applied and unapplied slashes as seeded', async () => {
    const [v1, v2] = Object.keys(seeded.scenario.expected.staking.validators);
    const era = seeded.scenario.expected.staking.activeEra.index;
    let scenario = seeded.scenario;
    for (const spec of [
      { validator: v1!, era: era - 3, fraction: 5_000_000, amount: 3n * 10n ** 12n, applied: true },
      { validator: v2!, era: era + 27, fraction: 1_000_000, amount: 10n ** 15n, applied: false },
      { validator: v1!, era: era + 26, fraction: 2_000_000, amount: 7n, applied: false },
    ]) {
      const change = addSlash(scenario, spec);
      await seeded.apply(change.changes);
      scenario = change.scenario;
    }
    seeded.scenario = scenario;
    const { snapshot: read } = await readSnapshot({ assetHub: [seeded.chain.endpoint] }, { archive });
    expect(read.staking.slashes).toHaveLength(3);
    expect(read.staking.slashes).toEqual(scenario.expected.staking.slashes);
    expect(read.staking.slashes.map((s) => [s.kind, s.era])).toEqual([
      ['applied', era - 3],
      ['unapplied', era + 26],
      ['unapplied', era + 27],
    ]);
  });

  it.runIf(runtime === 2_003_000)(
    'reads whether nominators are slashable, as governance set it',
    async () => {
      for (const slashable of [false, true]) {
        const change = setNominatorsSlashable(seeded.scenario, slashable);
        await seeded.apply(change.changes);
        seeded.scenario = change.scenario;
        const { snapshot: read } = await readSnapshot({ assetHub: [seeded.chain.endpoint] }, { archive });
        expect(read.constants).toEqual(change.scenario.expected.constants);
        expect(read.constants.nominatorsSlashable).toBe(slashable);
      }
    },
  );
});
