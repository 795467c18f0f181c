/** The esbuild settings of the Discord Lambda bundles, shared by `npm run build:discord` and the bundle test. */
import { build } from 'esbuild';

export async function bundleDiscordHandler(entry: string, outfile: string) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    legalComments: 'none',
    metafile: true,
    banner: {
      js: "import { createRequire as __heraldRequire } from 'node:module'; const require = __heraldRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
