import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

/** Every process in the tree below `pid` (tsx starts node as a child). */
function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of out.trim().split('\n')) {
    const [p, pp] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      found.push(c);
      walk(c);
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid && alive(child.pid)) child.kill('SIGKILL');
  });

  it('reaches "Herald ready" on statemine 2,003,000 beside a dev relay chain, upgrades the runtime on request, and Ctrl-C leaves no process behind', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'dev/start.ts', '--memory'], {
      env: {
        ...process.env,
        PORT: '0',
        HERALD_DYNAMODB_PORT: '0',
        HERALD_CHAIN_PORT: '0',
        HERALD_RELAY_CHAIN_PORT: '0',
        HERALD_PEOPLE_CHAIN_PORT: '0',
        HERALD_CORETIME_CHAIN_PORT: '0',
        KUSAMA_AH_RPC: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => {
      output += d;
    });
    child.stderr!.on('data', (d) => {
      output += d;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/^Herald ready/m.test(output)) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
      child!.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`npm start exited with ${code}:\n${output}`));
      });
    });
    const url = /^HTTP\s+(http:\/\/127\.0\.0\.1:\d+)/m.exec(output)?.[1];
    expect(url, output).toBeDefined();
    expect(output).toMatch(/^Kusama dev chain\s+ws:\/\/127\.0\.0\.1:\d+ .*statemine 2003000/m);
    expect(output).toMatch(
      /^Kusama dev relay\s+ws:\/\/127\.0\.0\.1:\d+ .*kusama 2003000.* paras on \d+ cores/m,
    );
    expect(output).toMatch(/^Kusama dev Coretime\s+ws:\/\/127\.0\.0\.1:\d+ .*coretime-kusama 1006001/m);
    expect(output).toMatch(/^DynamoDB \(dynalite\)\s+http:\/\/127\.0\.0\.1:\d+/m);

    const health = (await (await fetch(`${url}/health`)).json()) as Record<string, unknown>;
    expect(health.ok).toBe(true);
    expect(health.relayBlock).toBeGreaterThan(30_000_000);
    expect(health.snapshotVersion).toBe(1);
    expect((health.chain as { assetHub: string[] }).assetHub[0]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect((health.chain as { relay: string[] }).relay[0]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect((health.chain as { coretime: string[] }).coretime[0]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    // Pinned on the relay chain: the relay block the Asset Hub block was built on, without a warning.
    expect((health.lastSnapshot as { warnings: string[] }).warnings).toEqual([]);

    const refused = await fetch(`${url}/dev/runtime-upgrade`, { method: 'POST', body: '{"specVersion": 5}' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/above the running 2003000/);
    const upgraded = await fetch(`${url}/dev/runtime-upgrade`, {
      method: 'POST',
      body: '{"specVersion": 2003001}',
    });
    expect(upgraded.status).toBe(200);
    expect(await upgraded.json()).toMatchObject({
      from: 2_003_000,
      to: 2_003_001,
      snapshot: {
        version: 2,
        runtime: { specVersion: 2_003_001, previousSpecVersion: 2_003_000 },
        warnings: [],
      },
    });
    expect(output).toMatch(/runtime upgrade: spec 2003000 -> 2003001/);
    const status = execFileSync(process.execPath, ['--import', 'tsx', 'dev/ask-cli.ts', '/status'], {
      env: { ...process.env, HERALD_DYNAMODB_ENDPOINT: String(health.dynamodb) },
      encoding: 'utf8',
    });
    expect(status).toMatch(
      /^Runtime: spec 2,003,001 since .*, relay block #[\d,]+; upgraded from 2,003,000$/m,
    );

    const tree = [child.pid!, ...descendants(child.pid!)];
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    // Helpers such as esbuild's service notice their parent is gone and exit on their own; give them time.
    for (let i = 0; i < 50 && tree.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    expect(tree.filter(alive)).toEqual([]);
  });
});
