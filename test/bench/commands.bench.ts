/**
 * `npm run bench:commands`: how fast a warm process answers commands from DynamoDB over the `kusama`
 * scenario (1,000 elected validators, 12,500 nominators, 5,000 pool members, 600 referenda, 84 eras),
 * and, in the same run, the same answers computed live from the chain through the RPC. Prints its
 * figures and never fails on a slow machine. Target: p99 ≤ 50 ms per command from the DB.
 *
 * The dev chain and dynalite run in a child process (`dev/devchain-cli.ts --dynamo`); one real
 * snapshot run fills the table. The live baseline is what answering without the DB takes: read the
 * chain at one block through the same reader (past eras already cached in memory, as in a warm
 * Lambda), then compute the same view. Options: --seed N, --samples N (per command, default 200),
 * --live-runs N (default 3).
 */
import '../../dev/node-support.js';
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answerCommand, commandContext } from '../../bots/commands/index.js';
import { parseCommand } from '../../bots/commands/parse.js';
import { evaluateReferendum } from '../../core/opengov/evaluate.js';
import { accountView } from '../../core/staking/account-view.js';
import { eraView } from '../../core/staking/era-view.js';
import {
  buildAccountSlice,
  buildEraSlice,
  buildValidatorSlice,
  buildViewContext,
} from '../../core/staking/index.js';
import { validatorView } from '../../core/staking/validator-view.js';
import type { Snapshot } from '../../core/types/index.js';
import { saveBenchResult } from '../../dev/bench-results.js';
import { localDynamoClient } from '../../dev/dynamodb/client.js';
import { readSnapshot } from '../../lambdas/snapshot/chain-reader.js';
import { runSnapshotJob } from '../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../lambdas/store/subscriptions/index.js';
import { ensureTable, meterCapacity } from '../../lambdas/store/table/index.js';

const TARGET_P99_MS = 50;
const log = (line: string) => console.error(line);

function startChain(seed: string): {
  child: ChildProcess;
  ready: Promise<{ endpoint: string; dynamodb: string }>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'dev/devchain-cli.ts', '--scenario', 'kusama', '--seed', seed, '--dynamo'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const ready = new Promise<{ endpoint: string; dynamodb: string }>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`dev chain exited with ${code}`)));
  });
  return { child, ready };
}

interface Stats {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

function pick<T>(list: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(list.length / count));
  return list.filter((_, i) => i % step === 0).slice(0, count);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      samples: { type: 'string', default: '200' },
      'live-runs': { type: 'string', default: '3' },
    },
  });
  const samples = Math.max(10, Number(values.samples) || 200);
  const liveRuns = Math.max(1, Number(values['live-runs']) || 3);
  log('starting the dev chain with the kusama scenario (generation and seeding take a minute or two)...');
  const chain = startChain(values.seed);
  try {
    const { endpoint, dynamodb } = await chain.ready;
    const endpoints = { assetHub: [endpoint] };
    const client = localDynamoClient(dynamodb);
    const tableName = `bench-commands-${Date.now()}`;
    await ensureTable(client, tableName);
    const store = createDynamoStore({ client, tableName, pointerCacheMs: 5_000 });
    const archive = new MemoryEraArchive();
    log('one snapshot run into dynalite...');
    const summary = await runSnapshotJob({ store, endpoints, archive, readTimeoutMs: 900_000 });
    // Read units DynamoDB reports for each answer (counted from here on).
    const meter = meterCapacity(client);
    log(`snapshot: ${summary.entities} entities in ${(summary.ms / 1000).toFixed(1)} s`);

    // The live reader's first run fills the era cache; later runs are the warm live baseline.
    const first = await readSnapshot(endpoints, { archive, readTimeoutMs: 900_000 });
    const snapshot: Snapshot = first.snapshot;
    const s = snapshot.staking;
    const active = s.history.at(-1)!;
    const nominators = pick(Object.keys(s.nominators), samples);
    const members = pick(Object.keys(snapshot.pools.members), Math.ceil(samples / 4));
    const validators = pick(Object.keys(active.overviews), samples);
    const referenda = pick(Object.keys(snapshot.governance.referenda), samples);
    const ongoing = Object.values(snapshot.governance.referenda).filter((r) => r.status === 'ongoing');
    const pages = Math.max(1, Math.ceil(ongoing.length / 10));

    const workload: Record<string, string[]> = {
      stake: [...nominators, ...members].map((a) => `/stake ${a}`),
      validator: validators.map((a) => `/validator ${a}`),
      referendum: referenda.map((id) => `/referendum ${id}`),
      referenda: Array.from({ length: samples }, (_, i) => `/referenda page ${(i % pages) + 1}`),
      era: Array.from({ length: samples }, () => '/era'),
      tracks: Array.from({ length: samples }, () => '/tracks'),
      status: Array.from({ length: samples }, () => '/status'),
      subscriptions: Array.from({ length: samples }, () => '/subscriptions'),
    };
    const ctx = commandContext({
      store,
      subscriptions: createSubscriptionStore({ client, tableName }),
      caller: { platform: 'telegram', kind: 'chat', id: '-1001', createdBy: '1' },
      staleAfterMs: 15 * 60_000,
    });
    for (const lines of Object.values(workload))
      for (const line of lines.slice(0, 5)) await answerCommand(line, ctx);

    const measure = async (context: typeof ctx) => {
      const byCommand: Record<string, Stats> = {};
      const unitsByCommand: Record<string, Stats & { mean: number }> = {};
      const all: number[] = [];
      const allUnits: number[] = [];
      for (const [name, lines] of Object.entries(workload)) {
        const times: number[] = [];
        const units: number[] = [];
        for (const line of lines) {
          meter.take();
          const t = performance.now();
          const reply = await answerCommand(line, context);
          times.push(performance.now() - t);
          units.push(meter.take().readUnits);
          if (reply.type === 'error') throw new Error(`${line}: ${reply.error.message}`);
        }
        byCommand[name] = stats(times);
        unitsByCommand[name] = { ...stats(units), mean: units.reduce((a, b) => a + b, 0) / units.length };
        all.push(...times);
        allUnits.push(...units);
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      return { byCommand, unitsByCommand, overall: stats(all), meanMs: mean(all), meanUnits: mean(allUnits) };
    };
    const measured = await measure(ctx);
    const { byCommand: db, overall } = measured;
    // The same, reading the pointer item on every answer (no pointer cache).
    const uncached = await measure({
      ...ctx,
      store: createDynamoStore({ client, tableName, pointerCacheMs: 0 }),
    });

    // Live: one chain read per answer, then the same core computation.
    const reads: number[] = [];
    for (let i = 0; i < liveRuns; i++) {
      const t = performance.now();
      await readSnapshot(endpoints, { archive, readTimeoutMs: 900_000 });
      reads.push(performance.now() - t);
    }
    const read = stats(reads);
    const compute = (fn: () => unknown, n = 20) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        fn();
        times.push(performance.now() - t);
      }
      return stats(times).p50;
    };
    const viewCtx = () => buildViewContext(buildEraSlice(snapshot));
    const issuance = snapshot.issuance.total - snapshot.issuance.inactive;
    const refInfo = snapshot.governance.referenda[Number(referenda[0])]!;
    const liveCompute: Record<string, number> = {
      stake: compute(() => accountView(buildAccountSlice(snapshot, nominators[0]!), viewCtx())),
      validator: compute(() => validatorView(buildValidatorSlice(snapshot, validators[0]!), viewCtx())),
      era: compute(() => eraView(buildEraSlice(snapshot), viewCtx())),
      referendum: compute(() =>
        evaluateReferendum(
          refInfo,
          snapshot.governance.tracks.find((t) => refInfo.status === 'ongoing' && t.id === refInfo.track),
          {
            relayBlock: snapshot.anchor.relayBlock,
            timestampMs: snapshot.anchor.timestampMs,
            activeIssuance: issuance,
          },
        ),
      ),
    };
    if (!parseCommand(workload.stake![0]).ok) throw new Error('workload does not parse');

    console.log(
      `\nCommand benchmark, kusama scenario (seed ${values.seed}), warm process, DynamoDB = dynalite`,
    );
    console.log(
      `  ${Object.keys(s.validators).length} validator candidates, ${Object.keys(s.nominators).length} nominators, ${Object.keys(snapshot.pools.members).length} pool members, ${Object.keys(snapshot.governance.referenda).length} referenda, ${summary.entities} entities`,
    );
    console.log(
      '\n  from the DB (answerCommand, reply built)   pointer cached 5 s: p50     p99     max | pointer read each time: p50     p99      n',
    );
    for (const [name, st] of Object.entries(db)) {
      const u = uncached.byCommand[name]!;
      console.log(
        `  /${name.padEnd(14)} ${ms(st.p50).padStart(38)} ${ms(st.p99).padStart(8)} ${ms(st.max).padStart(8)} | ${ms(u.p50).padStart(26)} ${ms(u.p99).padStart(8)} ${String(st.n).padStart(6)}`,
      );
    }
    const verdict = (p99: number) => (p99 <= TARGET_P99_MS ? 'met' : 'NOT met');
    console.log(
      `  all commands, pointer cached: p50 ${ms(overall.p50)}, p99 ${ms(overall.p99)} (target ≤ ${TARGET_P99_MS} ms: ${verdict(overall.p99)})`,
    );
    console.log(
      `  all commands, pointer read each time: p50 ${ms(uncached.overall.p50)}, p99 ${ms(uncached.overall.p99)} (target: ${verdict(uncached.overall.p99)})`,
    );
    console.log(
      `\n  live from the chain: one snapshot read through the RPC, warm era cache (${liveRuns} runs)`,
    );
    console.log(
      `    read: p50 ${ms(read.p50)}, max ${ms(read.max)}; ${first.rpcRequests} RPC requests a read (past eras from the cache)`,
    );
    for (const [name, c] of Object.entries(liveCompute)) {
      const live = read.p50 + c;
      const fromDb = uncached.byCommand[name]!;
      console.log(
        `    /${name.padEnd(11)} live ${ms(live).padStart(9)} vs DB (pointer read each time) p50 ${ms(fromDb.p50).padStart(8)}, p99 ${ms(fromDb.p99).padStart(8)}: ratio ${(live / fromDb.p50).toFixed(0)}x at p50, ${(live / fromDb.p99).toFixed(0)}x at p99`,
      );
    }
    console.log('\n  read units per answer (capacity meter), pointer cached: mean   p99   max');
    for (const [name, u] of Object.entries(measured.unitsByCommand))
      console.log(
        `  /${name.padEnd(14)} ${u.mean.toFixed(1).padStart(36)} ${String(u.p99).padStart(5)} ${String(u.max).padStart(5)}`,
      );
    const file = saveBenchResult('commands', {
      mean: { ms: measured.meanMs, readUnits: measured.meanUnits },
      byCommand: Object.fromEntries(
        Object.entries(db).map(([name, st]) => {
          const u = measured.unitsByCommand[name]!;
          return [
            name,
            {
              p50Ms: st.p50,
              p99Ms: st.p99,
              maxMs: st.max,
              readUnitsMean: u.mean,
              readUnitsP99: u.p99,
              readUnitsMax: u.max,
            },
          ];
        }),
      ),
    });
    console.log(`\n  figures for the cost model: ${file}`);
    client.destroy();
  } finally {
    chain.child.stdin?.end();
    chain.child.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench failed: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
