import { describe, expect, it } from 'vitest';
import { ENV } from '../../../core/config/env-names.js';
import { parseAlertDetection } from '../../../core/ports/alert-detection-message.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import { HandlerConfigError } from '../../../lambdas/config/errors.js';
import { snapshotRuntimeFromEnv } from '../../../lambdas/handlers/snapshot.js';
import type { SnapshotJobDeps, SnapshotSummary } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { runScheduledSnapshot, type SnapshotRuntime } from '../../../lambdas/snapshot/scheduled-run.js';

const SUMMARY = { version: 12, relayBlock: 31_000_000, era: 9_000, itemsWritten: 4 } as SnapshotSummary;

function harness(
  run: (deps: SnapshotJobDeps) => Promise<SnapshotSummary>,
  send?: (body: string) => Promise<unknown>,
) {
  const logged: Array<{ level: string; message: string; extra?: unknown }> = [];
  const sent: string[] = [];
  const runs: SnapshotJobDeps[] = [];
  const rt: SnapshotRuntime = {
    job: {
      store: {} as SnapshotStore,
      endpoints: { assetHub: ['ws://127.0.0.1:1'] },
      archive: new MemoryEraArchive(),
    },
    logger: {
      info: ((message: string, extra?: unknown) => logged.push({ level: 'info', message, extra })) as never,
      error: ((message: string, extra?: unknown) => logged.push({ level: 'error', message, extra })) as never,
    },
    sendAlertMessage: send ?? (async (body) => sent.push(body)),
    run: async (deps) => {
      runs.push(deps);
      return run(deps);
    },
  };
  return { rt, logged, sent, runs };
}

describe('runScheduledSnapshot', () => {
  it('runs the job, logs the summary as a structured field and sends one alert message', async () => {
    const h = harness(async (deps) => {
      deps.log?.('reading');
      return SUMMARY;
    });
    expect(await runScheduledSnapshot(h.rt)).toBe(SUMMARY);
    expect(h.sent.map(parseAlertDetection)).toEqual([{ version: 12, relayBlock: 31_000_000 }]);
    expect(h.logged).toEqual([
      { level: 'info', message: 'reading', extra: undefined },
      { level: 'info', message: 'snapshot committed', extra: { summary: SUMMARY } },
    ]);
    expect(h.runs[0]!.archive).toBe(h.rt.job.archive);
  });

  it('keeps the same archive across warm invocations', async () => {
    const h = harness(async () => SUMMARY);
    await runScheduledSnapshot(h.rt);
    await runScheduledSnapshot(h.rt);
    expect(h.runs[0]!.archive).toBe(h.runs[1]!.archive);
    expect(h.sent).toHaveLength(2);
  });

  it('sends nothing and rethrows when the job fails, so Lambda counts the failure', async () => {
    const h = harness(async () => {
      throw new Error('all endpoints failed');
    });
    await expect(runScheduledSnapshot(h.rt)).rejects.toThrow('all endpoints failed');
    expect(h.sent).toEqual([]);
    expect(h.logged.at(-1)).toMatchObject({
      level: 'error',
      message: 'snapshot failed, previous version still served',
    });
  });

  it('rethrows when the alert message cannot be sent, saying the version is committed', async () => {
    const h = harness(
      async () => SUMMARY,
      async () => {
        throw new Error('AccessDenied');
      },
    );
    await expect(runScheduledSnapshot(h.rt)).rejects.toThrow('AccessDenied');
    expect(h.logged.at(-1)).toMatchObject({
      level: 'error',
      message: 'snapshot 12 committed but its alert message was not sent',
    });
  });
});

describe('snapshotRuntimeFromEnv', () => {
  const base = {
    [ENV.assetHubRpc]: 'wss://ah.example',
    [ENV.tableName]: 'herald-table',
    [ENV.alertDetectorFunction]: 'Herald-AlertDetectorFunction-a1B2c3',
    AWS_REGION: 'eu-west-1',
  };

  it('builds the runtime from the stack variables', () => {
    const rt = snapshotRuntimeFromEnv({
      ...base,
      [ENV.readTimeoutMs]: '110000',
      [ENV.requestTimeoutMs]: '60000',
      [ENV.relayRpc]: 'wss://relay.example',
    });
    expect(rt.job.endpoints).toEqual({ assetHub: ['wss://ah.example'], relay: ['wss://relay.example'] });
    expect(rt.job.readTimeoutMs).toBe(110_000);
    expect(rt.job.requestTimeoutMs).toBe(60_000);
    expect(rt.job.connectTimeoutMs).toBeUndefined();
  });

  it.each([
    [ENV.assetHubRpc, 'KUSAMA_AH_RPC is not set'],
    [ENV.tableName, 'HERALD_TABLE_NAME is not set'],
    [ENV.alertDetectorFunction, 'HERALD_ALERT_DETECTOR_FUNCTION is not set'],
  ])('names the missing variable %s', (name, message) => {
    const env: Record<string, string> = { ...base };
    delete env[name];
    expect(() => snapshotRuntimeFromEnv(env)).toThrow(HandlerConfigError);
    expect(() => snapshotRuntimeFromEnv(env)).toThrow(message);
  });

  it('rejects a timeout that is not a positive whole number of milliseconds', () => {
    expect(() => snapshotRuntimeFromEnv({ ...base, [ENV.connectTimeoutMs]: '-5' })).toThrow(
      'HERALD_CONNECT_TIMEOUT_MS must be a positive integer',
    );
    expect(() => snapshotRuntimeFromEnv({ ...base, [ENV.requestTimeoutMs]: '1.5' })).toThrow(
      'HERALD_REQUEST_TIMEOUT_MS must be a positive integer',
    );
  });

  it('looks titles up where HERALD_TITLES_URL says, not at all when it is unset or off, and refuses a bad URL', () => {
    const rt = snapshotRuntimeFromEnv({
      ...base,
      [ENV.titlesUrl]: 'https://kusama-api.subsquare.io/',
      [ENV.titlesTimeoutMs]: '1500',
    });
    expect(rt.job.titles).toEqual({ baseUrl: 'https://kusama-api.subsquare.io', timeoutMs: 1500 });
    expect(snapshotRuntimeFromEnv(base).job.titles).toBeUndefined();
    expect(snapshotRuntimeFromEnv({ ...base, [ENV.titlesUrl]: 'off' }).job.titles).toBeUndefined();
    expect(() => snapshotRuntimeFromEnv({ ...base, [ENV.titlesUrl]: 'kusama-api.subsquare.io' })).toThrow(
      'HERALD_TITLES_URL must be an http(s) URL',
    );
    expect(() => snapshotRuntimeFromEnv({ ...base, [ENV.titlesUrl]: 'ftp://example.org' })).toThrow(
      'HERALD_TITLES_URL must be an http(s) URL, not ftp:',
    );
  });
});
