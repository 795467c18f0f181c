/**
 * A deferred answer on its way to the follow-up invocation: the interaction's webhook (application
 * id and token, valid 15 minutes), the command line and whose it is. Encoded as JSON on the queue
 * and checked field by field when read back.
 */

import { type Target, targetProblem } from '../../../core/subscriptions/subscription-model.js';
import { FollowupJobError } from '../errors.js';

export interface FollowupJob {
  v: 1;
  applicationId: string;
  token: string;
  line: string;
  caller: Target | null;
  /** Why it was deferred: a chart to render, or the answer took longer than the budget. */
  reason: 'chart' | 'slow';
  /** 'update' edits the message a button was on (paging); 'reply' the deferred answer. */
  mode: 'reply' | 'update';
  createdAtMs: number;
}

export interface FollowupQueue {
  enqueue(job: FollowupJob): Promise<void>;
}

/** Discord keeps an interaction token for 15 minutes; a job older than this cannot answer. */
export const INTERACTION_TOKEN_TTL_MS = 15 * 60_000;

export function encodeFollowupJob(job: FollowupJob): string {
  return JSON.stringify(job);
}

export function decodeFollowupJob(text: string): FollowupJob {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new FollowupJobError('follow-up job is not JSON');
  }
  const j = raw as Partial<FollowupJob> | null;
  if (j?.v !== 1) throw new FollowupJobError('follow-up job has no version 1 marker');
  if (typeof j.applicationId !== 'string' || !/^[0-9]{1,20}$/.test(j.applicationId))
    throw new FollowupJobError('follow-up job has no application id');
  if (typeof j.token !== 'string' || !/^[A-Za-z0-9._-]{1,500}$/.test(j.token))
    throw new FollowupJobError('follow-up job has no interaction token');
  if (typeof j.line !== 'string' || j.line.length === 0 || j.line.length > 4096)
    throw new FollowupJobError('follow-up job has no command line');
  if (j.caller !== null && (targetProblem(j.caller) !== null || typeof j.caller?.createdBy !== 'string'))
    throw new FollowupJobError('follow-up job has a malformed caller');
  if (j.reason !== 'chart' && j.reason !== 'slow') throw new FollowupJobError('follow-up job has no reason');
  if (j.mode !== 'reply' && j.mode !== 'update') throw new FollowupJobError('follow-up job has no mode');
  if (typeof j.createdAtMs !== 'number' || !Number.isFinite(j.createdAtMs))
    throw new FollowupJobError('follow-up job has no creation time');
  return j as FollowupJob;
}
