/**
 * Builds the Herald CDK app: bundles every handler that exists, creates the stack, and runs the
 * cdk-nag AwsSolutions checks at synth. Used by `infra/app.ts` and by the tests.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type BundleResult, bundleLambda, describeBundle } from './bundling/bundle.js';
import { CONTEXT_PREFIX, configFromContext } from './config.js';
import { InfraConfigError } from './errors.js';
import { HANDLER_KEYS, HANDLERS, type HandlerKey } from './handlers.js';
import { HeraldStack } from './stacks/herald-stack.js';

export interface BuildOptions {
  /** Repository root: handler entries and node_modules are resolved from here. */
  root: string;
  /** Where bundles are written (default `<root>/.cache/lambda-bundles`). */
  bundleDir?: string;
  /** Entry overrides, absolute or relative to `root`. */
  entries?: Partial<Record<HandlerKey, string>>;
  /** Extra CDK context, as `-c` would give it. */
  context?: Record<string, unknown>;
  /** Cloud assembly folder (default: the CLI's, or a temporary one). */
  outdir?: string;
  log?: (line: string) => void;
}

export interface HeraldApp {
  app: App;
  stack: HeraldStack;
  bundles: BundleResult[];
  /** Handlers whose entry file does not exist, so the stack has no function for them. */
  missing: HandlerKey[];
}

export function buildHeraldApp(options: BuildOptions): HeraldApp {
  const log = options.log ?? (() => undefined);
  const app = new App({ context: options.context, outdir: options.outdir, analyticsReporting: false });
  const config = configFromContext((key) => app.node.tryGetContext(key));
  const stackName = String(app.node.tryGetContext(`${CONTEXT_PREFIX}stackName`) ?? 'Herald');
  if (!/^[A-Za-z][A-Za-z0-9-]{0,100}$/.test(stackName))
    throw new InfraConfigError(`${CONTEXT_PREFIX}stackName "${stackName}" is not a valid stack name`);
  const bundleDir = options.bundleDir ?? join(options.root, '.cache', 'lambda-bundles');
  const bundles: Partial<Record<HandlerKey, BundleResult>> = {};
  const missing: HandlerKey[] = [];
  for (const key of HANDLER_KEYS) {
    const spec = HANDLERS[key];
    const given = options.entries?.[key] ?? spec.entry;
    const entry = isAbsolute(given) ? given : join(options.root, given);
    if (!existsSync(entry)) {
      missing.push(key);
      log(`${spec.bundle.padEnd(22)} not deployed: ${given} does not exist yet`);
      continue;
    }
    const allowPolkadot = 'allowPolkadot' in spec && spec.allowPolkadot;
    const bundle = bundleLambda({ name: spec.bundle, entry, allowPolkadot }, bundleDir, options.root);
    log(describeBundle(bundle));
    bundles[key] = bundle;
  }
  const snapshot = bundles.snapshot;
  if (!snapshot) throw new InfraConfigError(`the snapshot handler ${HANDLERS.snapshot.entry} is missing`);
  const stack = new HeraldStack(app, stackName, {
    description: 'Herald: Kusama staking and OpenGov bots and alerts',
    config,
    bundles: { ...bundles, snapshot },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, bundles: Object.values(bundles), missing };
}
