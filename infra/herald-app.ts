/**
 * Builds the Herald CDK app: bundles every handler, creates the stack, and runs the
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
}

export function buildHeraldApp(options: BuildOptions): HeraldApp {
  const log = options.log ?? (() => undefined);
  const app = new App({ context: options.context, outdir: options.outdir, analyticsReporting: false });
  const config = configFromContext((key) => app.node.tryGetContext(key));
  const stackName = String(app.node.tryGetContext(`${CONTEXT_PREFIX}stackName`) ?? 'Herald');
  if (!/^[A-Za-z][A-Za-z0-9-]{0,100}$/.test(stackName))
    throw new InfraConfigError(`${CONTEXT_PREFIX}stackName "${stackName}" is not a valid stack name`);
  const bundleDir = options.bundleDir ?? join(options.root, '.cache', 'lambda-bundles');
  const entries = entryFiles(options);
  const bundles = {} as Record<HandlerKey, BundleResult>;
  for (const key of HANDLER_KEYS) {
    const spec = HANDLERS[key];
    const allowPolkadot = 'allowPolkadot' in spec && spec.allowPolkadot;
    const bundle = bundleLambda(
      { name: spec.bundle, entry: entries[key], allowPolkadot },
      bundleDir,
      options.root,
    );
    log(describeBundle(bundle));
    bundles[key] = bundle;
  }
  const stack = new HeraldStack(app, stackName, {
    description: 'Herald: Kusama staking and OpenGov bots and alerts',
    config,
    bundles,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, bundles: Object.values(bundles) };
}

/** Every handler's entry file, checked to exist before anything is bundled. */
function entryFiles(options: BuildOptions): Record<HandlerKey, string> {
  const entries = {} as Record<HandlerKey, string>;
  for (const key of HANDLER_KEYS) {
    const given = options.entries?.[key] ?? HANDLERS[key].entry;
    const entry = isAbsolute(given) ? given : join(options.root, given);
    if (!existsSync(entry)) throw new InfraConfigError(`the ${key} handler ${given} does not exist`);
    entries[key] = entry;
  }
  return entries;
}
