/**
 * `npm run build:telegram`: bundles the Telegram webhook Lambda into dist/telegram-webhook/
 * (index.mjs with the whatwg-url shim, plain.mjs without; see dev/telegram-bundle.ts), prints the
 * sizes and the largest inputs, and measures the cold import time of each in fresh `node`
 * processes against an empty module's, as the baseline measured in the same run.
 */
import './node-support.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleTelegramWebhook, ROOT } from './telegram-bundle.js';

const OUT_DIR = join(ROOT, 'dist', 'telegram-webhook');
const TARGET_BYTES = 1024 * 1024;
const RUNS = 5;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1]! : '(project)';
}

/** Milliseconds to import the module in a fresh node process, measured inside it; the median of RUNS. */
function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: OUT_DIR,
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1' },
      encoding: 'utf8',
    });
    times.push(Number(out.trim().split('\n').pop()));
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = join(OUT_DIR, 'index.mjs');
  const plainFile = join(OUT_DIR, 'plain.mjs');
  const plain = await bundleTelegramWebhook(plainFile, { shim: false });
  const { bytes, metafile } = await bundleTelegramWebhook(outfile, { shim: true });
  const byPackage = new Map<string, number>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    const name = packageOf(file);
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytes);
  }
  const verdict = (n: number) => (n <= TARGET_BYTES ? 'within' : 'OVER');
  console.log(`Telegram webhook bundle, minified (target ${kb(TARGET_BYTES)}):`);
  console.log(
    `  index.mjs (whatwg-url shim)  ${String(bytes).padStart(9)} bytes  ${kb(bytes).padStart(10)}  ${verdict(bytes)}`,
  );
  console.log(
    `  plain.mjs (no shim)          ${String(plain.bytes).padStart(9)} bytes  ${kb(plain.bytes).padStart(10)}  ${verdict(plain.bytes)}`,
  );
  console.log('Largest inputs of index.mjs before minification:');
  for (const [name, size] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`  ${name.padEnd(36)} ${kb(size).padStart(10)}`);
  const empty = join(OUT_DIR, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const baseline = coldImportMs(empty);
  const shimmed = coldImportMs(outfile);
  const unshimmed = coldImportMs(plainFile);
  console.log(`Cold import, median of ${RUNS} fresh node processes:`);
  console.log(`  empty module (baseline)      ${baseline.toFixed(1).padStart(7)} ms`);
  console.log(
    `  index.mjs                    ${shimmed.toFixed(1).padStart(7)} ms  (+${(shimmed - baseline).toFixed(1)} ms)`,
  );
  console.log(
    `  plain.mjs                    ${unshimmed.toFixed(1).padStart(7)} ms  (+${(unshimmed - baseline).toFixed(1)} ms)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
