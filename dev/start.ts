/**
 * `npm start`: the embedded local stack on 127.0.0.1. Prints what runs where, then `Herald ready`.
 * Options: `--fork` (fork live Kusama Asset Hub through Chopsticks), `--scenario small|kusama`,
 * `--seed N`, `--runtime SPEC` (the dev Asset Hub's runtime: 2003000, the default, or 1009003),
 * `--memory` (DynamoDB in memory instead of .data/). Ports: PORT (3000),
 * HERALD_DYNAMODB_PORT (8000), HERALD_CHAIN_PORT (8546), HERALD_RELAY_CHAIN_PORT (8547),
 * HERALD_PEOPLE_CHAIN_PORT (8548), HERALD_CORETIME_CHAIN_PORT (8549); 0 picks a free one. Once ready it records itself in
 * .data/stack.json (removed when it stops), which the CLIs read to find it; a second stack on
 * .data/ is refused while one runs.
 */
import './node-support.js';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENV } from '../core/config/env-names.js';
import { DEFAULT_FORK_ENDPOINT, startForkedChain } from './chain/fork.js';
import { DEFAULT_ASSET_HUB_SPEC, parseRuntimeOption } from './chain/runtimes.js';
import { findRunningStack, StackProblem } from './stack/find-stack.js';
import { startLocalStack } from './stack/local-stack.js';
import { removeStackFile, stackFilePath, writeStackFile } from './stack/stack-file.js';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fork: { type: 'boolean', default: false },
      scenario: { type: 'string', default: 'small' },
      seed: { type: 'string', default: '42' },
      runtime: { type: 'string', default: String(DEFAULT_ASSET_HUB_SPEC) },
      memory: { type: 'boolean', default: false },
    },
  });
  if (values.scenario !== 'small' && values.scenario !== 'kusama') {
    throw new Error(`--scenario must be small or kusama, not "${values.scenario}"`);
  }
  const port = (name: string, fallback: number) => {
    const raw = process.env[name];
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65_535)
      throw new Error(`${name} must be a port number, not "${raw}"`);
    return n;
  };
  const running = await findRunningStack({ log });
  if (running && !values.memory)
    throw new StackProblem(
      `Herald is already running (pid ${running.stack.pid}, ${running.stack.http}) on .data/: use that one, stop it first, or start this one with --memory on other ports (PORT=0 HERALD_DYNAMODB_PORT=0 HERALD_CHAIN_PORT=0 HERALD_RELAY_CHAIN_PORT=0 picks free ones).`,
    );
  const stopFork: Array<() => Promise<void>> = [];
  if (values.fork) {
    const upstream = process.env[ENV.assetHubRpc]?.split(',')[0] ?? DEFAULT_FORK_ENDPOINT;
    const fork = await startForkedChain(upstream, port('HERALD_CHAIN_PORT', 8546));
    stopFork.push(() => fork.close());
    process.env[ENV.assetHubRpc] = fork.endpoint;
    log(`Chopsticks fork       ${fork.endpoint}  (of ${upstream})`);
  }
  const tableName = process.env[ENV.tableName] ?? 'herald-local';
  const started = performance.now();
  const stack = await startLocalStack({
    httpPort: port('PORT', 3000),
    dynamoPort: port('HERALD_DYNAMODB_PORT', 8000),
    chainPort: port('HERALD_CHAIN_PORT', 8546),
    relayChainPort: port('HERALD_RELAY_CHAIN_PORT', 8547),
    peopleChainPort: port('HERALD_PEOPLE_CHAIN_PORT', 8548),
    coretimeChainPort: port('HERALD_CORETIME_CHAIN_PORT', 8549),
    dataDir: values.memory ? null : join(process.cwd(), '.data'),
    tableName,
    snapshotIntervalMs: Number(process.env.HERALD_SNAPSHOT_INTERVAL_MS ?? 60_000),
    scenario: values.scenario,
    seed: Number(values.seed),
    runtime: parseRuntimeOption(values.runtime),
    log,
  });
  log(`Health                ${stack.http.url}/health`);
  const stackFile = stackFilePath();
  if (running) {
    log(
      `Stack file            none: .data/stack.json names pid ${running.stack.pid}; reach this stack with PORT=${stack.http.port}`,
    );
  } else {
    writeStackFile(stackFile, {
      pid: process.pid,
      http: stack.http.url,
      dynamodb: stack.dynamoEndpoint,
      tableName,
      chain: {
        assetHub: stack.endpoints.assetHub,
        relay: stack.endpoints.relay ?? [],
        people: stack.endpoints.people ?? [],
        coretime: stack.endpoints.coretime ?? [],
      },
      dataDir: values.memory ? null : join(process.cwd(), '.data'),
      startedAt: new Date().toISOString(),
    });
    process.on('exit', () => removeStackFile(stackFile, process.pid));
    log('Stack file            .data/stack.json  (how npm run ask, alerts and snapshot find this stack)');
  }
  log(`Herald ready in ${((performance.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops everything.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await stack.close();
    for (const s of stopFork) await s();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  const message = (error as Error).message;
  const hint = /EADDRINUSE/.test(message)
    ? ' (a port is taken: set PORT, HERALD_DYNAMODB_PORT, HERALD_CHAIN_PORT or HERALD_RELAY_CHAIN_PORT; 0 picks a free one)'
    : '';
  console.error(error instanceof StackProblem ? message : `Herald could not start: ${message}${hint}`);
  process.exit(1);
});
