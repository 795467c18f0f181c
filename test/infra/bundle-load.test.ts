/**
 * Every deployed bundle, as Lambda loads it: imported by a fresh `node` in a folder with no
 * node_modules, so a dependency the bundle did not take along (or an asset looked up in the
 * installed packages) fails here and not on AWS. The Discord follow-up also warms its chart
 * renderer from the assets copied next to it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bundleLambda } from '../../infra/bundling/bundle.js';
import { HANDLER_KEYS, HANDLERS } from '../../infra/handlers.js';
import { ROOT, tempDir } from './synth.js';

const run = promisify(execFile);

/** Imports the bundle, waits for its start-up work, and prints what it exports. */
const LOADER = `
const mod = await import(process.argv[1]);
await new Promise((resolve) => setTimeout(resolve, 1500));
console.log(JSON.stringify({ handler: typeof mod.handler }));
`;

describe('bundles load as Lambda loads them', () => {
  it.each(HANDLER_KEYS)(
    '%s imports with nothing but its own folder',
    async (key) => {
      const spec = HANDLERS[key];
      const out = tempDir('bundle-load');
      const result = bundleLambda(
        {
          name: spec.bundle,
          entry: join(ROOT, spec.entry),
          allowPolkadot: 'allowPolkadot' in spec ? spec.allowPolkadot : false,
        },
        out,
        ROOT,
      );
      const { stdout, stderr } = await run(
        process.execPath,
        ['--input-type=module', '-e', LOADER, join(result.dir, 'index.mjs')],
        { cwd: out, env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1' }, timeout: 60_000 },
      );
      expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ handler: 'function' });
      expect(stderr).not.toMatch(/warm-up failed|Cannot find module/);
    },
    90_000,
  );
});
