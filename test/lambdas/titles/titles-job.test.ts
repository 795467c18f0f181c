/**
 * Referendum titles end to end: the dev chain seeded with the small scenario, the snapshot job into
 * dynalite, the fake Subsquare API over real HTTP, and `/referendum` answered from what was stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand, commandContext, SnapshotCache } from '../../../bots/commands/index.js';
import type { TitleCache } from '../../../core/opengov/title-cache.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { ReferendaReply, ReferendumReply } from '../../../core/reply/reply-types.js';
import { ENTITY, type ReferendaIndex, type ReferendumEntity } from '../../../core/snapshot/entities.js';
import { type FakeTitles, type FakeTitlesMode, startFakeTitles } from '../../../dev/offchain/fake-titles.js';
import { addReferendum } from '../../../dev/scenario/index.js';
import { HOSTILE_TITLE, type ScenarioTitles, scenarioTitles } from '../../../dev/scenario/titles.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type SeededChain, seededChain } from '../snapshot/chain-fixture.js';

describe('referendum titles from the off-chain source', () => {
  let seeded: SeededChain;
  let dynamo: TestDynamo;
  let fake: FakeTitles;
  let expected: ScenarioTitles;

  beforeAll(async () => {
    [seeded, dynamo] = await Promise.all([seededChain(42), startTestDynamo()]);
    expected = scenarioTitles(seeded.scenario.expected.governance);
    fake = await startFakeTitles({ titles: expected.titles });
  });
  afterAll(async () => {
    await fake?.close();
    await seeded?.close();
    await dynamo?.close();
  });

  async function table(name: string) {
    const tableName = await dynamo.newTable(name);
    const store = createDynamoStore({ client: dynamo.client, tableName });
    const ctx = () =>
      commandContext({
        store,
        subscriptions: createSubscriptionStore({ client: dynamo.client, tableName }),
        alertRecords: createAlertRecordStore({ client: dynamo.client, tableName }),
        caller: null,
        staleAfterMs: 365 * 24 * 3_600_000,
        cache: new SnapshotCache(),
      });
    return { store, ask: (line: string) => answerCommand(line, ctx()) };
  }

  const run = (store: SnapshotStore) =>
    runSnapshotJob({
      store,
      endpoints: { assetHub: [seeded.chain.endpoint] },
      archive: new MemoryEraArchive(),
      titles: { baseUrl: fake.url, timeoutMs: 300, budgetMs: 60_000 },
    });

  const summaries = () => seeded.scenario.expected.governance.proposalSummaries;
  const idWithCall = (prefix: string) =>
    Number(Object.entries(summaries()).find(([id, s]) => s.startsWith(prefix) && Number(id) % 4 !== 3)![0]);
  const untitledSpend = () =>
    Number(
      Object.entries(summaries()).find(
        ([id, s]) => s.startsWith('treasury.spend') && Number(id) % 4 === 3,
      )![0],
    );

  it('with the source down and nothing cached, the run succeeds and the decoded call is the title', async () => {
    const { store, ask } = await table('titles-down');
    fake.setMode('down');
    const summary = await run(store);
    expect(summary.titles).toMatchObject({ found: 0 });
    expect(summary.titles!.failed).toBeGreaterThan(0);
    expect(summary.warnings.find((w) => w.startsWith('titles:'))).toMatch(/unreachable/);
    const cache = await store.getEntity<TitleCache>(ENTITY.titles, 'all');
    expect(cache?.entries).toEqual({});

    const batch = idWithCall('utility.batch');
    const reply = (await ask(`/referendum ${batch}`)) as ReferendumReply;
    expect(reply.type).toBe('referendum');
    expect(reply.title?.source).toBe('call');
    expect(reply.title?.text).toMatch(/^Batch of \d+ calls: /);

    const spend = (await ask(`/referendum ${untitledSpend()}`)) as ReferendumReply;
    // The whole beneficiary, which the wording shows by its name or its short form.
    expect(spend.title?.text).toMatch(
      /^Treasury spend: [\d,.]+ (KSM|USDT|USDC) to [1-9A-HJ-NP-Za-km-z]{46,48}$/,
    );
  });

  it('with the source up, /referendum shows its title, sanitised, and /referenda rows carry titles', async () => {
    const { store, ask } = await table('titles-up');
    fake.setMode('up');
    fake.requests.length = 0;
    const summary = await run(store);
    const referenda = Object.keys(seeded.scenario.expected.governance.referenda).length;
    expect(summary.titles).toEqual({
      looked: referenda,
      found: Object.keys(expected.titles).length,
      failed: 0,
    });
    expect(summary.warnings.filter((w) => w.startsWith('titles:'))).toEqual([]);

    const titled = idWithCall('utility.batch');
    const reply = (await ask(`/referendum ${titled}`)) as ReferendumReply;
    expect(reply.title).toEqual({ text: expected.titles[titled], source: 'subsquare' });

    const hostile = (await ask(`/referendum ${expected.hostileId}`)) as ReferendumReply;
    expect(HOSTILE_TITLE).toMatch(/[\u202E\u200B\u2066\n]/);
    expect(hostile.title?.text).toBe(
      'txt.exe <b>Free KSM</b> for everyone <script>alert(1)</script> claim now',
    );

    const untitled = (await ask(`/referendum ${untitledSpend()}`)) as ReferendumReply;
    expect(untitled.title?.source).toBe('call');

    // The list is newest first over pages: find the titled row on whichever page it is.
    const rows: ReferendaReply['rows'] = [];
    const first = (await ask('/referenda all')) as ReferendaReply;
    rows.push(...first.rows);
    for (let page = 2; page <= first.pageCount; page++)
      rows.push(...((await ask(`/referenda all page ${page}`)) as ReferendaReply).rows);
    expect(rows.find((r) => r.id === titled)?.title?.text).toBe(expected.titles[titled]);
    const index = await store.getEntity<ReferendaIndex>(ENTITY.index, 'referenda');
    const endedTitled = index!.recentlyEnded.find((e) => expected.titles[e.id]);
    expect(endedTitled?.title).toEqual({ text: expected.titles[endedTitled!.id], source: 'subsquare' });

    // Nothing new or changed: the next run asks the source nothing.
    fake.requests.length = 0;
    expect((await run(store)).titles).toEqual({ looked: 0, found: 0, failed: 0 });
    expect(fake.requests).toEqual([]);
  });

  it('an HTTP error, junk, a hang or a dropped connection loses no cached title', async () => {
    const { store, ask } = await table('titles-faults');
    fake.setMode('up');
    await run(store);
    const titled = idWithCall('utility.batch');
    const change = addReferendum(seeded.scenario, { track: 32 });
    await seeded.apply(change.changes);
    seeded.scenario = change.scenario;
    const newId = change.scenario.expected.governance.referendumCount - 1;
    fake.setTitles({ [newId]: 'Fund the Kusama meetup' });

    const reasons: Record<string, RegExp> = {
      error: /HTTP 500/,
      junk: /malformed body \(not JSON\)/,
      slow: /no answer within 300 ms/,
      down: /unreachable/,
    };
    for (const [mode, reason] of Object.entries(reasons)) {
      fake.setMode(mode as FakeTitlesMode);
      fake.requests.length = 0;
      const summary = await run(store);
      expect(fake.requests, mode).toEqual([newId]);
      expect(summary.titles, mode).toEqual({ looked: 1, found: 0, failed: 1 });
      expect(
        summary.warnings.find((w) => w.startsWith('titles:')),
        mode,
      ).toMatch(reason);
      const kept = (await ask(`/referendum ${titled}`)) as ReferendumReply;
      expect(kept.title, mode).toEqual({ text: expected.titles[titled], source: 'subsquare' });
      const fresh = await store.getEntity<ReferendumEntity>(ENTITY.referendum, String(newId));
      expect(fresh?.title?.source, mode).toBe('call');
      expect((await store.getEntity<TitleCache>(ENTITY.titles, 'all'))?.entries[String(newId)], mode).toBe(
        undefined,
      );
    }

    fake.setMode('up');
    await run(store);
    const fixed = (await ask(`/referendum ${newId}`)) as ReferendumReply;
    expect(fixed.title).toEqual({ text: 'Fund the Kusama meetup', source: 'subsquare' });
  });
});
