/**
 * The dependency rules of the house, as data, and the pure check of a list of files' imports
 * against them. `dev/check-boundaries.ts` runs it over the repository (part of `npm run lint`);
 * docs/architecture.md explains each rule.
 */

/** One import of one file: the specifier as written, and the repository path it resolves to. */
export interface ImportEdge {
  specifier: string;
  /** Repository-relative path of the imported file (`core/x/y.ts`), or null for a package. */
  target: string | null;
  /** The npm package name for a package import (`@polkadot/api`, `node:crypto`), else null. */
  pkg: string | null;
}

export interface SourceFile {
  /** Repository-relative path with forward slashes. */
  path: string;
  imports: readonly ImportEdge[];
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** SDKs and platform libraries: core/ speaks to none of them. */
const SDK_PACKAGES = [
  /^@polkadot\//,
  /^@aws-sdk\//,
  /^@aws-lambda-powertools\//,
  /^@discordjs\//,
  /^discord\.js$/,
  /^discord-api-types(\/|$)/,
  /^telegraf(\/|$)/,
  /^@acala-network\//,
  /^aws-cdk-lib(\/|$)/,
  /^constructs$/,
  /^@resvg\//,
];

/**
 * Folders whose sub-folders are wings: each wing is entered only through its `index.ts` from
 * outside it (its own tests, which mirror it under test/, may reach inside).
 */
export const WING_PARENTS = ['lambdas/store', 'bots/discord'] as const;

const isTest = (path: string) => path.startsWith('test/');
const under = (path: string, folder: string) => path.startsWith(`${folder}/`);

/** The wing a path lies in (`lambdas/store/subscriptions`), or null. */
export function wingOf(path: string): string | null {
  for (const parent of WING_PARENTS) {
    if (!under(path, parent)) continue;
    const rest = path.slice(parent.length + 1);
    const slash = rest.indexOf('/');
    if (slash > 0) return `${parent}/${rest.slice(0, slash)}`;
  }
  return null;
}

function coreRule(file: SourceFile, edge: ImportEdge): string | null {
  if (!under(file.path, 'core')) return null;
  if (edge.pkg?.startsWith('node:')) return 'core/ imports no Node built-in (node:*)';
  if (edge.pkg && SDK_PACKAGES.some((p) => p.test(edge.pkg!))) return 'core/ imports no SDK';
  if (edge.target && !under(edge.target, 'core')) return 'core/ imports nothing outside core/';
  return null;
}

function botsRule(file: SourceFile, edge: ImportEdge): string | null {
  if (!under(file.path, 'bots') || !edge.target) return null;
  if (under(edge.target, 'lambdas')) return 'bots/ does not import lambdas/ (contracts live in core/)';
  if (under(edge.target, 'dev')) return 'bots/ does not import dev/ (local-only code stays in dev/)';
  return null;
}

function productionRule(file: SourceFile, edge: ImportEdge): string | null {
  if (isTest(file.path) || under(file.path, 'dev')) return null;
  // bots/ and core/ have their own, stricter rules for other folders
  const ownRule = under(file.path, 'bots') || under(file.path, 'core');
  if (!ownRule && edge.target && under(edge.target, 'dev')) return 'production code does not import dev/';
  if (edge.target && under(edge.target, 'test')) return 'production code does not import test/';
  const polkadotAllowed = under(file.path, 'lambdas/snapshot');
  if (edge.pkg?.startsWith('@polkadot/') && !polkadotAllowed && !under(file.path, 'core'))
    return '@polkadot/* is imported only in lambdas/snapshot/ and dev/';
  return null;
}

function wingRule(file: SourceFile, edge: ImportEdge): string | null {
  if (!edge.target) return null;
  const wing = wingOf(edge.target);
  if (!wing || edge.target === `${wing}/index.ts`) return null;
  if (under(file.path, wing) || under(file.path, `test/${wing}`)) return null;
  return `${wing}/ is entered through its index.ts only`;
}

const RULES = [coreRule, botsRule, productionRule, wingRule];

export function checkBoundaries(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files)
    for (const edge of file.imports)
      for (const rule of RULES) {
        const broken = rule(file, edge);
        if (broken) out.push({ file: file.path, specifier: edge.specifier, rule: broken });
      }
  return out;
}
