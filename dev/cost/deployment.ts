/** What the deployed stack has that CloudWatch and SQS bill whether or not anything happens. */
import type { DeploymentShape } from './assemble.js';

export const DEPLOYMENT_SHAPE: DeploymentShape = {
  alarmMetrics: 12,
  polledQueues: 3,
  source: 'infra: the stack (herald-stack.ts)',
};
