/**
 * The coretime, para and crowdloan alerts end to end on the dev chains: the scenario's parachain
 * mutations (a lifecycle change, relay time reaching the price level and each renewal lead with the
 * due para's head stalled, its renewal, the sale's rotations, relay time reaching a contributor's
 * refund) written to the dev Asset Hub, relay and Coretime chains, the snapshot job reading all three, detection on the store's version difference, and
 * delivery through the real notifiers to the fake Telegram and Discord servers. Each alert reaches
 * each platform once, also after detection and dispatch run again; the renewal reminder comes at
 * 7 d, 1 d and 1 h and never after the renewal; the stall alert once for the stalled head.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKsmExact } from '../../../core/format/balance.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import { type LocalAlerts, startLocalAlerts } from '../../../dev/alerts/local-runner.js';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { CORETIME_RUNTIME, RELAY_RUNTIME } from '../../../dev/chain/runtimes.js';
import {
  advanceRelayTime,
  advanceRelayTo,
  priceLevelBlock,
  renewalLeadBlocks,
  renewCore,
  type Scenario,
  type ScenarioChange,
  seedStorage,
  setLifecycle,
  startNextSale,
} from '../../../dev/scenario/index.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type SeededChain, seededChain } from '../snapshot/chain-fixture.js';
import { dcChannel, type Platforms, startPlatforms, tgChat } from './harness.js';

const CORETIME: DeliveryTarget[] = [tgChat(80), dcChannel(80)];
const PARAS: DeliveryTarget[] = [tgChat(81), dcChannel(81)];
const CONTRIB: DeliveryTarget[] = [tgChat(82), dcChannel(82)];

const TITLE: Record<string, RegExp> = {
  'sale-started': /A new coretime sale (?:opens|started)/g,
  'sale-price-below': /Coretime at [0-9.,]+ KSM a core, at or below your/g,
  'renewal-due': /must renew core \d+ within (\w+)/g,
  'para-lifecycle': /(?:is now|registered:|deregistered)/g,
  'para-stalled': /has not advanced for 30m/g,
  'crowdloan-withdrawable': /KSM crowdloan contribution to .{1,40}? can be withdrawn/g,
};

function receipts(platforms: Platforms, target: DeliveryTarget): Map<string, number> {
  const texts =
    target.platform === 'telegram'
      ? platforms.telegram.delivered(target.id).map((c) => String(c.params.text))
      : platforms.discordProxy.calls
          .filter(
            (c) => c.method === 'POST' && c.status === 200 && c.path.includes(`/channels/${target.id}/`),
          )
          .flatMap((c) =>
            ((c.json as { embeds?: Array<{ title?: string }> }).embeds ?? []).map((e) => e.title ?? ''),
          );
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const [kind, pattern] of Object.entries(TITLE))
      for (const m of text.matchAll(pattern)) {
        const key = [kind, ...m.slice(1)].join(' ');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  return counts;
}

describe('coretime and para alerts on the dev chains: mutations → snapshot → detection → fake platforms', () => {
  let seeded: SeededChain;
  let relay: DevChain;
  let coretime: DevChain;
  let dynamo: TestDynamo;
  let platforms: Platforms;
  let store: SnapshotStore;
  let subs: SubscriptionStore;
  let alerts: LocalAlerts;
  const archive = new MemoryEraArchive();
  let chainTime = 0;
  let stepStarted = Date.now();
  const clock = () => chainTime + 60_000 + (Date.now() - stepStarted);
  const received = (t: DeliveryTarget) => receipts(platforms, t);

  async function step(changes: Array<(s: Scenario) => ScenarioChange>) {
    for (const f of changes) {
      const change = f(seeded.scenario);
      await seeded.apply(change.changes);
      if (change.relayChanges?.length) await seedStorage(relay.endpoint, change.relayChanges);
      if (change.coretimeChanges?.length) await seedStorage(coretime.endpoint, change.coretimeChanges);
      seeded.scenario = change.scenario;
    }
    await relay.newBlockAt(seeded.scenario.expected.anchor.relayBlock);
    await relay.newBlock(2);
    await coretime.newBlock();
    const summary = await runSnapshotJob({
      store,
      endpoints: {
        assetHub: [seeded.chain.endpoint],
        relay: [relay.endpoint],
        coretime: [coretime.endpoint],
      },
      archive,
      watched: () => subs.watchedAddresses(),
    });
    chainTime = seeded.scenario.expected.anchor.timestampMs;
    stepStarted = Date.now();
    const run = await alerts.afterSnapshot({ version: summary.version, endpoint: seeded.chain.endpoint });
    await alerts.idle();
    return run!;
  }

  beforeAll(async () => {
    [seeded, relay, coretime, dynamo, platforms] = await Promise.all([
      seededChain(11),
      startDevChain({ runtime: RELAY_RUNTIME }),
      startDevChain({ runtime: CORETIME_RUNTIME }),
      startTestDynamo(),
      startPlatforms(),
    ]);
    const { scenario } = seeded;
    const relayParent = scenario.expected.anchor.relayBlock;
    await relay.newBlockAt(relayParent - 3);
    await seedStorage(relay.endpoint, scenario.relay.storage);
    await seedStorage(coretime.endpoint, scenario.coretime.storage);
    const tableName = await dynamo.newTable('parachains-chain-e2e');
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
  }, 300_000);

  afterAll(async () => {
    await alerts?.close();
    await seeded?.close();
    await relay?.close();
    await coretime?.close();
    await platforms?.close();
    await dynamo?.close();
  });

  it('tells each alert kind once per platform, the renewal at each lead and never after it', async () => {
    const cases = seeded.scenario.fixtures.parachainCases;
    const sale = seeded.scenario.expected.parachains.coretime!.sale!;
    const level = sale.endPrice * 2n;
    const by = { createdBy: '1' };
    const lifecyclePara = cases.lifecycles.Parathread[0]!;
    for (const t of CORETIME)
      await subs.subscribe(
        { ...t, ...by },
        { kind: 'coretime', below: formatKsmExact(level).replace(/ KSM$/, '').replace(/,/g, '') },
      );
    for (const t of PARAS) {
      await subs.subscribe({ ...t, ...by }, { kind: 'para', para: cases.due.para, stallMinutes: 30 });
      await subs.subscribe({ ...t, ...by }, { kind: 'para', para: lifecyclePara, stallMinutes: 60 });
    }
    for (const t of CONTRIB)
      await subs.subscribe({ ...t, ...by }, { kind: 'address', address: cases.contributor });
    // The contributor's next refund: withdrawable from its relay block on, told once from then.
    const refund = seeded.scenario.expected.parachains
      .crowdloan!.contributions.filter((c) => c.contributor === cases.contributor)
      .map((c) => c.block)
      .filter((b) => b > seeded.scenario.expected.anchor.relayBlock)
      .sort((a, b) => a - b)[0]!;
    const refundTold = () => {
      const now = seeded.scenario.expected.anchor.relayBlock;
      for (const t of CONTRIB)
        expect(received(t).get('crowdloan-withdrawable'), `relay block ${now}`).toBe(
          now >= refund ? 1 : undefined,
        );
    };
    await step([]);
    refundTold();
    await step([
      (s) => setLifecycle(s, lifecyclePara, 'UpgradingParathread'),
      (s) => advanceRelayTime(s, 10),
    ]);
    const leads = renewalLeadBlocks(seeded.scenario);
    const priceAt = priceLevelBlock(seeded.scenario, level)!;
    const stalled = { stalled: [cases.due.para] };
    const marks = [priceAt + 1, leads.week + 1, leads.day + 1, leads.hour + 1].sort((a, b) => a - b);
    for (const block of marks)
      if (block > seeded.scenario.expected.anchor.relayBlock) {
        await step([(s) => advanceRelayTo(s, block, stalled)]);
        refundTold();
      }
    // Still within the last hour: a reminder now would repeat the 1-hour id, so the run itself must hold none.
    const renewed = await step([(s) => renewCore(s, cases.due.core), (s) => advanceRelayTime(s, 10)]);
    expect(
      renewed.alerts.filter((a) => a.facts.kind === 'renewal-due' && a.facts.para === cases.due.para),
    ).toEqual([]);
    await step([(s) => startNextSale(s)]);
    for (const t of CORETIME) {
      expect(received(t).get('sale-started')).toBe(1);
      expect(received(t).get('sale-price-below')).toBe(1);
    }
    for (const t of PARAS) {
      expect(received(t).get('para-lifecycle')).toBe(1);
      expect(received(t).get('renewal-due 7d')).toBe(1);
      expect(received(t).get('renewal-due 1d')).toBe(1);
      expect(received(t).get('renewal-due 1h')).toBe(1);
      expect(received(t).get('para-stalled')).toBe(1);
    }
    // Sales rotate until relay time reaches the refund (if the steps above have not), which then
    // becomes withdrawable: told once, and not again as relay time moves on.
    for (let i = 0; i < 8 && renewalLeadBlocks(seeded.scenario).end <= refund; i++) {
      await step([(s) => startNextSale(s)]);
      refundTold();
    }
    if (seeded.scenario.expected.anchor.relayBlock < refund) {
      refundTold();
      await step([(s) => advanceRelayTo(s, refund + 1)]);
    }
    await step([(s) => advanceRelayTime(s, 10)]);
    for (const t of CONTRIB) expect(received(t)).toEqual(new Map([['crowdloan-withdrawable', 1]]));
  }, 900_000);

  it('detection and dispatch run again: nothing more arrives', async () => {
    const targets = [...CORETIME, ...PARAS, ...CONTRIB];
    const before = targets.map((t) => [...received(t)]);
    await alerts.afterSnapshot({ endpoint: seeded.chain.endpoint });
    await alerts.idle();
    expect(targets.map((t) => [...received(t)])).toEqual(before);
  }, 120_000);
});
