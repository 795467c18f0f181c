/**
 * The renderer's assets: the resvg wasm module, initialised once per process, and the bundled
 * DejaVu fonts (Lambda has no system fonts). Paths default to the installed packages; a bundled
 * deployment that copies the files elsewhere sets them with `configureChartAssets` first.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { initWasm } from '@resvg/resvg-wasm';
import { ChartRenderError } from './errors.js';

export interface ChartAssetPaths {
  wasm: string;
  fonts: string[];
}

function defaultPaths(): ChartAssetPaths {
  const require = createRequire(import.meta.url);
  const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return {
    wasm: require.resolve('@resvg/resvg-wasm/index_bg.wasm'),
    fonts: [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')],
  };
}

let paths: ChartAssetPaths | null = null;
let loading: Promise<Uint8Array[]> | null = null;
let wasmReady = false;

/**
 * Uses the assets a bundle carries in `dir` (index_bg.wasm and the DejaVu fonts) when they are
 * there; says whether it did. Without them the installed packages are used.
 */
export function useBundledChartAssets(dir: string): boolean {
  if (!existsSync(join(dir, 'index_bg.wasm'))) return false;
  configureChartAssets({
    wasm: join(dir, 'index_bg.wasm'),
    fonts: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(dir, f)),
  });
  return true;
}

/** Point the renderer at copied asset files; only takes effect before the first render. */
export function configureChartAssets(custom: Partial<ChartAssetPaths>): void {
  // The installed packages are looked up only for what is not given: a bundle has none of them.
  const base = custom.wasm && custom.fonts ? null : (paths ?? defaultPaths());
  paths = { wasm: custom.wasm ?? base!.wasm, fonts: custom.fonts ?? base!.fonts };
}

async function load(): Promise<Uint8Array[]> {
  const current = paths ?? defaultPaths();
  if (!wasmReady) {
    const wasm = await readFile(current.wasm);
    await initWasm(wasm);
    wasmReady = true;
  }
  return Promise.all(current.fonts.map(async (path) => new Uint8Array(await readFile(path))));
}

/** The font buffers, with the wasm initialised; loaded on first use and cached. */
export function chartFonts(): Promise<Uint8Array[]> {
  if (!loading) {
    loading = load().catch((cause: unknown) => {
      loading = null;
      throw new ChartRenderError(`Chart assets could not be loaded: ${String(cause)}`, cause);
    });
  }
  return loading;
}
