import { ApiPromise, WsProvider } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import { ENTITY, type StatusEntity } from '../../../core/snapshot/entities.js';
import { ChainUnavailableError } from '../../../lambdas/snapshot/errors.js';
import { runSnapshotJob, type SnapshotJobDeps } from '../../../lambdas/snapshot/job.js';
import type { ReadContext } from '../../../lambdas/snapshot/read/context.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { readGovernance } from '../../../lambdas/snapshot/read/governance.js';
import type { MetadataCodec } from '../../../lambdas/snapshot/read/metadata-codec.js';
import { readPools } from '../../../lambdas/snapshot/read/pools.js';
import { storagePrefix } from '../../../lambdas/snapshot/rpc/keys.js';
import type { RawStorage } from '../../../lambdas/snapshot/rpc/raw-storage.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { startTcpProxy } from '../../helpers/tcp-proxy.js';
import { type SeededChain, seededChain } from './chain-fixture.js';

describe('snapshot faults and bad data', () => {
  let seeded: SeededChain;
  let dynamo: TestDynamo;
  let store: SnapshotStore;
  let logs: string[];
  const archive = new MemoryEraArchive();
  const job = (assetHub: string[], extra: Partial<SnapshotJobDeps> = {}) =>
    runSnapshotJob({
      store,
      endpoints: { assetHub },
      archive,
      log: (m) => logs.push(m),
      // Long enough for a loaded machine: a refused or dropped endpoint fails at once anyway.
      connectTimeoutMs: 30_000,
      ...extra,
    });

  beforeAll(async () => {
    [seeded, dynamo] = await Promise.all([seededChain(23), startTestDynamo()]);
    store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('snapshot-faults') });
  });
  afterAll(async () => {
    await seeded?.close();
    await dynamo?.close();
  });

  it('fails over from an endpoint that is down, and says so', async () => {
    logs = [];
    const summary = await job(['ws://127.0.0.1:1', seeded.chain.endpoint]);
    expect(summary.endpoint).toBe(seeded.chain.endpoint);
    expect(logs.join('\n')).toMatch(/ws:\/\/127\.0\.0\.1:1: .*(timed out|refused)/i);
  });

  it('fails a refused endpoint at once, not after its connect timeout', async () => {
    logs = [];
    // A connect timeout longer than the test's own: only the refusal itself can end this wait.
    const summary = await job(['ws://127.0.0.1:1', seeded.chain.endpoint], { connectTimeoutMs: 120_000 });
    expect(summary.endpoint).toBe(seeded.chain.endpoint);
    expect(logs.join('\n')).toMatch(
      /ws:\/\/127\.0\.0\.1:1: connecting to ws:\/\/127\.0\.0\.1:1 failed: .*ECONNREFUSED/,
    );
    expect(logs.join('\n')).not.toMatch(/timed out/);
  });

  /** How many bytes the chain sends a client before it is connected and ready. */
  async function bytesToConnect(): Promise<number> {
    const probe = await startTcpProxy(seeded.chain.port);
    const api = await ApiPromise.create({ provider: new WsProvider(probe.url), noInitWarn: true });
    const bytes = probe.bytesFromServer;
    await api.disconnect();
    await probe.close();
    return bytes;
  }

  it('gives up on a hung endpoint after the read timeout and fails over', async () => {
    logs = [];
    // The link hangs a little after connecting: the read can only end by its timeout. The timeout
    // is generous, so the healthy endpoint's read fits in it however busy the machine is.
    const connectBytes = await bytesToConnect();
    const hung = await startTcpProxy(seeded.chain.port, { stallAfterServerBytes: connectBytes + 20_000 });
    try {
      const summary = await job([hung.url, seeded.chain.endpoint], {
        connectTimeoutMs: 120_000,
        readTimeoutMs: 20_000,
      });
      expect(summary.endpoint).toBe(seeded.chain.endpoint);
      expect(logs.join('\n')).toContain(`reading ${hung.url} took over 20000 ms`);
    } finally {
      await hung.close();
    }
  });

  it('recovers from a WebSocket dropped mid-snapshot by reading the next endpoint whole', async () => {
    // Drop the connection a little after it is ready.
    const connectBytes = await bytesToConnect();
    const flaky = await startTcpProxy(seeded.chain.port, { dropAfterServerBytes: connectBytes + 50_000 });
    logs = [];
    try {
      const summary = await job([flaky.url, seeded.chain.endpoint]);
      expect(summary.endpoint).toBe(seeded.chain.endpoint);
      expect(flaky.bytesFromServer).toBeGreaterThan(connectBytes);
      expect(logs.join('\n')).toContain(`snapshot read from ${flaky.url} failed`);
    } finally {
      await flaky.close();
    }
  });

  it('keeps the previous version served when no endpoint can be read', async () => {
    const before = await store.getPointer();
    const status = await store.getEntity<StatusEntity>(ENTITY.status, 'current');
    const flaky = await startTcpProxy(seeded.chain.port, { dropAfterServerBytes: 10_000 });
    try {
      await expect(job(['ws://127.0.0.1:1', flaky.url])).rejects.toBeInstanceOf(ChainUnavailableError);
    } finally {
      await flaky.close();
    }
    expect((await store.getPointer())?.version).toBe(before?.version);
    expect(await store.getEntity<StatusEntity>(ENTITY.status, 'current')).toEqual(status);
  });

  it('keeps what decodes when a value has an unknown enum variant, and reports the rest', async () => {
    const [stash] = Object.keys(seeded.scenario.expected.staking.payees);
    const good = seeded.scenario.storage.find(
      ([k]) => k.startsWith(storagePrefix('Staking', 'Payee')) && k.length > 66,
    );
    expect(good).toBeDefined();
    const badKey = good![0];
    await seeded.apply([[badKey, '0x09']]);
    logs = [];
    try {
      const summary = await job([seeded.chain.endpoint]);
      expect(summary.warnings.join('\n')).toMatch(
        /Staking\.Payee: 1 of \d+ entries did not decode \(first: .*unknown enum variant 9/,
      );
      expect(summary.nominators).toBe(Object.keys(seeded.scenario.expected.staking.nominators).length);
      expect(stash).toBeDefined();
    } finally {
      await seeded.apply([[badKey, good![1]]]);
    }
  });

  it('logs a missing pallet and carries on with what is there', async () => {
    const warnings: string[] = [];
    const ctx: ReadContext = {
      storage: {
        entries: async () => [],
        values: async (k: string[]) => k.map(() => null),
        value: async () => null,
      } as unknown as RawStorage,
      has: () => false,
      decoders: { decoder: (item) => item.decode },
      warn: (m) => warnings.push(m),
    };
    const codec = { consts: {}, has: () => false } as unknown as MetadataCodec;
    expect(await readPools(ctx, codec)).toEqual({
      pools: {},
      members: {},
      rules: { globalMaxCommission: null },
    });
    const governance = await readGovernance(ctx, codec);
    expect(governance.referenda).toEqual({});
    expect(governance.tracks).toEqual([]);
    expect(warnings).toEqual([
      'NominationPools is not in this runtime; pools left empty',
      'Referenda is not in this runtime; governance left empty',
    ]);
  });

  it('two overlapping runs never corrupt the pointer: the older loses', async () => {
    const before = (await store.getPointer())?.version ?? 0;
    const results = await Promise.allSettled([job([seeded.chain.endpoint]), job([seeded.chain.endpoint])]);
    const won = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.version);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const l of lost) expect((l.reason as Error).name).toBe('VersionConflictError');
    const pointer = await store.getPointer();
    expect(pointer?.version).toBe(Math.max(...won));
    expect(pointer!.version).toBeGreaterThan(before);
    const status = await store.getEntity<StatusEntity>(ENTITY.status, 'current');
    expect(status?.anchor.relayBlock).toBe(seeded.scenario.expected.anchor.relayBlock);
  });
});
