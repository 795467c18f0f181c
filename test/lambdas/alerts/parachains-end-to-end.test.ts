/**
 * The coretime, para and crowdloan alerts end to end: versions of `parachains/current` and a
 * contributor's `crowdloan/<address>` written to the store (dynalite) as the snapshot writes them,
 * detection on the store's version difference, and delivery through the real notifiers to the fake
 * Telegram and Discord servers. The scenario's parachain mutations and the chain reader are not used
 * here: the entities are seeded directly, with Kusama's numbers. A new sale opens, its price falls
 * below a chat's 5 KSM, a para becomes a parachain, its renewal falls due (reminded at 7 d, 1 d and
 * 1 h), another para renews after its first reminder and hears no more, a head stalls twice (one
 * alert per stalled head), a contribution becomes withdrawable. Each alert reaches each platform
 * exactly once, also when detection and dispatch run again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import { ENTITY, PARACHAINS_ID, type ParachainsEntity } from '../../../core/snapshot/entities.js';
import type { CoretimeState, ParaRecord } from '../../../core/types/parachains.js';
import { type LocalAlerts, startLocalAlerts } from '../../../dev/alerts/local-runner.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import {
  createSubscriptionStore,
  startSettingsSummaries,
} from '../../../lambdas/store/subscriptions/index.js';
import {
  CONTRIBUTOR,
  core,
  coretime,
  crowdloanAccount,
  DAY_BLOCKS,
  HOUR_BLOCKS,
  KSM,
  para,
  REGION_BEGIN,
  REGION_END,
  relay,
  renewal,
  SALE_END,
  sale,
} from '../../core/alerts/parachain-fixtures.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { dcChannel, type Platforms, startPlatforms, tgChat } from './harness.js';

const R0 = SALE_END - 20 * DAY_BLOCKS;
const T0 = Date.UTC(2026, 6, 1, 12);
const chainTime = (relayBlock: number) => T0 + (relayBlock - R0) * 6_000;

/** `coretime below 5`; `para 2000 stall 30m` and `para 2001`; the contributor's address. */
const CORETIME: DeliveryTarget[] = [tgChat(70), dcChannel(70)];
const PARAS: DeliveryTarget[] = [tgChat(71), dcChannel(71)];
const CONTRIB: DeliveryTarget[] = [tgChat(72), dcChannel(72)];

/** Titles by kind, as both platforms show them. */
const TITLE: Record<string, RegExp> = {
  'sale-started': /A new coretime sale (?:opens|started)/g,
  'sale-price-below': /Coretime at [0-9.,]+ KSM a core, at or below your (5 KSM)/g,
  'renewal-due': /must renew (core \d+) within (\w+)/g,
  'para-lifecycle': /(Karura \(2000\)) is now a parachain/g,
  'para-stalled': /(Karura \(2000\)) has not advanced for 30m/g,
  'crowdloan-withdrawable': /KSM crowdloan contribution to (Bifrost \(2001\)) can be withdrawn/g,
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

interface World {
  lifecycle2000: ParaRecord['lifecycle'];
  /** Para 2000's latest head: its number and the relay block it was built in. */
  head: { number: number; relayBlock: number };
  coretime: CoretimeState;
}

function entities(relayBlock: number, w: World) {
  const anchor = {
    relayBlock,
    blockNumber: relayBlock - R0 + 1,
    blockHash: `0x${relayBlock.toString(16).padStart(64, '0')}`,
    timestampMs: chainTime(relayBlock),
    specVersion: 2_003_000,
  };
  const paras = [
    para(2000, {
      lifecycle: w.lifecycle2000,
      head: { hash: `0x${w.head.number.toString(16).padStart(64, '0')}`, number: w.head.number },
      headRelayBlock: w.head.relayBlock,
    }),
    para(2001, { headRelayBlock: relayBlock - 2 }),
  ];
  const parachains: ParachainsEntity = {
    relay: relay(relayBlock, paras, [core(60, 2000), core(61, 2001)]),
    coretime: { ...w.coretime, block: { ...w.coretime.block, relayBlock } },
  };
  const contributions = crowdloanAccount(CONTRIBUTOR, [
    { kind: 'contribution', block: R0 + 20 * HOUR_BLOCKS, para: 2001, amount: 25n * KSM },
    { kind: 'lease', block: SALE_END + 30 * DAY_BLOCKS, para: 2001, amount: 2n * KSM },
  ]);
  return [
    { kind: ENTITY.status, id: 'current', data: { anchor, activeEra: 9_000, warnings: [] } },
    { kind: ENTITY.parachains, id: PARACHAINS_ID, data: parachains },
    { kind: ENTITY.crowdloan, id: CONTRIBUTOR, data: contributions },
  ];
}

describe('coretime, para and crowdloan alerts end to end: stored entities → detection → fake platforms', () => {
  let dynamo: TestDynamo;
  let platforms: Platforms;
  let store: SnapshotStore;
  let subs: SubscriptionStore;
  let alerts: LocalAlerts;
  let now = chainTime(R0) + 60_000;
  const received = (t: DeliveryTarget) => receipts(platforms, t);

  async function step(relayBlock: number, w: World) {
    const { version } = await store.writeVersion({ relayBlock }, entities(relayBlock, w));
    now = chainTime(relayBlock) + 60_000;
    const run = await alerts.afterSnapshot({ version, endpoint: null });
    await alerts.idle();
    return run!;
  }

  beforeAll(async () => {
    [dynamo, platforms] = await Promise.all([startTestDynamo(), startPlatforms()]);
    const tableName = await dynamo.newTable('parachains-e2e');
    // A new table: the coretime and para settings summaries say what to look for from the start.
    await startSettingsSummaries({ client: dynamo.client, tableName });
    store = createDynamoStore({ client: dynamo.client, tableName });
    subs = createSubscriptionStore({ client: dynamo.client, tableName });
    alerts = startLocalAlerts({
      client: dynamo.client,
      tableName,
      store,
      notifiers: platforms.notifiers(),
      clock: () => now,
      leaseMs: 5_000,
      backoff: { baseMs: 50, maxMs: 500, maxAttempts: 8 },
    });
    const by = { createdBy: '1' };
    for (const t of CORETIME) {
      await subs.subscribe({ ...t, ...by }, { kind: 'coretime', below: '10' });
      // Subscribing again with another level updates the one subscription.
      expect((await subs.subscribe({ ...t, ...by }, { kind: 'coretime', below: '5' })).outcome).toBe(
        'updated',
      );
    }
    for (const t of PARAS) {
      await subs.subscribe({ ...t, ...by }, { kind: 'para', para: 2000, stallMinutes: 30 });
      await subs.subscribe({ ...t, ...by }, { kind: 'para', para: 2001, stallMinutes: 60 });
    }
    for (const t of CONTRIB) await subs.subscribe({ ...t, ...by }, { kind: 'address', address: CONTRIBUTOR });
  }, 120_000);

  afterAll(async () => {
    await alerts?.close();
    await platforms?.close();
    await dynamo?.close();
  });

  const previousSale = sale({
    saleStart: R0 - 20 * DAY_BLOCKS,
    regionBegin: REGION_BEGIN - 5_040,
    regionEnd: REGION_BEGIN,
  });
  const due = [renewal(60, [2000]), renewal(61, [2001])];

  it('moves the sale, the paras and the refunds along; each alert reaches each platform once', async () => {
    // 1. A first run: nothing is news.
    const w: World = {
      lifecycle2000: 'Parathread',
      head: { number: 100, relayBlock: R0 - 2 },
      coretime: coretime({ sale: previousSale }),
    };
    expect((await step(R0, w)).alerts).toEqual([]);
    // 2. The sale rotates: the new one opens in 100 blocks, renewals for it are due; para 2000 is now a parachain.
    const R1 = R0 + 10;
    const newSale = sale({ saleStart: R1 + 100 });
    Object.assign(w, {
      lifecycle2000: 'Parachain',
      head: { number: 101, relayBlock: R1 - 2 },
      coretime: coretime({ sale: newSale, renewals: due }),
    });
    await step(R1, w);
    // 3. Deep in the lead-in: the price is below 5 KSM; the contribution's block has passed.
    const R2 = R1 + 100 + 80_000;
    w.head = { number: 102, relayBlock: R2 - 2 };
    await step(R2, w);
    // 4. 6.5 days before the sale rotates: the 7-day reminders; then para 2001 renews.
    const R3 = SALE_END - 6 * DAY_BLOCKS - 12 * HOUR_BLOCKS;
    w.head = { number: 103, relayBlock: R3 - 2 };
    await step(R3, w);
    w.coretime = coretime({ sale: newSale, renewals: [due[0]!, renewal(61, [2001], { when: REGION_END })] });
    // 5. 20 hours before: the 1-day reminder; para 2000's head has not moved since step 4.
    const R4 = SALE_END - 20 * HOUR_BLOCKS;
    await step(R4, w);
    // 6. 50 minutes before: the 1-hour reminder; still the same head (no second stall alert).
    const R5 = SALE_END - 500;
    await step(R5, w);
    // 7. Para 2000 renews and produces a block; 40 minutes later its head is stuck again.
    w.coretime = coretime({
      sale: newSale,
      renewals: [renewal(60, [2000], { when: REGION_END }), renewal(61, [2001], { when: REGION_END })],
    });
    w.head = { number: 104, relayBlock: R5 + 10 };
    await step(R5 + 12, w);
    await step(R5 + 12 + 400, w);

    for (const t of CORETIME)
      expect(received(t)).toEqual(
        new Map([
          ['sale-started', 1],
          ['sale-price-below 5 KSM', 1],
        ]),
      );
    for (const t of PARAS)
      expect([...received(t)].sort()).toEqual(
        [
          ['para-lifecycle Karura (2000)', 1],
          ['renewal-due core 60 7d', 1],
          ['renewal-due core 60 1d', 1],
          ['renewal-due core 60 1h', 1],
          // Para 2001 renewed after its first reminder.
          ['renewal-due core 61 7d', 1],
          // One alert per stalled head: the head of step 4, then the head of step 7.
          ['para-stalled Karura (2000)', 2],
        ].sort(),
      );
    for (const t of CONTRIB)
      expect(received(t)).toEqual(new Map([['crowdloan-withdrawable Bifrost (2001)', 1]]));
    const ids = (await alerts.records.recent(PARAS[0]!, { limit: 200 }))
      .map((r) => r.alert.id)
      .filter((id) => id.startsWith('para:2000:stalled:'))
      .sort();
    expect(ids).toEqual([`para:2000:stalled:${R3 - 2}:30m`, `para:2000:stalled:${R5 + 10}:30m`]);
  }, 240_000);

  it('detection and dispatch run again: nothing more arrives', async () => {
    const targets = [...CORETIME, ...PARAS, ...CONTRIB];
    const before = targets.map((t) => [...received(t)]);
    await alerts.afterSnapshot({ endpoint: null });
    await alerts.idle();
    expect(targets.map((t) => [...received(t)])).toEqual(before);
  }, 120_000);
});
