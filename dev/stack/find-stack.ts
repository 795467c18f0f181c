/**
 * How the CLIs find the local DB: HERALD_DYNAMODB_ENDPOINT when set; else the running `npm start`
 * recorded in .data/stack.json (checked through its /health, a stale file is dropped); else a
 * stack answering on PORT (3000); else the on-disk DB under .data/dynamodb, opened by the CLI
 * itself. Every situation a newcomer meets ends in one line saying what to do (a StackProblem),
 * never in a stack trace.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ENV } from '../../core/config/env-names.js';
import { type RunningDynamo, startDynalite } from '../dynamodb/dynalite.js';
import { forgetStackFile, processAlive, readStackFile, type StackFile, stackFilePath } from './stack-file.js';

/** An expected situation the user resolves: its message is the whole story, printed as one line. */
export class StackProblem extends Error {
  override readonly name = 'StackProblem';
}

export interface FoundStack {
  stack: StackFile;
  /** How it was found, for a log line. */
  via: string;
}

interface Health {
  pid?: number;
  dynamodb?: string;
  tableName?: string;
  chain?: { assetHub?: string[]; relay?: string[]; people?: string[]; coretime?: string[] };
}

async function health(url: string): Promise<Health | null> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    return (await res.json()) as Health;
  } catch {
    return null;
  }
}

export interface FindOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** The running local stack, or null when none runs. Throws a StackProblem when one is recorded but does not answer. */
export async function findRunningStack(options: FindOptions = {}): Promise<FoundStack | null> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const path = stackFilePath(options.cwd);
  const recorded = readStackFile(path);
  if (recorded instanceof Error) {
    log(`ignoring ${path}: ${recorded.message}`);
  } else if (recorded) {
    if (!processAlive(recorded.pid)) {
      log(
        `ignoring a stale .data/stack.json: the npm start it names (pid ${recorded.pid}) is no longer running`,
      );
      forgetStackFile(path);
    } else {
      const answer = await health(recorded.http);
      if (answer && answer.pid === recorded.pid) return { stack: recorded, via: '.data/stack.json' };
      if (!answer && (await stillRecorded(path, recorded.pid)))
        throw new StackProblem(
          `npm start (pid ${recorded.pid}) does not answer at ${recorded.http}/health: wait until it prints "Herald ready", or stop it (kill ${recorded.pid}) and start again.`,
        );
      if (answer) log(`ignoring a stale .data/stack.json: ${recorded.http} now answers for another process`);
    }
  }
  const port = env.PORT?.trim() || '3000';
  const url = `http://127.0.0.1:${port}`;
  const answer = await health(url);
  if (typeof answer?.dynamodb !== 'string') return null;
  return {
    stack: {
      pid: answer.pid ?? 0,
      http: url,
      dynamodb: answer.dynamodb,
      tableName: answer.tableName ?? env[ENV.tableName] ?? 'herald-local',
      chain: {
        assetHub: answer.chain?.assetHub ?? [],
        relay: answer.chain?.relay ?? [],
        people: answer.chain?.people ?? [],
        coretime: answer.chain?.coretime ?? [],
      },
      dataDir: null,
      startedAt: '',
    },
    via: `PORT ${port}`,
  };
}

/** A stack that stopped while we asked removed its file; one still starting has not written it yet. */
async function stillRecorded(path: string, pid: number): Promise<boolean> {
  const now = readStackFile(path);
  return !(now instanceof Error) && now?.pid === pid && processAlive(pid);
}

export interface LocalDb {
  endpoint: string;
  tableName: string;
  /** The running stack, when the DB is its. */
  stack: StackFile | null;
  /** Stops the DB this CLI opened itself (nothing for a running stack's). */
  close(): Promise<void>;
}

export interface LocalDbOptions extends FindOptions {
  /** Create .data/dynamodb when there is none (the snapshot CLI fills it); else say how to get data. */
  create?: boolean;
}

/** The DynamoDB the CLI should use, found as the module comment says. */
export async function localDb(options: LocalDbOptions = {}): Promise<LocalDb> {
  const env = options.env ?? process.env;
  const explicit = env[ENV.dynamoEndpoint]?.trim();
  const tableFromEnv = env[ENV.tableName]?.trim();
  if (explicit)
    return {
      endpoint: explicit,
      tableName: tableFromEnv || 'herald-local',
      stack: null,
      close: async () => {},
    };
  const found = await findRunningStack(options);
  if (found) {
    options.log?.(
      `using the running npm start (pid ${found.stack.pid}, found by ${found.via}): ${found.stack.dynamodb}`,
    );
    return {
      endpoint: found.stack.dynamodb,
      tableName: tableFromEnv || found.stack.tableName,
      stack: found.stack,
      close: async () => {},
    };
  }
  const path = join(options.cwd ?? process.cwd(), '.data', 'dynamodb');
  if (!options.create && !existsSync(path))
    throw new StackProblem(
      'There is no local data yet: start the stack with `npm start` (and run this beside it), or take one snapshot with `npm run snapshot`.',
    );
  await refuseIfLocked(path);
  const dynamo: RunningDynamo = await startDynalite({ path });
  return {
    endpoint: dynamo.endpoint,
    tableName: tableFromEnv || 'herald-local',
    stack: null,
    close: () => dynamo.close(),
  };
}

/**
 * LevelDB lets one process open a directory; dynalite would fail later with an uncaught "Database
 * is closed". Opening it first with the same LevelDB module dynalite uses says so in time.
 */
async function refuseIfLocked(path: string): Promise<void> {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const { Level } = fromDynalite('level') as {
    Level: new (path: string) => { open(): Promise<void>; close(): Promise<void> };
  };
  const db = new Level(path);
  try {
    await db.open();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED')
      throw new StackProblem(
        `${path} is in use by another process (an npm start this command did not find?): run this beside it with PORT=<its HTTP port> or ${ENV.dynamoEndpoint}=<its DynamoDB endpoint>, both printed by npm start.`,
      );
    throw error;
  }
  await db.close();
}
