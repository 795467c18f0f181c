/**
 * The clock `npm run alerts` judges alerts by (deadlines, stale data), chosen by --now:
 * - `data` (the default): the snapshot's chain time plus the wall time since it was taken. On a
 *   live chain that is the wall clock; on a dev chain, whose time is not today's, it is the dev
 *   chain's own "now", so the data is as old as it really is and deadlines count from its block.
 * - `chain`: the snapshot's chain time itself, as if the snapshot had just been taken.
 * - `wall`: the machine's clock (right for a live chain only: a dev chain's data looks months old).
 * - an ISO time.
 */
import { formatDuration } from '../../core/format/duration.js';

export interface SnapshotTimes {
  relayBlock: number;
  /** Timestamp.Now at the snapshot's block (chain time). */
  chainMs: number;
  /** When the snapshot was committed (wall time). */
  committedAtMs: number;
}

export interface CliClock {
  /** The judging time at `wallMs`, the moment the clock was made. */
  startMs: number;
  /** One line for the reader: how old the data is and which clock judges it. */
  describe: string;
}

export const NOW_HELP = '--now must be data, chain, wall or an ISO time such as 2026-07-20T12:00:00Z';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The clock --now asks for, given the newest snapshot's times; an Error says what is wrong with --now. */
export function cliClock(
  option: string | undefined,
  data: SnapshotTimes | null,
  wallMs: number,
): CliClock | Error {
  const mode = option ?? 'data';
  let startMs: number;
  let how: string;
  if (mode === 'wall') {
    startMs = wallMs;
    how = 'the wall clock (--now wall)';
  } else if (mode === 'data' || mode === 'chain') {
    if (!data) return new Error('there is no snapshot yet: run `npm start` or `npm run snapshot` first');
    const since = Math.max(0, wallMs - data.committedAtMs);
    startMs = mode === 'chain' ? data.chainMs : data.chainMs + since;
    how =
      mode === 'chain'
        ? "the snapshot's chain time (--now chain)"
        : "the chain's clock, its time at the snapshot plus the time since (--now data)";
  } else {
    startMs = Date.parse(mode);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(mode) || !Number.isFinite(startMs))
      return new Error(`${NOW_HELP}, not "${mode}"`);
    how = `${iso(startMs)} (--now)`;
  }
  const head = data
    ? `data as of relay block ${data.relayBlock.toLocaleString('en-US')} (chain time ${iso(data.chainMs)}), taken ${formatDuration(Math.max(0, wallMs - data.committedAtMs))} ago`
    : 'no snapshot yet';
  return { startMs, describe: `${head}; alerts judged at ${iso(startMs)} by ${how}` };
}
