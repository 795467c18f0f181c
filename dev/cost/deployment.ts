/** What the deployed stack has that CloudWatch and SQS bill whether or not anything happens (`infra/cost-inputs.ts`). */
import { COST_INPUTS } from '../../infra/cost-inputs.js';
import type { DeploymentShape } from './assemble.js';

/** Alarm metrics CloudWatch bills a month: standard AWS metrics always; a custom one only for hours with data (never, while nothing fails). */
const billedAlarmMetrics = COST_INPUTS.alarms.reduce(
  (n, alarm) => n + alarm.metrics.filter((m) => !m.custom).length,
  0,
);

export const DEPLOYMENT_SHAPE: DeploymentShape = {
  alarmMetrics: billedAlarmMetrics,
  polledQueues: COST_INPUTS.queues.filter((q) => q.polled).length,
  source: 'infra: cost-inputs.ts (alarms and their metrics, queues and whether polled)',
};
