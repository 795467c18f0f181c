/**
 * `npm run build:discord`: bundles the two Discord Lambdas (esbuild, minified ESM for Node 22) into
 * dist/discord-interactions/ and dist/discord-followup/, prints each size with its largest inputs,
 * checks the interactions bundle against its 1 MB target, and measures cold import time in fresh
 * `node` processes against an empty module's (the baseline of the same run).
 *
 * The interactions endpoint must answer within Discord's 3 s, so it never bundles the chart
 * renderer (resvg wasm and fonts): answers with a chart go to the follow-up Lambda, which copies
 * those assets next to its bundle.
 */
import './node-support.js';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { bundleDiscordHandler } from './discord-bundle.js';

const ROOT = resolve(import.meta.dirname, '..');
const TARGET_BYTES = 1024 * 1024;
const RUNS = 5;
const BUNDLES = [
  { name: 'discord-interactions', entry: 'lambdas/handlers/discord-interactions.ts', target: TARGET_BYTES },
  { name: 'discord-followup', entry: 'lambdas/handlers/discord-followup.ts', target: null },
] as const;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1]! : '(project)';
}

/** Milliseconds to import the module in a fresh node process, measured inside it; the median of RUNS. */
function coldImportMs(file: string, cwd: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd,
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1' },
      encoding: 'utf8',
    });
    times.push(Number(out.trim().split('\n').pop()));
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

function copyChartAssets(dir: string): string[] {
  const require = createRequire(join(ROOT, 'package.json'));
  const fonts = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const files = [
    require.resolve('@resvg/resvg-wasm/index_bg.wasm'),
    join(fonts, 'DejaVuSans.ttf'),
    join(fonts, 'DejaVuSans-Bold.ttf'),
  ];
  mkdirSync(join(dir, 'chart-assets'), { recursive: true });
  return files.map((file) => {
    const name = file.split(/[\\/]/).pop()!;
    copyFileSync(file, join(dir, 'chart-assets', name));
    return name;
  });
}

function largestInputs(meta: Metafile, top: number): string {
  const byPackage = new Map<string, number>();
  const output = Object.values(meta.outputs)[0]!;
  for (const [file, input] of Object.entries(output.inputs))
    byPackage.set(packageOf(file), (byPackage.get(packageOf(file)) ?? 0) + input.bytesInOutput);
  return [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, bytes]) => `    ${name.padEnd(36)} ${kb(bytes).padStart(10)}`)
    .join('\n');
}

async function main() {
  const emptyDir = join(ROOT, 'dist', 'discord-baseline');
  mkdirSync(emptyDir, { recursive: true });
  const empty = join(emptyDir, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const baseline = coldImportMs(empty, emptyDir);
  let failed = false;
  for (const spec of BUNDLES) {
    const dir = join(ROOT, 'dist', spec.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, 'index.mjs');
    const result = await bundleDiscordHandler(join(ROOT, spec.entry), outfile);
    const bytes = Object.values(result.metafile.outputs)[0]!.bytes;
    const assets = result.metafile.inputs[
      Object.keys(result.metafile.inputs).find((f) => f.includes('@resvg/resvg-wasm')) ?? ''
    ]
      ? copyChartAssets(dir)
      : [];
    const cold = coldImportMs(outfile, dir);
    const verdict =
      spec.target === null
        ? ''
        : bytes <= spec.target
          ? ` (target ≤ ${kb(spec.target)}: met)`
          : ` (target ≤ ${kb(spec.target)}: MISSED)`;
    if (spec.target !== null && bytes > spec.target) failed = true;
    console.log(`${spec.name}: ${bytes} bytes, ${kb(bytes)} minified${verdict}`);
    if (assets.length > 0) console.log(`  chart assets copied beside it: ${assets.join(', ')}`);
    console.log(
      `  cold import ${cold.toFixed(1)} ms (median of ${RUNS}; empty module ${baseline.toFixed(1)} ms, so +${(cold - baseline).toFixed(1)} ms)`,
    );
    console.log(`  largest inputs:\n${largestInputs(result.metafile, 8)}`);
  }
  if (failed) process.exitCode = 1;
}

await main();
