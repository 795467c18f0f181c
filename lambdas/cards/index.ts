/** The live referendum cards job (docs/cards-design.md). */
export type { CardContent, ChartRenderer } from './card-content.js';
export { type CardJobDeps, type CardRunSummary, runCardJob } from './card-job.js';
