/**
 * `.data/stack.json`: what a running `npm start` wrote about itself (its pid, HTTP front door,
 * DynamoDB endpoint, chain endpoints and table), so the CLIs beside it find it on whatever ports it
 * took. Written once the stack is ready, removed when it stops; a file left by a stack that died
 * is recognised as stale by its pid.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface StackFile {
  pid: number;
  /** The HTTP front door, e.g. http://127.0.0.1:3000. */
  http: string;
  dynamodb: string;
  tableName: string;
  chain: { assetHub: string[]; relay: string[]; people?: string[]; coretime?: string[] };
  /** Where the DynamoDB files live, or null for a stack started with --memory. */
  dataDir: string | null;
  startedAt: string;
}

export function stackFilePath(cwd: string = process.cwd()): string {
  return join(cwd, '.data', 'stack.json');
}

/** Written through a temporary file and a rename, so a reader never sees half of it. */
export function writeStackFile(path: string, stack: StackFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${stack.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(stack, null, 2)}\n`);
  renameSync(temporary, path);
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The file's content; null when there is none; an Error saying what is wrong with a damaged one. */
export function readStackFile(path: string): StackFile | null | Error {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const v = JSON.parse(text) as Partial<StackFile>;
    const ok =
      Number.isSafeInteger(v.pid) &&
      typeof v.http === 'string' &&
      typeof v.dynamodb === 'string' &&
      typeof v.tableName === 'string' &&
      isStringList(v.chain?.assetHub) &&
      isStringList(v.chain?.relay);
    return ok ? (v as StackFile) : new Error(`${path} is not a stack file`);
  } catch {
    return new Error(`${path} is not JSON`);
  }
}

/** Removes the file if it is the one `pid` wrote (a later stack's file stays). Synchronous, for exit handlers. */
export function removeStackFile(path: string, pid: number): void {
  const current = readStackFile(path);
  if (current instanceof Error || current?.pid === pid) rmSync(path, { force: true });
}

/** Whether a process with this id runs (one of another user counts). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops a stale file (its stack is gone); nothing when it is already gone. */
export function forgetStackFile(path: string): void {
  rmSync(path, { force: true });
}
