/** CDK app entry (`cdk.json`): bundle the handlers, print their sizes, synthesize the stack. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHeraldApp } from './herald-app.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { app } = buildHeraldApp({ root, log: (line) => console.error(line) });
app.synth();
