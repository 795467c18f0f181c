/** Builds the Herald app for tests: temporary folders, stand-in handlers for the ones not given. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { HANDLER_KEYS, type HandlerKey } from '../../infra/handlers.js';
import { buildHeraldApp, type HeraldApp } from '../../infra/herald-app.js';
import { TEST_SETTINGS } from './fixtures/settings.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** The context `cdk synth` gives the app (feature flags, defaults), so tests see the same stack. */
const CDK_JSON_CONTEXT = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')).context as Record<
  string,
  unknown
>;

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `herald-${prefix}-`));
}

export interface TestApp extends HeraldApp {
  template: Template;
  lines: string[];
}

/**
 * Every handler deployed: the real snapshot handler, stand-ins for the others unless given. The
 * settings a deployment must give come from TEST_SETTINGS; `context` overrides them (`null` unsets).
 */
export function buildTestApp(
  context: Record<string, unknown> = {},
  entries: Partial<Record<HandlerKey, string>> = {},
): HeraldApp & { lines: string[] } {
  const all: Partial<Record<HandlerKey, string>> = {};
  for (const key of HANDLER_KEYS)
    if (key !== 'snapshot') all[key] = entries[key] ?? join(FIXTURES, 'http-handler.ts');
  if (entries.snapshot) all.snapshot = entries.snapshot;
  const lines: string[] = [];
  const built = buildHeraldApp({
    root: ROOT,
    bundleDir: tempDir('bundles'),
    outdir: tempDir('cdkout'),
    entries: all,
    context: { ...CDK_JSON_CONTEXT, ...TEST_SETTINGS, ...context },
    log: (line) => lines.push(line),
  });
  return { ...built, lines };
}

/** `buildTestApp`, synthesized into a template. */
export function synthHerald(
  context: Record<string, unknown> = {},
  entries: Partial<Record<HandlerKey, string>> = {},
): TestApp {
  const built = buildTestApp(context, entries);
  return { ...built, template: Template.fromStack(built.stack) };
}
