/**
 * `npm run ask -- '<command line>' [--json] [--target platform:kind:id] [--user ID] [--chart FILE]`:
 * answers one command from the local DB exactly as the bots would. Without --json it prints the
 * plain-text rendering; with --json the reply intent is the last line. --target makes the
 * subscription, alert-settings and /missed commands act for that chat; --chart writes a referendum chart PNG. The local DB is
 * HERALD_DYNAMODB_ENDPOINT, else the running `npm start` stack (.data/stack.json, or its /health on
 * PORT), else .data/ on disk (dev/stack/find-stack.ts).
 * Exit status: 0 for an answer, 2 for an error reply, 1 when the tool itself cannot run.
 */
import './node-support.js';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { renderReferendumChart } from '../bots/chart/render.js';
import { answerCommand, commandConfigFromEnv, commandContext } from '../bots/commands/index.js';
import { renderText } from '../bots/text/render.js';
import { replyToJson } from '../core/reply/json.js';
import { parseTargetKey, type Target } from '../core/subscriptions/subscription-model.js';
import { createAlertRecordStore } from '../lambdas/store/alert-records/index.js';
import { createDynamoStore } from '../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../lambdas/store/subscriptions/index.js';
import { localDynamoClient } from './dynamodb/client.js';
import { localDb, StackProblem } from './stack/find-stack.js';

function usage(problem: string): never {
  console.error(
    `${problem}\nUsage: npm run ask -- '/referenda' [--json] [--target telegram:chat:-100123] [--user 42] [--chart out.png]`,
  );
  process.exit(1);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      target: { type: 'string' },
      user: { type: 'string', default: 'ask-cli' },
      chart: { type: 'string' },
    },
  });
  if (positionals.length !== 1) usage('Give the command line as one quoted argument.');
  let caller: Target | null = null;
  if (values.target !== undefined) {
    const ref = parseTargetKey(values.target);
    if (!ref)
      usage(
        `--target must look like discord:channel:123, discord:dm:123, telegram:chat:-100123 or telegram:dm:123, not "${values.target}"`,
      );
    caller = { ...ref, createdBy: values.user };
  }
  const cleanup: Array<() => Promise<void>> = [];
  try {
    const db = await localDb({ log: (line) => console.error(line) });
    cleanup.push(() => db.close());
    const { endpoint, tableName } = db;
    const client = localDynamoClient(endpoint, 1);
    cleanup.push(async () => client.destroy());
    const ctx = commandContext({
      store: createDynamoStore({ client, tableName }),
      subscriptions: createSubscriptionStore({ client, tableName }),
      alertRecords: createAlertRecordStore({ client, tableName }),
      caller,
      staleAfterMs: commandConfigFromEnv().staleAfterMs,
      log: (line) => console.error(line),
    });
    const reply = await answerCommand(positionals[0], ctx);
    if (reply.type === 'error' && reply.error.code === 'unavailable')
      console.error(
        db.stack
          ? `(the running npm start has no snapshot to answer from yet: see its log; DB ${endpoint}, table ${tableName})`
          : `(no snapshot in DB ${endpoint}, table ${tableName}: start the stack with npm start, or run npm run snapshot)`,
      );
    const chart = reply.attachments[0];
    if (values.chart && chart) {
      await writeFile(values.chart, await renderReferendumChart(chart.chart));
      console.error(`chart written to ${values.chart}`);
    }
    console.log(values.json ? replyToJson(reply) : renderText(reply));
    return reply.type === 'error' ? 2 : 0;
  } finally {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof StackProblem ? error.message : `ask failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
