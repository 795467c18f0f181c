import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourceFiles, repositoryRoot, SOURCE_ROOTS } from '../../../dev/architecture/imports.js';
import { checkBoundaries, type SourceFile, wingOf } from '../../../dev/architecture/rules.js';

const rel = (path: string, specifier: string, target: string): SourceFile => ({
  path,
  imports: [{ specifier, target, pkg: null }],
});
const pkg = (path: string, name: string): SourceFile => ({
  path,
  imports: [{ specifier: name, target: null, pkg: name }],
});

describe('the dependency rules', () => {
  it('hold on the repository as it is', () => {
    const files = readSourceFiles(repositoryRoot());
    expect(files.length).toBeGreaterThan(300);
    expect(checkBoundaries(files)).toEqual([]);
  });

  it('refuse an SDK, a Node built-in or an adapter in core/', () => {
    const broken = checkBoundaries([
      pkg('core/opengov/x.ts', '@polkadot/api'),
      pkg('core/opengov/x.ts', 'node:crypto'),
      pkg('core/opengov/x.ts', 'telegraf'),
      rel('core/opengov/x.ts', '../../lambdas/store/table/index.js', 'lambdas/store/table/index.ts'),
    ]);
    expect(broken.map((v) => v.rule)).toEqual([
      'core/ imports no SDK',
      'core/ imports no Node built-in (node:*)',
      'core/ imports no SDK',
      'core/ imports nothing outside core/',
    ]);
  });

  it('keep bots/ off lambdas/ and dev/, and @polkadot in the snapshot reader and dev/', () => {
    const broken = checkBoundaries([
      rel('bots/commands/x.ts', '../../lambdas/snapshot/job.js', 'lambdas/snapshot/job.ts'),
      rel('bots/telegram/x.ts', '../../dev/stack/http-server.js', 'dev/stack/http-server.ts'),
      pkg('lambdas/alerts/x.ts', '@polkadot/types'),
      pkg('bots/chart/x.ts', '@polkadot/util'),
      pkg('lambdas/snapshot/read/x.ts', '@polkadot/api'),
      pkg('dev/chain/x.ts', '@polkadot/api'),
      pkg('test/lambdas/x.test.ts', '@polkadot/api'),
    ]);
    expect(broken.map((v) => [v.file, v.rule])).toEqual([
      ['bots/commands/x.ts', 'bots/ does not import lambdas/ (contracts live in core/)'],
      ['bots/telegram/x.ts', 'bots/ does not import dev/ (local-only code stays in dev/)'],
      ['lambdas/alerts/x.ts', '@polkadot/* is imported only in lambdas/snapshot/ and dev/'],
      ['bots/chart/x.ts', '@polkadot/* is imported only in lambdas/snapshot/ and dev/'],
    ]);
  });

  it("let a wing's inner files be reached only from inside it or its own tests", () => {
    expect(wingOf('lambdas/store/subscriptions/items.ts')).toBe('lambdas/store/subscriptions');
    expect(wingOf('bots/discord/delivery/index.ts')).toBe('bots/discord/delivery');
    expect(wingOf('bots/telegram/bot.ts')).toBeNull();
    const inner = 'lambdas/store/subscriptions/items.ts';
    const broken = checkBoundaries([
      rel('lambdas/alerts/detector.ts', '../store/subscriptions/items.js', inner),
      rel(
        'lambdas/alerts/detector.ts',
        '../store/subscriptions/index.js',
        'lambdas/store/subscriptions/index.ts',
      ),
      rel('lambdas/store/subscriptions/store.ts', './items.js', inner),
      rel('test/lambdas/store/subscriptions/items.test.ts', '../x.js', inner),
      rel('test/lambdas/alerts/x.test.ts', '../x.js', inner),
    ]);
    expect(broken.map((v) => v.file)).toEqual([
      'lambdas/alerts/detector.ts',
      'test/lambdas/alerts/x.test.ts',
    ]);
  });
});

describe('npm run lint on a tree with a deliberately wrong import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'herald-boundaries-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails and names the file and the rule', () => {
    const root = repositoryRoot();
    for (const folder of SOURCE_ROOTS) cpSync(join(root, folder), join(dir, folder), { recursive: true });
    writeFileSync(
      join(dir, 'bots', 'commands', 'wrong.ts'),
      "import { runSnapshotJob } from '../../lambdas/snapshot/job.js';\nexport const job = runSnapshotJob;\n",
    );
    const run = () =>
      execFileSync(process.execPath, ['--import', 'tsx', 'dev/check-boundaries.ts', '--root', dir], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    let failure: { status?: number; stderr?: string } | undefined;
    try {
      run();
    } catch (error) {
      failure = error as { status?: number; stderr?: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain(
      'bots/commands/wrong.ts: imports ../../lambdas/snapshot/job.js: bots/ does not import lambdas/',
    );
  });
});
