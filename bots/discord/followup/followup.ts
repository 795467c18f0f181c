/**
 * The follow-up invocation: answers a deferred interaction. It runs the command again (the answer
 * comes from the newest snapshot), renders the referendum chart when the answer has one, and edits
 * the deferred message through the interaction webhook. An error answer replaces the deferred
 * message with an ephemeral one, so errors stay visible to the caller only.
 */
import type { RawFile, REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type { ChartData } from '../../../core/opengov/chart-data.js';
import type { CommandRunner } from '../command-runner.js';
import { messageBody, renderReply } from '../render/index.js';
import { type FollowupJob, INTERACTION_TOKEN_TTL_MS } from './job.js';

export interface FollowupDeps {
  /** Needs no bot token: interaction webhooks authenticate by the token in the URL. */
  rest: REST;
  run: CommandRunner;
  renderChart: (data: ChartData) => Promise<Uint8Array>;
  now?: () => number;
  log?: (message: string) => void;
}

export type FollowupResult = 'edited' | 'edited-without-chart' | 'error-sent' | 'expired';

export async function runFollowup(job: FollowupJob, deps: FollowupDeps): Promise<FollowupResult> {
  const now = deps.now ?? Date.now;
  if (now() - job.createdAtMs > INTERACTION_TOKEN_TTL_MS) {
    deps.log?.(`follow-up for "${job.line}" expired before it ran`);
    return 'expired';
  }
  const reply = await deps.run(job.line, job.caller);
  const original = Routes.webhookMessage(job.applicationId, job.token, '@original');
  if (reply.type === 'error') {
    const body = messageBody(renderReply(reply));
    // A deferred reply would stay public; the error goes to the caller alone. A paged list stays.
    if (job.mode === 'reply')
      await deps.rest.delete(original, { auth: false }).catch((error: unknown) => {
        deps.log?.(`could not delete the deferred message: ${(error as Error).message}`);
      });
    await deps.rest.post(Routes.webhook(job.applicationId, job.token), { body, auth: false });
    return 'error-sent';
  }
  const chart = reply.attachments.find((a) => a.type === 'referendum-chart') ?? null;
  let files: RawFile[] = [];
  if (chart) {
    try {
      files = [{ name: chart.fileName, data: await deps.renderChart(chart.chart), contentType: 'image/png' }];
    } catch (error) {
      deps.log?.(`chart for "${job.line}" could not be rendered: ${(error as Error).message}`);
    }
  }
  const body = messageBody(renderReply(reply, { chartAttached: files.length > 0 }));
  if (files.length > 0) body.attachments = files.map((f, id) => ({ id, filename: f.name }));
  await deps.rest.patch(original, { body, files, auth: false });
  return chart && files.length === 0 ? 'edited-without-chart' : 'edited';
}
