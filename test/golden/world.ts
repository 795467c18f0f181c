/**
 * The golden world: the dev chain seeded with the `small` scenario (seed 42), the dev People chain
 * with the scenario's identities and the fake titles API with the scenario's titles (as `npm start`
 * runs them), and one snapshot of them in a fresh dynalite table, every store clock injected; a
 * second snapshot, taken while the titles API is down, goes into a table of its own. The golden
 * test (through surfaces.ts) and the gallery (`npm run gallery`) answer their command cases here.
 * Free of vitest, so a plain script can start it: the caller says how the wall clock is held while
 * the chains start.
 */
import { type CommandContext, commandContext, SnapshotCache } from '../../bots/commands/index.js';
import type { AlertRecordStore } from '../../core/ports/alert-records.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { Target } from '../../core/subscriptions/subscription-model.js';
import { type DevChain, startDevChain } from '../../dev/chain/devchain.js';
import { startPeopleChain } from '../../dev/chain/people-chain.js';
import { type FakeTitles, startFakeTitles } from '../../dev/offchain/fake-titles.js';
import { generateScenario, type Scenario, seedStorage } from '../../dev/scenario/index.js';
import { scenarioTitles } from '../../dev/scenario/titles.js';
import { runSnapshotJob } from '../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../lambdas/snapshot/read/era-archive.js';
import { IdentityCache } from '../../lambdas/snapshot/read/identities-cache.js';
import { createAlertRecordStore } from '../../lambdas/store/alert-records/index.js';
import { createDynamoStore } from '../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../lambdas/store/subscriptions/index.js';
import { startTestDynamo } from '../helpers/dynamo.js';

/** Runs `start` with the wall clock reading `atMs` (the golden test fakes Date; a script may not). */
export type HoldClock = <T>(atMs: number, start: () => Promise<T>) => Promise<T>;

const asItIs: HoldClock = (_atMs, start) => start();

/**
 * Where commands are answered from: a snapshot of the `small` scenario, committed at a fixed time.
 * `main` has the names and titles; `titlesDown` the same chain read while the titles API was down
 * (every title worded from the call); `empty` no snapshot; `broken` a store that fails every read.
 */
export type WorldTable = 'main' | 'titlesDown' | 'empty' | 'broken';

export interface GoldenWorld {
  scenario: Scenario;
  /** Chain time of the snapshot (Timestamp.Now at its block), from the scenario. */
  chainTimeMs: number;
  /** When the snapshot was committed: the store's injected clock. */
  committedAtMs: number;
  /** A command context over the snapshot; `now` is fixed. */
  context(options: { caller: Target | null; now: number; table?: WorldTable }): CommandContext;
  /** An alert-record store over the snapshot's table whose clock reads `clock()`. */
  alertRecordsAt(clock: () => number): AlertRecordStore;
  close(): Promise<void>;
}

const STALE_AFTER_MS = 15 * 60_000;
/** What the wall clock reads while the dev chain starts and is seeded. */
const CHAIN_START_MS = Date.UTC(2026, 6, 1);

/** A reader whose every read fails, as a store outage does. */
const brokenReader: SnapshotReader = {
  getPointer: () => Promise.reject(new Error('store unreachable')),
  getEntity: () => Promise.reject(new Error('store unreachable')),
  getEntities: () => Promise.reject(new Error('store unreachable')),
  getVersionInfo: () => Promise.reject(new Error('store unreachable')),
};

/**
 * The dev chain seeded with the `small` scenario (seed 42), one snapshot run into a fresh dynalite
 * table with every store clock injected: the snapshot commits `commitDelayMs` after its chain time.
 */
export async function startWorld(commitDelayMs: number, holdClock: HoldClock = asItIs): Promise<GoldenWorld> {
  const scenario = generateScenario({ size: 'small', seed: 42 });
  // Chopsticks stamps the dev chain's first block with the wall clock (the genesis has no
  // Timestamp.Now), and /status shows that block's hash: the clock reads a fixed time meanwhile.
  const chain: DevChain = await holdClock(CHAIN_START_MS, async () => {
    const started = await startDevChain();
    await seedStorage(started.endpoint, scenario.storage).catch(async (error) => {
      await started.close();
      throw error;
    });
    return started;
  });
  const closers: Array<() => Promise<void>> = [() => chain.close()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };
  try {
    const people = await holdClock(CHAIN_START_MS, () => startPeopleChain(scenario.people));
    closers.push(() => people.close());
    const titles: FakeTitles = await startFakeTitles({
      titles: scenarioTitles(scenario.expected.governance).titles,
    });
    closers.push(() => titles.close());
    const dynamo = await startTestDynamo();
    closers.push(() => dynamo.close());
    const chainTimeMs = scenario.expected.anchor.timestampMs;
    const committedAtMs = chainTimeMs + commitDelayMs;
    const tableName = await dynamo.newTable('golden');
    const downTable = await dynamo.newTable('golden-titles-down');
    const emptyTable = await dynamo.newTable('golden-empty');
    const clock = () => committedAtMs;
    const store = createDynamoStore({ client: dynamo.client, tableName, now: clock });
    const titlesDown = createDynamoStore({ client: dynamo.client, tableName: downTable, now: clock });
    const empty = createDynamoStore({ client: dynamo.client, tableName: emptyTable, now: clock });
    const endpoints = { assetHub: [chain.endpoint], people: [people.endpoint] };
    const titleSource = { baseUrl: titles.url };
    await runSnapshotJob({
      store,
      endpoints,
      archive: new MemoryEraArchive(),
      titles: titleSource,
      now: clock,
      identities: new IdentityCache(),
    });
    // A dropped connection fails at once: the run words every title from its call, with a warning.
    titles.setMode('down');
    await runSnapshotJob({
      store: titlesDown,
      endpoints,
      archive: new MemoryEraArchive(),
      titles: titleSource,
      now: clock,
      identities: new IdentityCache(),
    });
    const subscriptions = createSubscriptionStore({ client: dynamo.client, tableName, now: clock });
    const alertRecords = createAlertRecordStore({ client: dynamo.client, tableName, now: clock });
    const tables: WorldTable[] = ['main', 'titlesDown', 'empty', 'broken'];
    const caches = Object.fromEntries(tables.map((t) => [t, new SnapshotCache()])) as Record<
      WorldTable,
      SnapshotCache
    >;
    const readers: Record<WorldTable, SnapshotReader> = {
      main: store,
      titlesDown,
      empty,
      broken: brokenReader,
    };
    return {
      scenario,
      chainTimeMs,
      committedAtMs,
      context: ({ caller, now, table = 'main' }) =>
        commandContext({
          store: readers[table],
          subscriptions,
          alertRecords,
          caller,
          now: () => now,
          staleAfterMs: STALE_AFTER_MS,
          cache: caches[table],
        }),
      alertRecordsAt: (at) => createAlertRecordStore({ client: dynamo.client, tableName, now: at }),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
