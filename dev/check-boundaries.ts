/**
 * `npm run lint` (after Biome): every import of the repository against the dependency rules of
 * docs/architecture.md. Prints each broken rule with the file and import, and exits 1 if any.
 * `--root DIR` checks another tree.
 */
import { readSourceFiles, repositoryRoot } from './architecture/imports.js';
import { checkBoundaries } from './architecture/rules.js';

const at = process.argv.indexOf('--root');
const root = at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : repositoryRoot();
const files = readSourceFiles(root);
const violations = checkBoundaries(files);
for (const v of violations) console.error(`${v.file}: imports ${v.specifier}: ${v.rule}`);
console.log(
  violations.length === 0
    ? `boundaries: ${files.length} files, every import within the rules`
    : `boundaries: ${violations.length} import(s) break the rules`,
);
process.exitCode = violations.length === 0 ? 0 : 1;
