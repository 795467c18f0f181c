/** CDK app entry (`cdk.json`): bundle the handlers, print their sizes, synthesize the stack. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InfraConfigError } from './errors.js';
import { buildHeraldApp } from './herald-app.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  const { app } = buildHeraldApp({ root, log: (line) => console.error(line) });
  app.synth();
} catch (error) {
  // A setting missing or wrong: what to set says it all, a stack trace would only bury it.
  if (!(error instanceof InfraConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
