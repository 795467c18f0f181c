/**
 * What the local alert runner keeps under its data directory between runs, in one file written
 * atomically (state-file.ts): the dispatch queues' pending jobs with their receive counts and the
 * times they become visible, the chain clock's anchor those times are on, and when the
 * subscription index was last swept.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '../../core/ports/notifier.js';
import type { ChainAnchor } from './chain-clock.js';
import type { QueuedMessage } from './memory-queue.js';
import { AtomicJsonFile } from './state-file.js';

export const RUNNER_STATE_FILE = 'runner.json';

export interface RunnerState {
  format: 1;
  /** The chain clock's anchor; null when the runner was handed its clock. */
  clock: ChainAnchor | null;
  /** Wall time of the last subscription index sweep. */
  sweptAtMs: number | null;
  queues: Record<Platform, QueuedMessage[]>;
}

const isTime = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function messageProblem(m: unknown): string | null {
  const q = m as QueuedMessage;
  if (typeof q !== 'object' || q === null) return 'a message is not an object';
  if (typeof q.id !== 'string' || typeof q.body !== 'string') return 'a message lacks its id or body';
  if (!isTime(q.visibleAtMs) || !Number.isInteger(q.receiveCount) || q.receiveCount < 0)
    return `message ${q.id} has a bad visibility time or receive count`;
  return null;
}

/** Null when `raw` is a runner state this version reads, else why not. */
export function runnerStateProblem(raw: unknown): string | null {
  const s = raw as RunnerState;
  if (typeof s !== 'object' || s === null || s.format !== 1) return 'not a runner state of format 1';
  if (s.clock !== null && !(isTime(s.clock?.chainMs) && isTime(s.clock?.wallMs))) return 'bad clock anchor';
  if (s.sweptAtMs !== null && !isTime(s.sweptAtMs)) return 'bad sweep time';
  for (const platform of ['telegram', 'discord'] as const) {
    const list = s.queues?.[platform];
    if (!Array.isArray(list)) return `no ${platform} queue`;
    for (const m of list) {
      const problem = messageProblem(m);
      if (problem) return `${platform} queue: ${problem}`;
    }
  }
  return null;
}

/**
 * The state the previous runner left in `dir`, or undefined for none. A file this version cannot
 * read is moved aside (kept for a look, never overwritten) and the runner starts empty.
 */
export function loadRunnerState(dir: string, log: (line: string) => void): RunnerState | undefined {
  const path = join(dir, RUNNER_STATE_FILE);
  let raw: unknown;
  let problem: string | null;
  try {
    raw = AtomicJsonFile.read(path);
    if (raw === undefined) return undefined;
    problem = runnerStateProblem(raw);
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem === null) return raw as RunnerState;
  const aside = `${path}.unreadable-${Date.now()}`;
  renameSync(path, aside);
  log(`alerts: ${path} could not be read (${problem}); moved to ${aside}, starting with empty queues`);
  return undefined;
}
