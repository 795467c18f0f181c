/**
 * `npm run test:ddb-local`: runs the store tests against the official DynamoDB Local instead of
 * dynalite. Starts Java, runs vitest with HERALD_TEST_DDB_ENDPOINT, stops Java, exits with vitest's code.
 */
import './node-support.js';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureDynamoDbLocal, startDynamoDbLocal } from './dynamodb/dynamodb-local.js';

const TEST_DIR = 'test/lambdas/store';

async function main(): Promise<number> {
  const emulatorDir = await ensureDynamoDbLocal(resolve('.cache'));
  const ddb = await startDynamoDbLocal(emulatorDir);
  console.log(`DynamoDB Local listening at ${ddb.endpoint}`);
  let stopping = false;
  try {
    const vitest = spawn(
      process.execPath,
      [resolve('node_modules/vitest/vitest.mjs'), 'run', TEST_DIR, ...process.argv.slice(2)],
      { stdio: 'inherit', env: { ...process.env, HERALD_TEST_DDB_ENDPOINT: ddb.endpoint } },
    );
    const forward = (signal: NodeJS.Signals) => {
      stopping = true;
      vitest.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const code = await new Promise<number>((done) => {
      vitest.once('exit', (exitCode, signal) => done(exitCode ?? (signal ? 130 : 1)));
      vitest.once('error', (error) => {
        console.error(`could not run vitest: ${error.message}`);
        done(1);
      });
    });
    return stopping && code === 0 ? 130 : code;
  } finally {
    await ddb.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message ?? error);
    process.exit(1);
  },
);
