/**
 * The alert runner of `npm start` in a process of its own, for the restart test to SIGKILL. It
 * follows the chain time, delivers the restart jobs' Discord alerts, then its Telegram alerts one
 * at a time; right before its n-th Telegram send it prints "paused" and waits to be killed, so the
 * kill lands at a known point whatever the machine's speed.
 *
 * Usage: tsx runner-child.ts <dynamo endpoint> <table> <data dir> <pause before send n>, with the
 * fakes in RESTART_TELEGRAM_ROOT, RESTART_TELEGRAM_TOKEN and RESTART_DISCORD_API.
 */
import { createAlertNotifiers } from '../../../bots/alert-notifiers/index.js';
import type { Notifier } from '../../../core/ports/notifier.js';
import { startLocalAlerts } from '../../../dev/alerts/local-runner.js';
import { localDynamoClient } from '../../../dev/dynamodb/client.js';
import { encodeJob } from '../../../lambdas/alerts/job-message.js';
import { CHAIN_TIME, restartJobs, statusOnly, WALL_START } from './restart-bench.js';

const [endpoint, tableName, dataDir, pauseAt] = process.argv.slice(2);
if (!endpoint || !tableName || !dataDir || !pauseAt)
  throw new Error('usage: runner-child.ts <endpoint> <table> <dir> <n>');
const env = process.env;
const notifiers = createAlertNotifiers({
  telegram: { token: env.RESTART_TELEGRAM_TOKEN!, apiRoot: env.RESTART_TELEGRAM_ROOT },
  discord: { token: 'test-token', apiRoot: env.RESTART_DISCORD_API },
  subscriptions: null,
});
const say = (line: string) => process.stdout.write(`${line}\n`);

let telegramSends = 0;
const telegram = notifiers.telegram!;
const pausing: Notifier = {
  platform: 'telegram',
  async send(target, messages) {
    if (++telegramSends === Number(pauseAt)) {
      setInterval(() => {}, 1 << 30);
      say(`paused before Telegram send ${pauseAt}`);
      return new Promise<never>(() => {});
    }
    const outcomes = await telegram.send(target, messages);
    say(`sent to ${target.id}`);
    return outcomes;
  },
};

const alerts = startLocalAlerts({
  client: localDynamoClient(endpoint),
  tableName,
  store: statusOnly(CHAIN_TIME),
  notifiers: { telegram: pausing, discord: notifiers.discord },
  clock: 'chain',
  wallClock: () => WALL_START,
  dataDir,
  concurrency: 1,
});
await alerts.afterSnapshot();
const jobs = restartJobs();
const enqueue = (platform: 'telegram' | 'discord') =>
  alerts.queues[platform].send(
    jobs.filter((j) => j.target.platform === platform).map((job) => ({ body: encodeJob(job) })),
  );
// Discord first, to the end: a Discord send in flight at the kill whose alerts were marked one by
// one would go out again regrouped, the window no record closes (alerts-design.md).
await enqueue('discord');
while (alerts.queues.discord.size() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
say('discord done');
await enqueue('telegram');
say('telegram enqueued');
