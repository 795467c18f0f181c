/**
 * `npx tsx test/bots/telegram/notifier.bench.ts [messages]`: alert fan-out to distinct private
 * chats through the Telegram notifier, against the fake Bot API enforcing the real limits (30/s,
 * 1/s per chat). Prints delivery time, throughput as a share of the 30/s limit and 429 answers,
 * next to a baseline measured in the same run: the same messages sent as fast as 8 parallel
 * senders go, with no limiter.
 */
import { Telegram } from 'telegraf';
import { createTelegramNotifier } from '../../../bots/telegram/notifier.js';
import { TelegramRateLimiter } from '../../../bots/telegram/rate-limiter.js';
import type { NotifierMessage } from '../../../core/ports/notifier.js';
import { startFakeTelegram } from '../../helpers/fake-telegram.js';

const COUNT = Number(process.argv[2] ?? 300);
const LIMITS = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };
const message = (i: number): NotifierMessage => ({
  alertId: `deadline:412:decision:24h:${i}`,
  severity: 'warning',
  title: 'Referendum 412: decision period ends in 24 h',
  lines: ['Track small_spender · passing', 'Approval 71.2% (needs 55.0%), support 1.9% (needs 1.4%)'],
  footer: 'data as of relay block 31,562,213 (2 min ago)',
});

async function limited() {
  const fake = await startFakeTelegram({ limits: LIMITS });
  const notifier = createTelegramNotifier({
    telegram: new Telegram(fake.token, { apiRoot: fake.apiRoot }),
    limiter: new TelegramRateLimiter(),
    maxWaitMs: 60 * 60_000,
  });
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: COUNT }, (_, i) =>
      notifier.send({ platform: 'telegram', kind: 'dm', id: String(10_000 + i) }, [message(i)]),
    ),
  );
  const ms = performance.now() - started;
  const sent = outcomes.flat().filter((o) => o.status === 'sent').length;
  const result = { ms, sent, rejected429: fake.limitViolations(), delivered: fake.delivered().length };
  await fake.close();
  return result;
}

async function unlimited() {
  const fake = await startFakeTelegram({ limits: LIMITS });
  const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
  let next = 0;
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < COUNT) {
        const i = next++;
        try {
          await telegram.sendMessage(String(10_000 + i), `Referendum 412 alert ${i}`);
          sent++;
        } catch {
          // A 429: the baseline does not retry.
        }
      }
    }),
  );
  const ms = performance.now() - started;
  const result = { ms, sent, rejected429: fake.limitViolations(), delivered: fake.delivered().length };
  await fake.close();
  return result;
}

async function main() {
  console.log(`Telegram alert fan-out: ${COUNT} chats, fake Bot API enforcing 30/s and 1/s per chat`);
  const base = await unlimited();
  console.log(
    `  baseline, no limiter:  ${(base.ms / 1000).toFixed(2)} s, delivered ${base.delivered}/${COUNT}, 429 answers ${base.rejected429}`,
  );
  const run = await limited();
  const rate = (run.delivered - 1) / (run.ms / 1000);
  console.log(
    `  notifier:              ${(run.ms / 1000).toFixed(2)} s, delivered ${run.delivered}/${COUNT}, 429 answers ${run.rejected429}`,
  );
  console.log(`  throughput ${rate.toFixed(1)} msg/s = ${((rate / 30) * 100).toFixed(1)}% of the 30/s limit`);
  console.log(`  ideal time at exactly 30/s: ${((COUNT - 1) / 30).toFixed(2)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
