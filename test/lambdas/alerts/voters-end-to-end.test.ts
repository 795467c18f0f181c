/**
 * The voter alerts end to end, with an unbonding chunk beside them: scenario changes on the dev
 * chain (a decision end approaching while the delegate has not voted, the delegate voting, voted
 * referenda ending, relay time passing a prior lock's end, an unbonding chunk's era passing), the
 * snapshot job, detection on the store's version difference, and delivery through the real
 * notifiers to the fake Telegram and Discord servers. Each reaches each platform exactly once, and
 * detecting and dispatching again sends nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertKind } from '../../../core/alerts/alert-types.js';
import type { DeliveryRecord } from '../../../core/ports/alert-records.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import { type LocalAlerts, startLocalAlerts } from '../../../dev/alerts/local-runner.js';
import { nextEra, type Scenario, type ScenarioChange } from '../../../dev/scenario/index.js';
import {
  delegateVotes,
  endReferendum,
  newDecidingReferendum,
  passRelayBlock,
  unbondingDueNextEra,
} from '../../../dev/scenario/voter-mutations.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type SeededChain, seededChain } from '../snapshot/chain-fixture.js';
import { dcChannel, type Platforms, startPlatforms, tgChat } from './harness.js';

const HOUR = 3_600_000;
const KSM = 10n ** 12n;
const KINDS: AlertKind[] = [
  'delegate-not-voted',
  'delegate-voted',
  'voted-ref-ended',
  'lock-unlockable',
  'unbond-withdrawable',
];

describe('voter alerts end to end: dev chain → snapshot → detection → fake platforms', () => {
  let seeded: SeededChain;
  let dynamo: TestDynamo;
  let platforms: Platforms;
  let store: SnapshotStore;
  let subs: SubscriptionStore;
  let alerts: LocalAlerts;
  const archive = new MemoryEraArchive();
  let chainTime = 0;
  let stepStarted = Date.now();
  const clock = () => chainTime + 60_000 + (Date.now() - stepStarted);
  const telegram = tgChat(21);
  const discord = dcChannel(21);
  const targets: DeliveryTarget[] = [telegram, discord];
  /** The referendum the new deciding one got. */
  let fresh = 0;

  async function step(changes: Array<(s: Scenario) => ScenarioChange>) {
    for (const f of changes) {
      const change = f(seeded.scenario);
      await seeded.apply(change.changes);
      seeded.scenario = change.scenario;
    }
    const summary = await runSnapshotJob({
      store,
      endpoints: { assetHub: [seeded.chain.endpoint] },
      archive,
      watched: () => subs.watchedAddresses(),
    });
    chainTime = seeded.scenario.expected.anchor.timestampMs;
    stepStarted = Date.now();
    const run = await alerts.afterSnapshot({ version: summary.version, endpoint: seeded.chain.endpoint });
    await alerts.idle();
    return run!;
  }

  const records = async (): Promise<Array<DeliveryRecord & { at: DeliveryTarget }>> => {
    const out: Array<DeliveryRecord & { at: DeliveryTarget }> = [];
    for (const t of targets)
      for (const r of await alerts.records.recent(t, { limit: 200 })) out.push({ ...r, at: t });
    return out;
  };
  const of = async (kind: AlertKind, address: string) =>
    (await records()).filter(
      (r) => r.alert.facts.kind === kind && (r.alert.scope as { address?: string }).address === address,
    );
  const cases = () => seeded.scenario.fixtures.voterCases;

  beforeAll(async () => {
    [seeded, dynamo, platforms] = await Promise.all([seededChain(11), startTestDynamo(), startPlatforms()]);
    const tableName = await dynamo.newTable('voters-e2e');
    store = createDynamoStore({ client: dynamo.client, tableName });
    subs = createSubscriptionStore({ client: dynamo.client, tableName });
    alerts = startLocalAlerts({
      client: dynamo.client,
      tableName,
      store,
      notifiers: platforms.notifiers(),
      clock,
      leaseMs: 5_000,
      backoff: { baseMs: 50, maxMs: 500, maxAttempts: 8 },
    });
    const c = cases();
    const watched = [
      c.delegating.address,
      c.direct.address,
      c.priorLocked.address,
      seeded.scenario.fixtures.ledgers.lockedChunk,
    ];
    for (const t of targets)
      for (const address of watched)
        await subs.subscribe({ ...t, createdBy: '1' }, { kind: 'address', address });
  }, 120_000);

  afterAll(async () => {
    await alerts?.close();
    await seeded?.close();
    await platforms?.close();
    await dynamo?.close();
  });

  it('a first run: no voter news, only standing states', async () => {
    await step([]);
    const rs = await records();
    expect(rs.filter((r) => ['delegate-voted', 'voted-ref-ended'].includes(r.alert.facts.kind))).toEqual([]);
  }, 120_000);

  it("the decision end approaches and the delegate has not voted: the delegator is told, not 'has not voted'", async () => {
    const c = cases();
    fresh = seeded.scenario.expected.governance.referendumCount;
    await step([(s) => newDecidingReferendum(s, c.delegating.track, 20 * HOUR)]);
    const told = await of('delegate-not-voted', c.delegating.address);
    expect(told.map((r) => r.at.platform).sort()).toEqual(['discord', 'telegram']);
    expect(told[0]!.alert.facts).toMatchObject({
      referendum: fresh,
      delegate: { address: c.delegate.address, delegating: false },
      leadMinutes: 1_440,
    });
    const own = await of('ref-not-voted', c.delegating.address);
    expect(own.filter((r) => (r.alert.facts as { referendum: number }).referendum === fresh)).toEqual([]);
  }, 180_000);

  it('the delegate votes: the delegator hears how, with its own stake', async () => {
    const c = cases();
    await step([
      (s) => delegateVotes(s, fresh, { kind: 'Standard', aye: true, conviction: 3, balance: 120n * KSM }),
    ]);
    const told = await of('delegate-voted', c.delegating.address);
    expect(told.map((r) => r.at.platform).sort()).toEqual(['discord', 'telegram']);
    expect(told[0]!.alert.facts).toMatchObject({
      referendum: fresh,
      delegate: { address: c.delegate.address },
      vote: { type: 'standard', aye: true, conviction: 3, balance: String(120n * KSM) },
      delegated: { balance: String(c.delegating.balance), conviction: c.delegating.conviction },
    });
  }, 180_000);

  it('voted referenda end: the direct voter keeps its lock, the delegator hears through its delegate', async () => {
    const c = cases();
    const approved = c.direct.referenda[0]!;
    const rejected = c.delegate.referenda[0]!;
    const changes = [(s: Scenario) => endReferendum(s, approved, 'approved')];
    if (rejected !== approved) changes.push((s) => endReferendum(s, rejected, 'rejected'));
    await step(changes);
    const direct = await of('voted-ref-ended', c.direct.address);
    expect(direct.map((r) => r.at.platform).sort()).toEqual(['discord', 'telegram']);
    expect(direct[0]!.alert.facts).toMatchObject({
      referendum: approved,
      outcome: 'approved',
      delegate: null,
      lock: { state: 'locked', amount: String(25n * KSM) },
    });
    const delegated = await of('voted-ref-ended', c.delegating.address);
    expect(delegated.map((r) => r.at.platform).sort()).toEqual(['discord', 'telegram']);
    expect(delegated[0]!.alert.facts).toMatchObject({
      referendum: rejected,
      delegate: { address: c.delegate.address },
      lock: { state: 'delegated', amount: String(c.delegating.balance), days: 14 },
    });
  }, 180_000);

  it("relay time passes a prior lock's end: the funds can be unlocked, with the call", async () => {
    const c = cases();
    await step([(s) => passRelayBlock(s, c.priorLocked.prior.until)]);
    const told = await of('lock-unlockable', c.priorLocked.address);
    expect(told.map((r) => r.at.platform).sort()).toEqual(['discord', 'telegram']);
    expect(told[0]!.alert.facts).toMatchObject({
      amount: String(c.priorLocked.prior.amount),
      calls: [{ call: 'unlock', track: c.priorLocked.track }],
    });
  }, 180_000);

  it("an unbonding chunk's era passes: withdrawable once", async () => {
    const stash = seeded.scenario.fixtures.ledgers.lockedChunk;
    const due = seeded.scenario.expected.staking.activeEra.index + 1;
    await step([(s) => unbondingDueNextEra(s, stash, KSM)]);
    expect(await of('unbond-withdrawable', stash)).toEqual([]);
    await step([(s) => nextEra(s)]);
    const told = (await of('unbond-withdrawable', stash)).filter(
      (r) => (r.alert.facts as { era: number }).era === due,
    );
    expect(told.map((r) => r.at.platform).sort()).toEqual(['discord', 'telegram']);
  }, 180_000);

  it('each reached each platform exactly once, also after detecting and dispatching twice more', async () => {
    const again = await step([]);
    expect(
      again.alerts.filter((a) => a.facts.kind !== 'unbond-withdrawable' && KINDS.includes(a.facts.kind)),
    ).toEqual([]);
    await alerts.afterSnapshot();
    await alerts.idle();
    const rs = await records();
    expect(rs.filter((r) => r.state !== 'sent')).toEqual([]);
    for (const kind of KINDS)
      expect(
        rs.some((r) => r.alert.facts.kind === kind),
        kind,
      ).toBe(true);
    // One record per (alert, target), and what each platform shows equals the records.
    const perTarget = new Map<string, number>();
    for (const r of rs)
      perTarget.set(`${r.at.id} ${r.alert.id}`, (perTarget.get(`${r.at.id} ${r.alert.id}`) ?? 0) + 1);
    expect([...perTarget.values()].every((n) => n === 1)).toBe(true);
    const titles = new Map<string, number>();
    for (const call of platforms.telegram.delivered())
      for (const m of String(call.params.text).matchAll(/(?:ℹ️|⚠️|🚨) <b>([^<]+)<\/b>/g))
        titles.set(`telegram ${m[1]}`, (titles.get(`telegram ${m[1]}`) ?? 0) + 1);
    for (const call of platforms.discordProxy.calls) {
      if (call.method !== 'POST' || call.status !== 200) continue;
      for (const e of (call.json as { embeds?: Array<{ title?: string }> }).embeds ?? [])
        titles.set(`discord ${e.title}`, (titles.get(`discord ${e.title}`) ?? 0) + 1);
    }
    for (const t of targets) {
      const sent = [...titles].filter(([k]) => k.startsWith(`${t.platform} `)).reduce((n, [, c]) => n + c, 0);
      expect(sent, t.platform).toBe(rs.filter((r) => r.at.id === t.id).length);
    }
    const before = platforms.telegram.delivered().length + platforms.discordProxy.calls.length;
    await alerts.afterSnapshot();
    await alerts.idle();
    expect(platforms.telegram.delivered().length + platforms.discordProxy.calls.length).toBe(before);
  }, 120_000);
});
