/**
 * `npm run alerts -- --dry-run`: runs alert detection on the newest snapshot version (against the
 * detector's cursor) and lists what would be sent, and to whom, without sending or moving the
 * cursor. Without --dry-run it sends through the Telegram and Discord bots configured in the
 * environment (tokens and API roots) and moves the cursor. It uses the running local stack
 * (.data/stack.json, or its /health on PORT) or the on-disk local DB (dev/stack/find-stack.ts).
 *
 * Options: --dry-run, --json, --version N, --now data|chain|wall|<ISO time> (default data: the
 * snapshot's chain time plus the time since it was taken; see dev/alerts/cli-clock.ts).
 */
import './node-support.js';
import { parseArgs } from 'node:util';
import { Telegram } from 'telegraf';
import { DiscordNotifier } from '../bots/discord/delivery/index.js';
import { createDiscordRest } from '../bots/discord/rest.js';
import { createTelegramNotifier } from '../bots/telegram/notifier.js';
import { alertMessage } from '../core/alerts/messages.js';
import { ENV } from '../core/config/env-names.js';
import type { Notifier, Platform } from '../core/ports/notifier.js';
import { ENTITY, type StatusEntity } from '../core/snapshot/entities.js';
import { targetKey } from '../core/subscriptions/subscription-model.js';
import { alertRulesFromEnv, operatorTargetsFrom } from '../lambdas/alerts/config.js';
import {
  type DetectionRun,
  type DetectorDeps,
  detectAndEnqueue,
  runDetection,
} from '../lambdas/alerts/detector.js';
import { createAlertRecordStore } from '../lambdas/store/alert-records/index.js';
import { createDynamoStore, createVersionDiffer } from '../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../lambdas/store/subscriptions/index.js';
import { ensureTable } from '../lambdas/store/table/index.js';
import { cliClock } from './alerts/cli-clock.js';
import { drainQueue } from './alerts/dispatch-loop.js';
import { MemoryQueue } from './alerts/memory-queue.js';
import { localDynamoClient } from './dynamodb/client.js';
import { localDb, StackProblem } from './stack/find-stack.js';

const log = (line: string) => console.error(line);

function notifiersFromEnv(): Partial<Record<Platform, Notifier>> {
  const env = process.env;
  const out: Partial<Record<Platform, Notifier>> = {};
  const tg = env[ENV.telegramBotToken]?.trim();
  if (tg) {
    const apiRoot = env[ENV.telegramApiRoot]?.trim();
    out.telegram = createTelegramNotifier({ telegram: new Telegram(tg, apiRoot ? { apiRoot } : {}), log });
  }
  const dc = env[ENV.discordBotToken]?.trim();
  if (dc)
    out.discord = new DiscordNotifier({
      rest: createDiscordRest({ token: dc, api: env[ENV.discordApiRoot]?.trim() || undefined }),
      log,
    });
  return out;
}

/** What the records say about each delivery ("sent", "retry", …), keyed "target alert". */
async function recordedStates(
  run: DetectionRun,
  records: DetectorDeps['records'],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const pairs = run.jobs.flatMap((job) => job.items.map((i) => ({ target: job.target, id: i.alert.id })));
  for (let i = 0; i < pairs.length; i += 16) {
    await Promise.all(
      pairs.slice(i, i + 16).map(async ({ target, id }) => {
        const record = await records.get(target, id);
        if (record) out.set(`${targetKey(target)} ${id}`, record.state);
      }),
    );
  }
  return out;
}

function print(run: DetectionRun, nowMs: number, json: boolean, states = new Map<string, string>()): void {
  if (json) {
    const rows = run.jobs.flatMap((job) =>
      job.items.map((i) => ({
        to: targetKey(job.target),
        alert: i.alert.id,
        severity: i.alert.severity,
        subscription: i.subscriptionId,
      })),
    );
    console.log(
      JSON.stringify({
        version: run.version,
        base: run.base,
        alerts: run.alerts.length,
        deliveries: rows,
        notes: run.notes,
      }),
    );
    return;
  }
  const targets = new Set(run.jobs.map((j) => targetKey(j.target)));
  console.log(
    `version ${run.version} (diffed against ${run.base ?? 'nothing: first run'}): ${run.alerts.length} alerts, ` +
      `${run.deliveries.length} deliveries to ${targets.size} targets`,
  );
  for (const job of run.jobs) {
    console.log(`\n${targetKey(job.target)} (${job.items.length} alert${job.items.length === 1 ? '' : 's'})`);
    for (const item of job.items) {
      const m = alertMessage(item.alert, { nowMs });
      const quiet = item.quietHours ? ' [quiet hours set]' : '';
      const state = states.get(`${targetKey(job.target)} ${item.alert.id}`);
      const already = state ? ` (already ${state}: not sent again)` : '';
      console.log(`  [${item.alert.severity}] ${item.alert.id}${quiet}${already}\n      ${m.title}`);
      for (const line of m.lines) console.log(`      ${line}`);
    }
  }
  const unrouted = run.alerts.filter((a) => !run.deliveries.some((d) => d.alert.id === a.id));
  if (unrouted.length > 0) console.log(`\nno subscriber for: ${unrouted.map((a) => a.id).join(', ')}`);
  for (const note of run.notes) console.log(`note: ${note}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      version: { type: 'string' },
      now: { type: 'string' },
    },
  });
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && (!Number.isSafeInteger(version) || version < 1))
    throw new Error(`--version must be a version number, not "${values.version}"`);
  const cleanup: Array<() => Promise<void>> = [];
  try {
    const db = await localDb({ log: (line) => console.error(line) });
    cleanup.push(() => db.close());
    const { tableName } = db;
    const client = localDynamoClient(db.endpoint);
    cleanup.push(async () => client.destroy());
    await ensureTable(client, tableName);
    const store = createDynamoStore({ client, tableName });

    const pointer = await store.getPointer();
    const status = pointer ? await store.getEntity<StatusEntity>(ENTITY.status, 'current') : undefined;
    const started = Date.now();
    const clock = cliClock(
      values.now,
      pointer && status
        ? {
            relayBlock: status.anchor.relayBlock,
            chainMs: status.anchor.timestampMs,
            committedAtMs: pointer.committedAt,
          }
        : null,
      started,
    );
    if (clock instanceof Error) throw new StackProblem(clock.message);
    const now = () => clock.startMs + (Date.now() - started);
    if (!values.json) console.log(clock.describe);

    const deps: DetectorDeps = {
      store,
      differ: createVersionDiffer({ client, tableName }),
      subscriptions: createSubscriptionStore({ client, tableName, now }),
      records: createAlertRecordStore({ client, tableName, now }),
      now,
      rules: alertRulesFromEnv(),
      operators: operatorTargetsFrom(process.env[ENV.alertOperatorTargets]),
      log,
    };
    if (values['dry-run']) {
      const run = await runDetection(deps, { version });
      if (!run)
        throw new StackProblem('there is no snapshot yet: run `npm start` or `npm run snapshot` first');
      print(run, now(), values.json, await recordedStates(run, deps.records));
      return;
    }
    const notifiers = notifiersFromEnv();
    if (!notifiers.telegram && !notifiers.discord)
      throw new Error(`set ${ENV.telegramBotToken} or ${ENV.discordBotToken} to send (or use --dry-run)`);
    const queue = new MemoryQueue(now);
    const run = await detectAndEnqueue({ ...deps, queue }, { version });
    if (!run) throw new Error('there is no snapshot yet: run `npm start` or `npm run snapshot` first');
    print(run, now(), values.json);
    // Retries back off for minutes; the CLI gives them two. What is left stays recorded as "retry"
    // and goes out when a later detection run sees the alert again.
    const deadline = Date.now() + 120_000;
    const stats = await drainQueue(
      queue,
      { records: deps.records, notifiers, queue, owner: `cli-${process.pid}`, now, log },
      { stopped: () => Date.now() > deadline },
    );
    log(
      `sent ${stats.totals.sent}, already sent ${stats.totals.alreadyDone}, retrying ${queue.size()}, failed ${stats.totals.failed}, gone ${stats.totals.gone}`,
    );
  } finally {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error instanceof StackProblem ? error.message : `alerts: ${(error as Error).message}`);
  process.exit(1);
});
