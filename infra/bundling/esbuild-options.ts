/**
 * The esbuild settings every Lambda bundle uses: ESM for Node 22, minified, with a `require` for
 * the CommonJS dependencies that still call it. The CDK bundler and the bots' build scripts share
 * them, so the sizes the scripts print are the sizes that deploy.
 */
import type { BuildOptions } from 'esbuild';

export const REQUIRE_SHIM =
  "import { createRequire as __heraldRequire } from 'node:module'; const require = __heraldRequire(import.meta.url);";

export const LAMBDA_ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  legalComments: 'none',
  metafile: true,
  banner: { js: REQUIRE_SHIM },
  // The ES-module builds first: the AWS SDK's CommonJS builds cannot be tree-shaken.
  mainFields: ['module', 'main'],
} as const satisfies BuildOptions;
