import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleLambda, CHART_ASSETS_DIR, describeBundle } from '../../infra/bundling/bundle.js';
import { BundleError } from '../../infra/errors.js';
import { HANDLER_KEYS, HANDLERS } from '../../infra/handlers.js';
import { FIXTURES, ROOT, tempDir } from './synth.js';

describe('bundleLambda', () => {
  it('bundles the snapshot handler with @polkadot/api into one ESM file and reports its size', () => {
    const out = tempDir('bundle');
    const result = bundleLambda(
      { name: 'snapshot', entry: join(ROOT, HANDLERS.snapshot.entry), allowPolkadot: true },
      out,
      ROOT,
    );
    const file = join(result.dir, 'index.mjs');
    expect(statSync(file).size).toBe(result.bytes);
    expect(result.packages['@polkadot/api']).toBeGreaterThan(0);
    // Detection is handed on by asynchronous invocation (a signed request), not through an SQS client.
    expect(result.packages['@aws-sdk/client-sqs']).toBeUndefined();
    expect(result.assets).toEqual([]);
    expect(readFileSync(file, 'utf8').startsWith('import { createRequire as __heraldRequire }')).toBe(true);
    expect(describeBundle(result)).toMatch(
      /^snapshot\s+\d+\.\d\d MiB {2}\(@polkadot\/\* inputs \d+\.\d\d MiB\)$/,
    );
  });

  it('refuses @polkadot/* in any other bundle and names the importing file', () => {
    const entry = join(FIXTURES, 'polkadot-handler.ts');
    expect(() => bundleLambda({ name: 'bot', entry }, tempDir('bundle'), ROOT)).toThrow(BundleError);
    expect(() => bundleLambda({ name: 'bot', entry }, tempDir('bundle'), ROOT)).toThrow(
      /bot must not bundle @polkadot\/\*; imported from: test\/infra\/fixtures\/polkadot-handler\.ts/,
    );
  });

  it('copies the chart wasm and fonts next to a bundle that renders charts', () => {
    const result = bundleLambda(
      { name: 'chart', entry: join(FIXTURES, 'chart-handler.ts') },
      tempDir('bundle'),
      ROOT,
    );
    expect(result.assets.sort()).toEqual(
      [
        `${CHART_ASSETS_DIR}/DejaVuSans-Bold.ttf`,
        `${CHART_ASSETS_DIR}/DejaVuSans.ttf`,
        `${CHART_ASSETS_DIR}/index_bg.wasm`,
      ].sort(),
    );
    for (const asset of result.assets) expect(statSync(join(result.dir, asset)).size).toBeGreaterThan(10_000);
    expect(describeBundle(result)).toContain('3 chart assets');
  });

  it('bundles telegraf without whatwg-url and its IDNA tables, and the stand-in still gives URL', async () => {
    const result = bundleLambda(
      { name: 'tg', entry: join(FIXTURES, 'telegraf-handler.ts') },
      tempDir('bundle'),
      ROOT,
    );
    expect(result.packages.telegraf).toBeGreaterThan(0);
    expect(result.packages['whatwg-url']).toBeUndefined();
    expect(result.packages.tr46).toBeUndefined();
    const mod = await import(join(result.dir, 'index.mjs'));
    expect(await mod.handler()).toBe('function');
  });

  it('turns a bad entry or name into a BundleError', () => {
    expect(() =>
      bundleLambda({ name: 'x', entry: join(FIXTURES, 'no-such-file.ts') }, tempDir('b'), ROOT),
    ).toThrow(/x: esbuild failed for test\/infra\/fixtures\/no-such-file\.ts/);
    expect(() =>
      bundleLambda({ name: '../escape', entry: join(FIXTURES, 'http-handler.ts') }, tempDir('b'), ROOT),
    ).toThrow(BundleError);
  });

  it('keeps @polkadot/* out of every bot handler, and bundles the SSM client only where secrets are read', () => {
    const out = tempDir('bundle');
    // The handlers that read bot secrets from Parameter Store; the SDK client is bundled, like the others.
    // The Discord interactions endpoint is public and reads none: its public key is a plain setting.
    // The detector reads both bot tokens: it edits the live referendum cards after each detection.
    const readsSecrets = new Set(['telegramWebhook', 'alertDispatcher', 'alertDetector']);
    for (const key of HANDLER_KEYS.filter((k) => k !== 'snapshot')) {
      const entry = join(ROOT, HANDLERS[key].entry);
      if (!existsSync(entry)) continue;
      const result = bundleLambda({ name: HANDLERS[key].bundle, entry }, out, ROOT);
      expect(
        Object.keys(result.packages).filter((p) => p.startsWith('@polkadot/')),
        key,
      ).toEqual([]);
      expect(result.packages['@aws-sdk/client-ssm'] !== undefined, key).toBe(readsSecrets.has(key));
      expect(result.packages['@aws-sdk/client-secrets-manager'], key).toBeUndefined();
    }
  });
});
