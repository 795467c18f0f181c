/**
 * The child processes of `npm run bench:snapshot -- --latency <ms>` (see `snapshot-latency.ts`):
 * each prints JSON lines on stdout and waits for a line on stdin before each measured run, so the
 * parent can take the latency proxies' figures between runs.
 * --phase people: the dev People chain with the scenario's identities.
 * --phase pipeline: the snapshot job through the proxies: cold, steady (warm, unchanged), era change.
 * --phase naive: the naive read through the proxy, stopping before and after its era window.
 */
import '../../dev/node-support.js';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { startPeopleChain } from '../../dev/chain/people-chain.js';
import { localDynamoClient } from '../../dev/dynamodb/client.js';
import { generateScenario } from '../../dev/scenario/index.js';
import { runSnapshotJob, type SnapshotSummary } from '../../lambdas/snapshot/job.js';
import { BlobEraArchive } from '../../lambdas/snapshot/read/blob-era-archive.js';
import { createDynamoStore } from '../../lambdas/store/snapshot/index.js';
import { ensureTable } from '../../lambdas/store/table/index.js';
import { stdinLine } from './bench-child.js';
import { naiveRead } from './snapshot-naive.js';

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

export const LATENCY_RUNS = ['cold', 'steady', 'eraChange'] as const;

export interface LatencyRun {
  kind: (typeof LATENCY_RUNS)[number];
  ms: number;
  readMs: number;
  writeMs: number;
  rpcRequests: number;
  erasReadFromChain: number;
  itemsWritten: number;
  entitiesChanged: number;
  identitiesRead: number;
  peakRssMb: number;
}

function pick(kind: LatencyRun['kind'], s: SnapshotSummary): LatencyRun {
  return {
    kind,
    ms: s.ms,
    readMs: s.readMs,
    writeMs: s.writeMs,
    rpcRequests: s.rpcRequests,
    erasReadFromChain: s.erasReadFromChain,
    itemsWritten: s.itemsWritten,
    entitiesChanged: s.entitiesChanged,
    identitiesRead: s.identities?.read ?? 0,
    peakRssMb: peakRssMb(),
  };
}

async function phasePeople(seed: number): Promise<void> {
  const scenario = generateScenario({ size: 'kusama', seed });
  const chain = await startPeopleChain(scenario.people, { identity: `kusama/${seed}` });
  console.log(JSON.stringify({ people: chain.endpoint }));
  await once(process.stdin.resume(), 'end');
  await chain.close();
}

async function phasePipeline(values: Record<string, string | undefined>): Promise<void> {
  const client = localDynamoClient(values.dynamodb!);
  await ensureTable(client, values.table!);
  const store = createDynamoStore({ client, tableName: values.table! });
  const archive = new BlobEraArchive(store);
  const endpoints = {
    assetHub: [values.endpoint!],
    relay: [values.relay!],
    coretime: [values.coretime!],
    people: [values.people!],
  };
  const log = (m: string) => console.error(m);
  for (const kind of LATENCY_RUNS) {
    await stdinLine();
    const run = await runSnapshotJob({ store, endpoints, archive, log, readTimeoutMs: 900_000 });
    console.log(JSON.stringify(pick(kind, run)));
  }
  client.destroy();
}

async function phaseNaive(endpoint: string, eras: number): Promise<void> {
  const naive = await naiveRead(endpoint, eras, async (at) => {
    console.log(JSON.stringify({ at }));
    await stdinLine();
  });
  console.log(JSON.stringify({ ...naive, eras, peakRssMb: peakRssMb() }));
}

const { values } = parseArgs({
  options: {
    phase: { type: 'string' },
    endpoint: { type: 'string' },
    relay: { type: 'string' },
    coretime: { type: 'string' },
    people: { type: 'string' },
    dynamodb: { type: 'string' },
    table: { type: 'string' },
    eras: { type: 'string', default: '84' },
    seed: { type: 'string', default: '42' },
  },
});
const main =
  values.phase === 'people'
    ? phasePeople(Number(values.seed))
    : values.phase === 'pipeline'
      ? phasePipeline(values)
      : values.phase === 'naive'
        ? phaseNaive(values.endpoint!, Number(values.eras))
        : Promise.reject(new Error(`--phase must be people, pipeline or naive, not "${values.phase}"`));
main.then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
