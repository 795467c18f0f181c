/**
 * `npm run devchain -- [--scenario small|kusama] [--seed N] [--dynamo] [--port P]`: the dev chain
 * seeded with a scenario (and, with --dynamo, an in-memory dynalite), in its own process. Prints
 * one JSON line `{ "endpoint", "dynamodb" }` on stdout when ready; then takes `next-era` or `typical` on stdin
 * (answering with a JSON line). Stops on SIGINT, SIGTERM or when its stdin closes (so a parent that
 * dies takes it along).
 */
import './node-support.js';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startDevChain } from './chain/devchain.js';
import { startDynalite } from './dynamodb/dynalite.js';
import { generateScenario, nextEra, seedStorage } from './scenario/index.js';
import { typicalFiveMinutes } from './scenario/typical-run.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'small' },
      seed: { type: 'string', default: '42' },
      dynamo: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
    },
  });
  if (values.scenario !== 'small' && values.scenario !== 'kusama') {
    throw new Error(`--scenario must be small or kusama, not "${values.scenario}"`);
  }
  const started = performance.now();
  const chain = await startDevChain({
    port: Number(values.port),
    identity: `${values.scenario}/${Number(values.seed)}`,
  });
  const dynamo = values.dynamo ? await startDynalite() : null;
  let scenario = generateScenario({
    size: values.scenario,
    seed: Number(values.seed),
    onProgress: (p) => process.stderr.write(`\r${p.stage}: ${p.done}/${p.total}   `),
  });
  // Few, large batches: every dev_setStorage call adds a storage layer that each later read walks through.
  const seeded = await seedStorage(chain.endpoint, scenario.storage, { batchChars: 40_000_000 });
  const pairs = scenario.storage.length;
  process.stderr.write(`\nseeded ${pairs} pairs in ${seeded.batches} batches\n`);
  console.log(
    JSON.stringify({
      endpoint: chain.endpoint,
      dynamodb: dynamo?.endpoint ?? null,
      pairs,
      readyMs: Math.round(performance.now() - started),
    }),
  );
  const stop = async () => {
    await dynamo?.close();
    await chain.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.stdin.on('end', () => void stop());
  // Commands on stdin, one per line: `next-era` pays the active era and starts the next one;
  // `typical` applies five typical minutes of changes (dev/scenario/typical-run.ts).
  let typicalSteps = 0;
  createInterface({ input: process.stdin }).on('line', (line) => {
    const command = line.trim();
    if (command !== 'next-era' && command !== 'typical') {
      console.log(
        JSON.stringify({ ok: false, error: `unknown command "${command}" (try next-era or typical)` }),
      );
      return;
    }
    const change = command === 'next-era' ? nextEra(scenario) : typicalFiveMinutes(scenario, typicalSteps++);
    seedStorage(chain.endpoint, change.changes).then(
      () => {
        scenario = change.scenario;
        console.log(
          JSON.stringify({
            ok: true,
            era: scenario.expected.staking.activeEra.index,
            changes: change.changes.length,
          }),
        );
      },
      (error: Error) => console.log(JSON.stringify({ ok: false, error: error.message })),
    );
  });
}

main().catch((error) => {
  console.error(`dev chain failed: ${(error as Error).message}`);
  process.exit(1);
});
