/**
 * The README's commands beside a running `npm start`: the stack runs as a child on free ports in a
 * fresh folder, and the CLIs, started there with no port or endpoint in their environment, find it
 * through .data/stack.json. Without a stack (a stale file, a DB another process holds) each says
 * in one line what to do. The AWS SDK's Node-version notice is left to the CLIs themselves to
 * switch off, so it is absent from their environment here.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../../dev/dynamodb/client.js';
import { startDynalite } from '../../../dev/dynamodb/dynalite.js';
import type { StackFile } from '../../../dev/stack/stack-file.js';
import { ensureTable } from '../../../lambdas/store/table/index.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SDK_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/** A folder to run in, with the repository's packages, so `.data/` is its own. */
function workFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'herald-cli-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** The environment a newcomer's shell has: no ports, endpoints or SDK switch of ours. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    'PORT',
    'HERALD_DYNAMODB_ENDPOINT',
    'HERALD_TABLE_NAME',
    'KUSAMA_AH_RPC',
    'KUSAMA_RELAY_RPC',
    SDK_SWITCH,
  ])
    delete env[name];
  return { ...env, ...extra };
}

async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return String(port);
}

function cli(cwd: string, script: string, args: string[], env = plainEnv()) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'dev', script), ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** No stack trace and no SDK notice on stderr. */
function expectClean(err: string): void {
  expect(err).not.toMatch(/^\s+at /m);
  expect(err).not.toMatch(/NodeVersionSupportWarning|Warning:/);
}

describe('the CLIs beside a running npm start', () => {
  let dir: string;
  let stack: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    dir = workFolder();
    stack = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'dev', 'start.ts'), '--memory'], {
      cwd: dir,
      env: plainEnv({
        PORT: '0',
        HERALD_DYNAMODB_PORT: '0',
        HERALD_CHAIN_PORT: '0',
        HERALD_RELAY_CHAIN_PORT: '0',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    stack.stdout!.on('data', (d) => {
      output += d;
    });
    stack.stderr!.on('data', (d) => {
      output += d;
    });
    await new Promise<void>((ready, failed) => {
      const timer = setInterval(() => {
        if (/^Herald ready/m.test(output)) {
          clearInterval(timer);
          ready();
        }
      }, 100);
      stack!.once('exit', (code) => {
        clearInterval(timer);
        failed(new Error(`npm start exited with ${code}:\n${output}`));
      });
    });
  }, 240_000);

  afterAll(() => {
    if (stack?.exitCode === null) stack.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('npm start records itself in .data/stack.json, without the SDK notice', () => {
    const file = JSON.parse(readFileSync(join(dir, '.data', 'stack.json'), 'utf8')) as StackFile;
    expect(file.pid).toBe(stack!.pid);
    expect(file.http).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(file.http).not.toBe('http://127.0.0.1:3000');
    expect(file.chain.assetHub[0]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(file.dataDir).toBeNull();
    expect(output).not.toMatch(/NodeVersionSupportWarning/);
  });

  it('npm run ask answers from it', () => {
    const { code, out, err } = cli(dir, 'ask-cli.ts', ['/era']);
    expect(code, err).toBe(0);
    expect(out).toMatch(/^Data as of relay block #31,562,213 /m);
    expect(err).toMatch(/using the running npm start \(pid \d+, found by \.data\/stack\.json\)/);
    expectClean(err);
  });

  it('npm run alerts -- --dry-run judges the dev chain by its own clock', () => {
    const { code, out, err } = cli(dir, 'alerts-cli.ts', ['--dry-run']);
    expect(code, err).toBe(0);
    const first = out.split('\n')[0]!;
    expect(first).toMatch(
      /^data as of relay block 31,562,213 \(chain time 2026-[\d-]+T[\d:.]+Z\), taken (\d+m )?\d+s ago; alerts judged at .* by the chain's clock/,
    );
    expect(out).not.toMatch(/health:stale|held back: the data is/);
    expectClean(err);
    // The wall clock makes the same data months old: what the default no longer does.
    const wall = cli(dir, 'alerts-cli.ts', ['--dry-run', '--now', 'wall']);
    expect(wall.out).toMatch(/health:stale:1/);
  });

  it('a second npm start on .data/ is refused in one line', () => {
    const second = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'dev', 'start.ts')], {
      cwd: dir,
      env: plainEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr.trim()).toMatch(
      /^Herald is already running \(pid \d+, http:\/\/127\.0\.0\.1:\d+\) on \.data\/: /,
    );
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('Ctrl-C removes the stack file', async () => {
    const exited = new Promise<number | null>((r) => stack!.once('exit', (code) => r(code)));
    stack!.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, '.data', 'stack.json'))).toBe(false);
  });
});

describe('the CLIs without a running stack', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('drop a stale stack file and say how to get data, in one line', async () => {
    const dir = workFolder();
    dirs.push(dir);
    const gone = spawnSync(process.execPath, ['-e', ''], {}).pid;
    const port = await closedPort();
    const stale: StackFile = {
      pid: gone,
      http: `http://127.0.0.1:${port}`,
      dynamodb: `http://127.0.0.1:${port}`,
      tableName: 'herald-local',
      chain: { assetHub: [], relay: [] },
      dataDir: null,
      startedAt: '2026-07-01T00:00:00.000Z',
    };
    mkdirSync(join(dir, '.data'));
    writeFileSync(join(dir, '.data', 'stack.json'), JSON.stringify(stale));
    const { code, err } = cli(dir, 'ask-cli.ts', ['/era'], plainEnv({ PORT: port }));
    expect(code).toBe(1);
    expect(err).toMatch(
      `ignoring a stale .data/stack.json: the npm start it names (pid ${gone}) is no longer running`,
    );
    expect(err.trim().split('\n').at(-1)).toBe(
      'There is no local data yet: start the stack with `npm start` (and run this beside it), or take one snapshot with `npm run snapshot`.',
    );
    expect(existsSync(join(dir, '.data', 'stack.json'))).toBe(false);
    expectClean(err);
  });

  it('say so when another process holds .data/dynamodb, instead of "Database is closed"', async () => {
    const dir = workFolder();
    dirs.push(dir);
    const holder = await startDynalite({ path: join(dir, '.data', 'dynamodb') });
    const client = localDynamoClient(holder.endpoint);
    try {
      await ensureTable(client, 'herald-local');
      const port = await closedPort();
      for (const [script, args] of [
        ['ask-cli.ts', ['/era']],
        ['alerts-cli.ts', ['--dry-run']],
      ] as const) {
        const { code, err } = cli(dir, script, [...args], plainEnv({ PORT: port }));
        expect(code).toBe(1);
        expect(err.trim()).toMatch(
          /\.data\/dynamodb is in use by another process .*: run this beside it with PORT=/,
        );
        expect(err.trim().split('\n')).toHaveLength(1);
        expect(err).not.toMatch(/Database is closed/);
      }
    } finally {
      client.destroy();
      await holder.close();
    }
  });
});
