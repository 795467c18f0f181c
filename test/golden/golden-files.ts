/**
 * Checked-in expected output: `HERALD_UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites the
 * files; without it each rendering is compared with its file and a difference fails with a diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const FILES = join(dirname(fileURLToPath(import.meta.url)), 'files');
const UPDATE = process.env.HERALD_UPDATE_GOLDEN === '1';

/** Compares `actual` with files/<name>, or writes it there when updating. */
export function expectGolden(name: string, actual: string): void {
  const path = join(FILES, name);
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`golden file ${name} is missing: run HERALD_UPDATE_GOLDEN=1 npx vitest run test/golden`);
  expect
    .soft(actual, `test/golden/files/${name} differs from what is rendered now`)
    .toBe(readFileSync(path, 'utf8'));
}

/** Stable, readable JSON: two-space indent and a final newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
