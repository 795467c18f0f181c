/**
 * Cards on AWS, run by the alert detector after the detection of each committed version (an SQS
 * event; the schedule's clock-only checks leave cards alone): the bots' tokens come from their
 * secrets as the dispatcher's do. A platform without a token gets no cards; a failed run is logged,
 * never fails the detection.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createCardMessengers } from '../../bots/alert-notifiers/index.js';
import { botAccessFromEnv } from '../config/secrets.js';
import { cardRunLine, tableCardJob } from './table-job.js';

export interface DetectorCardsSetup {
  client: DynamoDBClient;
  tableName: string;
  env: NodeJS.ProcessEnv;
  log: { info(line: string): void; warn(line: string): void };
}

export function detectorCards(setup: DetectorCardsSetup): (event: { Records?: unknown[] }) => Promise<void> {
  let job: Promise<(() => ReturnType<ReturnType<typeof tableCardJob>>) | null> | undefined;
  const build = async () => {
    const access = await botAccessFromEnv(setup.env, (line) => setup.log.warn(line));
    if (!access.telegram && !access.discord) return null;
    const messengers = createCardMessengers(access);
    return tableCardJob({ ...setup, messengers, log: (line) => setup.log.info(line) });
  };
  return async (event) => {
    if ((event.Records ?? []).length === 0) return;
    try {
      job ??= build();
      const run = await job;
      if (run) setup.log.info(cardRunLine(await run()));
    } catch (error) {
      job = undefined;
      setup.log.warn(`cards: the run failed: ${(error as Error).message}`);
    }
  };
}
