/**
 * Bundles one Lambda entry point with esbuild, in process and without Docker, into its own folder
 * (`index.mjs`, ESM, Node 22). Only a bundle allowed to may contain @polkadot/*: the check reads
 * esbuild's metafile, so a stray import from a bot handler fails the synth with its import path.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, type Metafile } from 'esbuild';
import { BundleError } from '../errors.js';
import { LAMBDA_ESBUILD_OPTIONS } from './esbuild-options.js';

export interface BundleSpec {
  /** Folder name of the bundle, e.g. `snapshot`. */
  name: string;
  /** Absolute path of the handler module. */
  entry: string;
  /** Only the snapshot Lambda reads the chain. */
  allowPolkadot?: boolean;
}

export interface BundleResult {
  name: string;
  dir: string;
  /** Size of index.mjs. */
  bytes: number;
  /** Bytes of input per npm package (`(project)` for the repository's own files). */
  packages: Record<string, number>;
  /** Files copied next to the bundle (chart wasm and fonts), relative to `dir`. */
  assets: string[];
}

/**
 * telegraf's node-fetch 2 imports `whatwg-url` but only uses it when Node's own URL is missing,
 * which it never is on Node 22; bundling it would pull in some 280 KB of IDNA tables. No other
 * dependency imports it, so every bundle gets the one-line stand-in.
 */
const WHATWG_URL_SHIM = fileURLToPath(new URL('./whatwg-url-shim.cjs', import.meta.url));

/** Folder in the bundle with the chart renderer's wasm and fonts, when the bundle renders charts. */
export const CHART_ASSETS_DIR = 'chart-assets';

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1]! : '(project)';
}

function polkadotImporters(meta: Metafile): string[] {
  const importers = new Set<string>();
  for (const [file, input] of Object.entries(meta.inputs)) {
    if (packageOf(file) !== '(project)') continue;
    if (input.imports.some((i) => /node_modules\/@polkadot\//.test(i.path))) importers.add(file);
  }
  return [...importers].sort();
}

function copyChartAssets(dir: string, root: string): string[] {
  const require = createRequire(join(root, 'package.json'));
  const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const files = [
    require.resolve('@resvg/resvg-wasm/index_bg.wasm'),
    join(fontDir, 'DejaVuSans.ttf'),
    join(fontDir, 'DejaVuSans-Bold.ttf'),
  ];
  mkdirSync(join(dir, CHART_ASSETS_DIR), { recursive: true });
  return files.map((file) => {
    const target = join(CHART_ASSETS_DIR, file.split(/[\\/]/).pop()!);
    copyFileSync(file, join(dir, target));
    return target;
  });
}

export function bundleLambda(spec: BundleSpec, outRoot: string, root: string): BundleResult {
  if (!/^[a-z][a-z0-9-]*$/.test(spec.name))
    throw new BundleError(`bundle name "${spec.name}" is not a-z0-9-`);
  const dir = join(outRoot, spec.name);
  rmSync(dir, { recursive: true, force: true });
  const outfile = join(dir, 'index.mjs');
  let meta: Metafile;
  try {
    meta = buildSync({
      ...LAMBDA_ESBUILD_OPTIONS,
      entryPoints: [spec.entry],
      outfile,
      absWorkingDir: root,
      alias: { 'whatwg-url': `./${relative(root, WHATWG_URL_SHIM).split(sep).join('/')}` },
      logLevel: 'silent',
    }).metafile;
  } catch (error) {
    throw new BundleError(
      `${spec.name}: esbuild failed for ${relative(root, spec.entry)}: ${(error as Error).message}`,
    );
  }
  const packages: Record<string, number> = {};
  for (const [file, input] of Object.entries(meta.inputs)) {
    const name = packageOf(file);
    packages[name] = (packages[name] ?? 0) + input.bytes;
  }
  if (!spec.allowPolkadot && Object.keys(packages).some((p) => p.startsWith('@polkadot/'))) {
    throw new BundleError(
      `${spec.name} must not bundle @polkadot/*; imported from: ${polkadotImporters(meta).join(', ')}`,
    );
  }
  const output = Object.values(meta.outputs)[0];
  if (!output) throw new BundleError(`${spec.name}: esbuild wrote no output`);
  const assets = packages['@resvg/resvg-wasm'] ? copyChartAssets(dir, root) : [];
  return { name: spec.name, dir, bytes: output.bytes, packages, assets };
}

/** One line per bundle for the synth output, e.g. `snapshot  1.73 MiB (@polkadot/* 1.20 MiB)`. */
export function describeBundle(result: BundleResult): string {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
  const polkadot = Object.entries(result.packages)
    .filter(([name]) => name.startsWith('@polkadot/'))
    .reduce((sum, [, bytes]) => sum + bytes, 0);
  const extra = [
    polkadot > 0 ? `@polkadot/* inputs ${mib(polkadot)}` : 'no @polkadot/*',
    result.assets.length > 0 ? `${result.assets.length} chart assets` : '',
  ].filter(Boolean);
  return `${result.name.padEnd(22)} ${mib(result.bytes).padStart(10)}  (${extra.join(', ')})`;
}
