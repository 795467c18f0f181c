/**
 * Every alert kind end to end: scenario changes on the dev chain, the snapshot job, detection on
 * the store's version difference, and delivery through the real notifiers to the fake Telegram and
 * Discord servers. Each subscriber gets each alert exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_KINDS, type AlertKind } from '../../../core/alerts/alert-types.js';
import { ALERT_RULES } from '../../../core/alerts/rules/index.js';
import { RELAY_BLOCK_MS } from '../../../core/kusama/constants.js';
import type { DeliveryRecord } from '../../../core/ports/alert-records.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import { ENTITY, type StatusEntity } from '../../../core/snapshot/entities.js';
import type { OngoingReferendum } from '../../../core/types/governance.js';
import { type LocalAlerts, startLocalAlerts } from '../../../dev/alerts/local-runner.js';
import { assetHubRuntime, withSpecVersion } from '../../../dev/chain/runtimes.js';
import {
  addSlash,
  advanceClock,
  dropFromActiveEra,
  setPoolState,
  setReferendum,
  setValidatorPrefs,
} from '../../../dev/scenario/alert-mutations.js';
import { addReferendum, nextEra, type Scenario, type ScenarioChange } from '../../../dev/scenario/index.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import {
  createSubscriptionStore,
  startSettingsSummaries,
} from '../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type SeededChain, seededChain } from '../snapshot/chain-fixture.js';
import { dcChannel, type Platforms, startPlatforms, tgChat } from './harness.js';

const HOUR = 3_600_000;
const VOTER_KINDS: AlertKind[] = [
  'delegate-not-voted',
  'delegate-voted',
  'voted-ref-ended',
  'lock-unlockable',
];
/** The treasury and bounty kinds have their own end-to-end tests (treasury-*end-to-end.test.ts). */
const TREASURY_KINDS: AlertKind[] = ALERT_KINDS.filter((k) => /^(spend|bounty)-/.test(k));
/** So have the coretime, para and crowdloan kinds (parachains-end-to-end.test.ts). */
const PARACHAIN_KINDS: AlertKind[] = ALERT_RULES.filter(
  (r) => r.group === 'coretime' || r.group === 'parachains',
).map((r) => r.kind);

describe('alerts end to end: dev chain → snapshot → detection → fake platforms', () => {
  let seeded: SeededChain;
  let dynamo: TestDynamo;
  let platforms: Platforms;
  let store: SnapshotStore;
  let subs: SubscriptionStore;
  let alerts: LocalAlerts;
  const archive = new MemoryEraArchive();
  /** Chain time of the latest snapshot; the alert clock runs from it (plus real time since the step began). */
  let chainTime = 0;
  let stepStarted = Date.now();
  let clockLag = 60_000;
  const clock = () => chainTime + clockLag + (Date.now() - stepStarted);

  const referendaAll = tgChat(1);
  const referendaTrack = dcChannel(1);
  const deadlinesAll = dcChannel(2);
  const deadlinesOneHour = tgChat(2);
  const stakingWatch = tgChat(3);
  const otherWatch = dcChannel(3);
  const operator = tgChat(9);
  const targets = [
    referendaAll,
    referendaTrack,
    deadlinesAll,
    deadlinesOneHour,
    stakingWatch,
    otherWatch,
    operator,
  ];

  let nominator: string;
  let targetsOf: string[];
  let voterDelegating: string;
  let voterSilent: string;
  /** voterDelegating's delegate on track 0, who voted on referendum 24. */
  let delegate: string;
  let expiringNominator: string;
  /** The version in which referenda 28 and 34–37 ended. */
  let endedAt = 0;

  async function step(changes: ScenarioChange[], endpoint = seeded.chain.endpoint) {
    for (const change of changes) {
      await seeded.apply(change.changes);
      seeded.scenario = change.scenario;
    }
    const summary = await runSnapshotJob({
      store,
      endpoints: { assetHub: [endpoint] },
      archive,
      watched: () => subs.watchedAddresses(),
    });
    chainTime = seeded.scenario.expected.anchor.timestampMs;
    stepStarted = Date.now();
    const run = await alerts.afterSnapshot({ version: summary.version, endpoint });
    await alerts.idle();
    return Object.assign(run!, { summary });
  }

  const apply = (f: (s: Scenario) => ScenarioChange): ScenarioChange => {
    const change = f(seeded.scenario);
    seeded.scenario = change.scenario;
    return change;
  };

  beforeAll(async () => {
    [seeded, dynamo, platforms] = await Promise.all([seededChain(11), startTestDynamo(), startPlatforms()]);
    const tableName = await dynamo.newTable('alerts-e2e');
    await startSettingsSummaries({ client: dynamo.client, tableName });
    store = createDynamoStore({ client: dynamo.client, tableName });
    subs = createSubscriptionStore({ client: dynamo.client, tableName });
    alerts = startLocalAlerts({
      client: dynamo.client,
      tableName,
      store,
      notifiers: platforms.notifiers(),
      clock,
      operators: [operator],
      leaseMs: 5_000,
      backoff: { baseMs: 50, maxMs: 500, maxAttempts: 8 },
    });

    const s = seeded.scenario;
    const f = s.fixtures;
    nominator = f.nominators.allTargetsActive;
    targetsOf = s.expected.staking.nominators[nominator]!.targets;
    const delegation = f.voting.find((v) => v.kind === 'Delegating' && v.track === 0)!;
    voterDelegating = delegation.who;
    voterSilent = f.voting.find((v) => v.kind === 'Casting' && v.track === 14)!.who;
    // A nominator with an unpaid page in one of the eras that expire within 4 eras.
    const soon = s.expected.staking.history.filter(
      (h) => h.era <= f.eras.expiresNext + 4 && h.validatorReward !== null,
    );
    const page = soon
      .flatMap((h) => h.pages.filter((p) => !(h.claimed[p.validator] ?? []).includes(p.page)))
      .find((p) => p.others.length > 0)!;
    expiringNominator = page.others[0]!.who;

    const by = { createdBy: '1' };
    await subs.subscribe({ ...referendaAll, ...by }, { kind: 'referenda', track: null });
    await subs.subscribe({ ...referendaTrack, ...by }, { kind: 'referenda', track: 31 });
    await subs.subscribe(
      { ...deadlinesAll, ...by },
      { kind: 'deadlines', scope: { type: 'all' }, leadMinutes: [1_440, 60] },
    );
    await subs.subscribe(
      { ...deadlinesOneHour, ...by },
      { kind: 'deadlines', scope: { type: 'referendum', referendum: 24 }, leadMinutes: [60] },
    );
    for (const address of [nominator, f.nominators.noTargetsActive, f.ledgers.withdrawableChunk])
      await subs.subscribe({ ...stakingWatch, ...by }, { kind: 'address', address });
    delegate = (delegation as { target: string }).target;
    for (const address of [f.pools.member, expiringNominator, voterDelegating, voterSilent, delegate])
      await subs.subscribe({ ...otherWatch, ...by }, { kind: 'address', address });
  }, 120_000);

  afterAll(async () => {
    await alerts?.close();
    await seeded?.close();
    await platforms?.close();
    await dynamo?.close();
  });

  const records = async (): Promise<Array<DeliveryRecord & { at: DeliveryTarget }>> => {
    const out: Array<DeliveryRecord & { at: DeliveryTarget }> = [];
    for (const t of targets)
      for (const r of await alerts.records.recent(t, { limit: 200 })) out.push({ ...r, at: t });
    return out;
  };
  const kindsOf = (rs: DeliveryRecord[]) => new Set(rs.map((r) => r.alert.facts.kind));

  it('a first run alerts the standing states: no active nomination, withdrawable chunk, rewards about to expire', async () => {
    const run = await step([]);
    expect(run.base).toBeNull();
    const kinds = kindsOf(await records());
    for (const k of ['no-active-nomination', 'unbond-withdrawable', 'rewards-expiring'] as AlertKind[])
      expect(kinds).toContain(k);
  }, 120_000);

  it('phase changes, prefs, pool state and slashes between two snapshots', async () => {
    const e = seeded.scenario.expected;
    const now = e.anchor.relayBlock;
    const ref = (id: number) => e.governance.referenda[id] as OngoingReferendum;
    const track = (id: number) => e.governance.tracks.find((t) => t.id === ref(id).track)!;
    const changes = [
      // Referendum 24 (root) decides until 20 h from now.
      apply((s) =>
        setReferendum(s, {
          ...ref(24),
          deciding: {
            since: now + (20 * HOUR) / RELAY_BLOCK_MS - track(24).decisionPeriod,
            confirming: null,
          },
        }),
      ),
      apply((s) => addReferendum(s, { track: 31 })),
      apply((s) =>
        setReferendum(s, {
          ...ref(29),
          deciding: { since: now - 10, confirming: null },
          decisionDeposit: ref(29).submissionDeposit,
        }),
      ),
      apply((s) =>
        setReferendum(s, {
          ...ref(33),
          deciding: { since: ref(33).deciding!.since, confirming: now + track(33).confirmPeriod },
        }),
      ),
      apply((s) =>
        setReferendum(s, { ...ref(27), deciding: { since: ref(27).deciding!.since, confirming: null } }),
      ),
      apply((s) =>
        setReferendum(s, {
          status: 'approved',
          id: 28,
          block: now - 5,
          submissionDeposit: null,
          decisionDeposit: null,
        }),
      ),
      ...(['rejected', 'timedOut', 'cancelled', 'killed'] as const).map((status, i) =>
        apply((s) =>
          setReferendum(s, {
            status,
            id: 34 + i,
            block: now - 5,
            submissionDeposit: null,
            decisionDeposit: null,
          }),
        ),
      ),
      apply((s) =>
        setValidatorPrefs(s, targetsOf[0]!, {
          commission: e.staking.validators[targetsOf[0]!]!.commission + 50_000_000,
          blocked: false,
        }),
      ),
      apply((s) =>
        setValidatorPrefs(s, targetsOf[1]!, {
          commission: e.staking.validators[targetsOf[1]!]!.commission,
          blocked: true,
        }),
      ),
      apply((s) => setValidatorPrefs(s, targetsOf[2]!, null)),
      apply((s) => setPoolState(s, s.fixtures.pools.poolId, 'Blocked')),
      apply((s) =>
        addSlash(s, {
          validator: targetsOf[0]!,
          era: e.staking.activeEra.index,
          fraction: 1_000_000,
          amount: 10n ** 13n,
          applied: true,
        }),
      ),
      apply((s) =>
        addSlash(s, {
          validator: targetsOf[1]!,
          era: e.staking.activeEra.index + 27,
          fraction: 2_000_000,
          amount: 2n * 10n ** 13n,
          applied: false,
        }),
      ),
    ];
    const run = await step(changes);
    endedAt = run.version;
    expect(run.base).not.toBeNull();
    expect(run.notes).toEqual([]);
    const kinds = kindsOf(await records());
    for (const k of [
      'ref-submitted',
      'ref-decision-started',
      'ref-confirm-started',
      'ref-confirm-aborted',
      'ref-approved',
      'ref-ended',
      'ref-deadline',
      'ref-not-voted',
      'commission-raised',
      'target-blocked',
      'target-chilled',
      'pool-state',
      'validator-slashed',
      'unapplied-slash',
    ] as AlertKind[])
      expect(kinds, k).toContain(k);
    const approved = (await records()).find((r) => r.alert.facts.kind === 'ref-approved')!;
    expect(approved.alert.facts).toMatchObject({ referendum: 28, enactment: { block: 31542219 } });
    // Referendum 24 now ends within 24 h: every watched address that has not voted on it is told;
    // the delegate, who voted, is not, and neither is the address delegating to it (its delegate's
    // vote carries its own, and delegate-not-voted speaks only of a delegate that has not voted).
    const notVoted = (await records()).filter(
      (r) =>
        ['ref-not-voted', 'delegate-not-voted'].includes(r.alert.facts.kind) &&
        (r.alert.facts as { referendum: number }).referendum === 24,
    );
    const told = new Set(notVoted.map((r) => (r.alert.facts as { address: string }).address));
    expect(told).toContain(voterSilent);
    expect(told).toContain(nominator);
    expect(told).not.toContain(delegate);
    expect(told).not.toContain(voterDelegating);
  }, 180_000);

  it('a new era: the era paid with its estimate, and a nominated validator out of the active set', async () => {
    const change = apply((s) => nextEra(s));
    const dropped = apply((s) => dropFromActiveEra(s, targetsOf[0]!));
    await step([change, dropped]);
    const rs = await records();
    const paid = rs.find(
      (r) =>
        r.alert.facts.kind === 'era-paid' && (r.alert.facts as { address: string }).address === nominator,
    );
    expect(paid).toBeDefined();
    expect(BigInt((paid!.alert.facts as { estimate: string }).estimate)).toBeGreaterThan(0n);
    expect(
      rs.some(
        (r) =>
          r.alert.facts.kind === 'target-left-active' &&
          (r.alert.facts as { validator: string }).validator === targetsOf[0],
      ),
    ).toBe(true);
  }, 180_000);

  it('the 1 h deadline fires once, for the subscription that has it; ended referenda get none', async () => {
    const e = seeded.scenario.expected;
    const end =
      (e.governance.referenda[24] as OngoingReferendum).deciding!.since +
      e.governance.tracks.find((t) => t.id === 0)!.decisionPeriod;
    const toGo = (end - e.anchor.relayBlock) * RELAY_BLOCK_MS - 30 * 60_000;
    await step([apply((s) => advanceClock(s, toGo))]);
    await step([]);
    const deadlines = (await records()).filter(
      (r) =>
        r.alert.facts.kind === 'ref-deadline' && (r.alert.facts as { referendum: number }).referendum === 24,
    );
    const seen = deadlines.map((r) => `${r.at.id} ${r.alert.id}`).sort();
    expect(seen).toEqual(
      [
        `${deadlinesAll.id} deadline:24:decision:24h`,
        `${deadlinesAll.id} deadline:24:decision:1h`,
        `${deadlinesOneHour.id} deadline:24:decision:1h`,
      ].sort(),
    );
    const ended = new Set([28, 34, 35, 36, 37]);
    const afterEnd = (await records()).filter(
      (r) =>
        r.alert.facts.kind === 'ref-deadline' &&
        ended.has((r.alert.facts as { referendum: number }).referendum) &&
        r.alert.version >= endedAt,
    );
    expect(afterEnd).toEqual([]);
  }, 180_000);

  it('data health: a failover to another endpoint and stale data reach the operator', async () => {
    clockLag = 20 * 60_000;
    await step([], `ws://localhost:${seeded.chain.port}`);
    clockLag = 60_000;
    const ops = await alerts.records.recent(operator, { limit: 50 });
    expect(ops.map((r) => r.alert.facts.kind).sort()).toEqual(
      expect.arrayContaining(['endpoint-failover', 'snapshot-stale']),
    );
  }, 120_000);

  it('a runtime upgrade reaches the operator once, with the spec versions, and /status data records it', async () => {
    await seeded.chain.upgradeRuntime(withSpecVersion(assetHubRuntime(), 2_003_001));
    const first = await step([]);
    await step([]);
    const ops = await alerts.records.recent(operator, { limit: 50 });
    const upgrades = ops.filter((r) => r.alert.facts.kind === 'runtime-upgraded');
    expect(upgrades.map((r) => r.alert.id)).toEqual(['health:runtime:2003001']);
    expect(upgrades[0]!.alert.facts).toMatchObject({ from: 2_003_000, to: 2_003_001, warnings: [] });
    expect(upgrades[0]!.alert.version).toBe(first.summary.version);
    expect(first.summary.runtimeUpgrade).toEqual({ from: 2_003_000, to: 2_003_001 });
    const status = await store.getEntity<StatusEntity>(ENTITY.status, 'current');
    expect(status?.runtime).toEqual({
      specVersion: 2_003_001,
      previousSpecVersion: 2_003_000,
      since: { relayBlock: status!.anchor.relayBlock, timestampMs: status!.anchor.timestampMs },
    });
  }, 120_000);

  it('a slash alone, with no change to the nominator itself, still reaches those who nominate the validator', async () => {
    const era = seeded.scenario.expected.staking.activeEra.index;
    const slashId = `slash:${nominator}:${targetsOf[0]}:${era}`;
    expect((await records()).some((r) => r.alert.id === slashId)).toBe(false);
    const run = await step([
      apply((s) =>
        addSlash(s, {
          validator: targetsOf[0]!,
          era,
          fraction: 3_000_000,
          amount: 10n ** 12n,
          applied: true,
        }),
      ),
    ]);
    expect(run.stats.accountsChecked).toBe(0);
    const slashed = (await records()).filter((r) => r.alert.id === slashId);
    expect(slashed.map((r) => r.at.id)).toEqual([stakingWatch.id]);
    expect(slashed[0]!.alert.facts).toMatchObject({ era, fraction: 3_000_000, amount: String(10n ** 12n) });
    // The same slash in the next version is not news.
    const again = await step([]);
    expect(again.alerts.filter((a) => a.id.startsWith('slash:'))).toEqual([]);
  }, 120_000);

  it('covers every alert kind, each delivered exactly once per subscriber on both platforms', async () => {
    const rs = await records();
    // The voter kinds have their own end-to-end test (voters-end-to-end.test.ts); some may show here too.
    const seen = kindsOf(rs);
    for (const kind of ALERT_KINDS.filter(
      (k) => !VOTER_KINDS.includes(k) && !TREASURY_KINDS.includes(k) && !PARACHAIN_KINDS.includes(k),
    ))
      expect(seen, kind).toContain(kind);
    expect(rs.filter((r) => r.state !== 'sent')).toEqual([]);
    // What the platforms received: alert titles per chat, counted.
    const units = new Map<string, number>();
    for (const call of platforms.telegram.delivered()) {
      const n = [...String(call.params.text).matchAll(/(ℹ️|⚠️|🚨) <b>/g)].length;
      units.set(String(call.params.chat_id), (units.get(String(call.params.chat_id)) ?? 0) + n);
    }
    for (const call of platforms.discordProxy.calls) {
      const channel = /\/channels\/([0-9]+)\/messages$/.exec(call.path)?.[1];
      if (call.method !== 'POST' || call.status !== 200 || !channel) continue;
      units.set(
        channel,
        (units.get(channel) ?? 0) + ((call.json as { embeds?: unknown[] }).embeds?.length ?? 0),
      );
    }
    for (const t of targets)
      expect(units.get(t.id) ?? 0, `${t.platform} ${t.id}`).toBe(rs.filter((r) => r.at.id === t.id).length);
    expect([...units.keys()].some((id) => id.startsWith('-'))).toBe(true);
    expect([...units.keys()].some((id) => !id.startsWith('-'))).toBe(true);
    // Detecting the same version again sends nothing new.
    const before = platforms.telegram.delivered().length + platforms.discordProxy.calls.length;
    await alerts.afterSnapshot();
    await alerts.idle();
    expect(platforms.telegram.delivered().length + platforms.discordProxy.calls.length).toBe(before);
  }, 60_000);
});
