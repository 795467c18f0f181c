/**
 * The Telegram webhook Lambda as one minified ESM file for Node 22, with esbuild.
 *
 * telegraf's node-fetch 2 imports `whatwg-url` but only uses it when Node's own `url.URL` is
 * missing, which it never is on Node 22; bundled, it brings 280 KB of IDNA tables (tr46). The
 * `whatwgUrlShim` plugin resolves it to Node's global URL instead.
 */
import { join, resolve } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { LAMBDA_ESBUILD_OPTIONS } from '../infra/bundling/esbuild-options.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const TELEGRAM_ENTRY = join(ROOT, 'lambdas', 'handlers', 'telegram-webhook.ts');

export const whatwgUrlShim: Plugin = {
  name: 'whatwg-url-shim',
  setup(b) {
    b.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'herald-shim' }));
    b.onLoad({ filter: /.*/, namespace: 'herald-shim' }, () => ({
      contents: 'module.exports = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };',
      loader: 'js',
    }));
  },
};

export async function bundleTelegramWebhook(
  outfile: string,
  options: { shim: boolean },
): Promise<{ bytes: number; metafile: Metafile }> {
  const result = await build({
    ...LAMBDA_ESBUILD_OPTIONS,
    entryPoints: [TELEGRAM_ENTRY],
    outfile,
    absWorkingDir: ROOT,
    logLevel: 'warning',
    plugins: options.shim ? [whatwgUrlShim] : [],
  });
  return { bytes: Object.values(result.metafile.outputs)[0]!.bytes, metafile: result.metafile };
}
