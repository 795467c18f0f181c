/**
 * The monthly bill, line by line, from named inputs: pure arithmetic, every line showing how it
 * was computed. `monthlyBill(inputs, subscribers)` is what `npm run cost` prints and what the
 * README's cost table is.
 */
import type { CostInputs } from './inputs.js';
import { MINUTES_PER_MONTH, PRICES } from './prices.js';

export interface BillLine {
  item: string;
  arithmetic: string;
  dollars: number;
}

export interface Bill {
  subscribers: number;
  lines: BillLine[];
  total: number;
}

const GB = 1024;
const n = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const m = (x: number) => `${n(x / 1e6, 2)} M`;

export function monthlyBill(i: CostInputs, subscribers: number): Bill {
  const v = <K extends keyof CostInputs>(k: K) => i[k].value;
  const runs = MINUTES_PER_MONTH / v('snapshotEveryMinutes');
  const checks = MINUTES_PER_MONTH / v('alertCheckEveryMinutes');
  const eras = MINUTES_PER_MONTH / 60 / v('eraHours');
  const steadyRuns = runs - eras;
  const colds = v('coldStartsPerDay') * (365 / 12);
  const snapGb = v('snapshotMemoryMb') / GB;
  const commands = subscribers * v('commandsPerSubscriberMonth');
  const messages = subscribers * v('alertsPerSubscriberMonth');
  const detectorRuns = runs + checks;

  const lines: BillLine[] = [];
  const add = (item: string, arithmetic: string, dollars: number) =>
    lines.push({ item, arithmetic, dollars });

  const steadyGbS = steadyRuns * (v('steadyRunMs') / 1000) * snapGb;
  add(
    'snapshot Lambda, steady runs',
    `${n(steadyRuns)} × ${n(v('steadyRunMs') / 1000, 1)} s × ${n(snapGb, 2)} GB = ${n(steadyGbS)} GB-s`,
    steadyGbS * PRICES.lambdaGbSecond + runs * PRICES.lambdaRequest,
  );
  const eraGbS = eras * (v('eraChangeRunMs') / 1000) * snapGb;
  const coldExtraMs = Math.max(0, v('coldStartRunMs') - v('steadyRunMs'));
  const coldGbS = colds * (coldExtraMs / 1000) * snapGb;
  add(
    'snapshot Lambda, era changes and cold starts',
    `${n(eras)} × ${n(v('eraChangeRunMs') / 1000, 1)} s + ${n(colds)} × ${n(coldExtraMs / 1000, 1)} s more, × ${n(snapGb, 2)} GB`,
    (eraGbS + coldGbS) * PRICES.lambdaGbSecond,
  );

  const detGb = v('detectorMemoryMb') / GB;
  const detectorMs = v('detectorRunMs') + v('detectorMsPerSubscriber') * subscribers;
  const detectorReads = v('detectorReadUnits') + v('detectorReadUnitsPerSubscriber') * subscribers;
  const detGbS = detectorRuns * (detectorMs / 1000) * detGb;
  const dispGbS = messages * (v('dispatchMsPerMessage') / 1000) * (v('dispatcherMemoryMb') / GB);
  const botGbS = commands * (v('commandMs') / 1000) * (v('botMemoryMb') / GB);
  add(
    'alert and bot Lambdas',
    `detector ${n(detectorRuns)} × ${n(detectorMs)} ms; ${n(messages)} alerts × ${n(v('dispatchMsPerMessage'), 1)} ms; ${n(commands)} commands × ${n(v('commandMs'))} ms`,
    (detGbS + dispGbS + botGbS) * PRICES.lambdaGbSecond + (detectorRuns + commands) * PRICES.lambdaRequest,
  );

  const eraWrites = eras * v('eraChangeWriteUnits');
  add(
    'DynamoDB writes, era changes',
    `${n(eras)} × ${n(v('eraChangeWriteUnits'))} = ${m(eraWrites)} WRU`,
    eraWrites * PRICES.dynamoWriteUnit,
  );
  const steadyWrites = steadyRuns * v('steadyWriteUnits');
  add(
    'DynamoDB writes, other runs',
    `${n(steadyRuns)} × ${n(v('steadyWriteUnits'), 1)} = ${m(steadyWrites)} WRU`,
    steadyWrites * PRICES.dynamoWriteUnit,
  );
  const halfLives = 365 / 12 / (v('itemLifetimeDays') / 2);
  const refreshWrites = halfLives * v('refreshWriteUnits') + colds * v('coldStartWriteUnits');
  add(
    'DynamoDB writes, refreshes and cold starts',
    `${n(halfLives, 1)} × ${n(v('refreshWriteUnits'))} + ${n(colds)} × ${n(v('coldStartWriteUnits'))} = ${m(refreshWrites)} WRU`,
    refreshWrites * PRICES.dynamoWriteUnit,
  );
  const alertWrites = detectorRuns * v('detectorWriteUnits') + messages * v('dispatchWriteUnitsPerMessage');
  add(
    'DynamoDB writes, alerts',
    `${n(detectorRuns)} × ${n(v('detectorWriteUnits'), 1)} + ${n(messages)} × ${n(v('dispatchWriteUnitsPerMessage'), 1)} = ${m(alertWrites)} WRU`,
    alertWrites * PRICES.dynamoWriteUnit,
  );

  const snapReads =
    steadyRuns * v('steadyReadUnits') + eras * v('eraChangeReadUnits') + colds * v('coldStartReadUnits');
  add(
    'DynamoDB reads, snapshot runs',
    `${n(steadyRuns)} × ${n(v('steadyReadUnits'), 1)} + ${n(eras)} × ${n(v('eraChangeReadUnits'))} + ${n(colds)} × ${n(v('coldStartReadUnits'))} = ${m(snapReads)} RRU`,
    snapReads * PRICES.dynamoReadUnit,
  );
  const otherReads =
    detectorRuns * detectorReads +
    messages * v('dispatchReadUnitsPerMessage') +
    commands * v('commandReadUnits');
  add(
    'DynamoDB reads, alerts and commands',
    `${n(detectorRuns)} × ${n(detectorReads, 1)} + ${n(messages)} × ${n(v('dispatchReadUnitsPerMessage'), 1)} + ${n(commands)} × ${n(v('commandReadUnits'), 1)} = ${m(otherReads)} RRU`,
    otherReads * PRICES.dynamoReadUnit,
  );

  // Superseded items stay stored until their expiry, delivery records for their TTL: what that many
  // days of writes hold, at most 1 KB per write unit.
  const days = 365 / 12;
  const snapshotKept = ((eraWrites + steadyWrites + refreshWrites) / days) * v('itemLifetimeDays');
  const alertKept = ((messages * v('dispatchWriteUnitsPerMessage')) / days) * v('alertRecordDays');
  const storedGb = (v('storedBytes') + (snapshotKept + alertKept) * 1024) / 1024 ** 3;
  add(
    'DynamoDB storage and PITR',
    `${n(storedGb, 2)} GB × ($${PRICES.dynamoStorageGbMonth} + $${PRICES.dynamoPitrGbMonth})`,
    storedGb * (PRICES.dynamoStorageGbMonth + PRICES.dynamoPitrGbMonth),
  );

  const polls = v('polledQueues') * v('idlePollsPerQueueMonth');
  const sqsMessages = messages * v('sqsRequestsPerMessage');
  add(
    'SQS',
    `${n(v('polledQueues'))} polled queues × ${n(v('idlePollsPerQueueMonth'))} + ${n(messages)} alerts × ${n(v('sqsRequestsPerMessage'), 2)}`,
    (polls + sqsMessages) * PRICES.sqsRequest,
  );
  add(
    'CloudWatch alarms',
    `${n(v('alarmMetrics'))} alarm metrics × $${PRICES.cloudwatchAlarmMetric}`,
    v('alarmMetrics') * PRICES.cloudwatchAlarmMetric,
  );
  const logGb =
    (runs * v('snapshotLogBytes') + (detectorRuns + commands + messages) * v('otherLogBytesPerInvocation')) /
    1024 ** 3;
  add('CloudWatch Logs', `${n(logGb, 3)} GB × $${PRICES.cloudwatchLogsGb}`, logGb * PRICES.cloudwatchLogsGb);
  add(
    'EventBridge Scheduler and KMS',
    `(${n(runs)} + ${n(checks)}) invocations; ${n(colds * 2)} secret decrypts`,
    (runs + checks) * PRICES.schedulerInvocation + colds * 2 * PRICES.kmsRequest,
  );

  const total = lines.reduce((sum, l) => sum + l.dollars, 0);
  return { subscribers, lines, total };
}
