/**
 * One scheduled snapshot run: the job, its summary logged as JSON, then one alert-detection message
 * for the alert engine. A failure of either is logged and rethrown so Lambda counts it.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { encodeAlertDetection } from '../../core/ports/alert-detection-message.js';
import { runSnapshotJob, type SnapshotJobDeps, type SnapshotSummary } from './job.js';

export interface SnapshotRuntime {
  job: Omit<SnapshotJobDeps, 'log'>;
  logger: Pick<Logger, 'info' | 'error'>;
  sendAlertMessage: (body: string) => Promise<unknown>;
  run?: (deps: SnapshotJobDeps) => Promise<SnapshotSummary>;
}

/** Runs the job; a failure is logged and rethrown so Lambda counts it (alarms, dead-letter queue). */
export async function runScheduledSnapshot(rt: SnapshotRuntime): Promise<SnapshotSummary> {
  const run = rt.run ?? runSnapshotJob;
  let summary: SnapshotSummary;
  try {
    summary = await run({ ...rt.job, log: (message) => rt.logger.info(message) });
  } catch (error) {
    rt.logger.error('snapshot failed, previous version still served', error as Error);
    throw error;
  }
  rt.logger.info('snapshot committed', { summary });
  try {
    await rt.sendAlertMessage(encodeAlertDetection(summary));
  } catch (error) {
    rt.logger.error(
      `snapshot ${summary.version} committed but its alert message was not sent`,
      error as Error,
    );
    throw error;
  }
  return summary;
}
