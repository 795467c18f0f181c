/** The esbuild settings of the Discord Lambda bundles, shared by `npm run build:discord` and the bundle test. */
import { build } from 'esbuild';
import { LAMBDA_ESBUILD_OPTIONS } from '../infra/bundling/esbuild-options.js';

export async function bundleDiscordHandler(entry: string, outfile: string) {
  return build({
    ...LAMBDA_ESBUILD_OPTIONS,
    entryPoints: [entry],
    outfile,
    logLevel: 'warning',
  });
}
