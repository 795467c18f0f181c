/**
 * Reads the repository's TypeScript files and their imports (static, `export … from`, dynamic
 * `import()` with a literal and `import type`), resolved to repository paths or package names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import type { ImportEdge, SourceFile } from './rules.js';

/** The folders whose code the rules govern. */
export const SOURCE_ROOTS = ['core', 'bots', 'lambdas', 'infra', 'dev', 'test'] as const;

function listTs(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listTs(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
}

function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** `./x.js` from `bots/a/b.ts` → `bots/a/x.ts`; a folder import → its index.ts. */
function resolveRelative(from: string, specifier: string, exists: (path: string) => boolean): string {
  const joined = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [joined.replace(/\.js$/, '.ts'), `${joined}.ts`, `${joined}/index.ts`, joined];
  return candidates.find(exists) ?? candidates[0]!;
}

export function importsOf(path: string, text: string, exists: (path: string) => boolean): ImportEdge[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map(({ fileName }) =>
    fileName.startsWith('.')
      ? { specifier: fileName, target: resolveRelative(path, fileName, exists), pkg: null }
      : { specifier: fileName, target: null, pkg: packageName(fileName) },
  );
}

/** Every governed file under `root`, with its imports. */
export function readSourceFiles(root: string): SourceFile[] {
  const paths: string[] = [];
  for (const folder of SOURCE_ROOTS) {
    try {
      listTs(join(root, folder), paths);
    } catch {
      // a folder the tree does not have
    }
  }
  const rel = paths.map((p) => relative(root, p).split(sep).join('/'));
  const known = new Set(rel);
  const exists = (p: string) => known.has(p);
  return rel.map((path) => ({
    path,
    imports: importsOf(path, readFileSync(join(root, path), 'utf8'), exists),
  }));
}

export const repositoryRoot = (): string => join(dirname(new URL(import.meta.url).pathname), '..', '..');
