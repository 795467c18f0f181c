/** A benchmark's child process spoken to by lines: JSON figures on its stdout, go-aheads on its stdin. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface Child {
  child: ChildProcess;
  nextLine(): Promise<string>;
  /** The next line, parsed. */
  nextJson<T>(): Promise<T>;
  send(line: string): void;
  /** Closes its stdin (which ends the dev chains' children) and waits for it to exit. */
  stop(): Promise<void>;
}

export function runChild(args: string[], inherit = false): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['pipe', 'pipe', inherit ? 'inherit' : 'pipe'],
  });
  const queued: string[] = [];
  const waiting: Array<{ resolve: (l: string) => void; reject: (e: Error) => void }> = [];
  let exited: Error | null = null;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const w = waiting.shift();
    if (w) w.resolve(line);
    else queued.push(line);
  });
  const errors: string[] = [];
  child.stderr?.on('data', (d: Buffer) => {
    errors.push(d.toString());
    if (errors.length > 20) errors.shift();
  });
  child.once('exit', (code) => {
    exited = new Error(`${args.join(' ')} exited with ${code}${errors.length ? `: ${errors.join('')}` : ''}`);
    for (const w of waiting.splice(0)) w.reject(exited);
  });
  const nextLine = () => {
    const line = queued.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (exited) return Promise.reject(exited);
    return new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
  };
  return {
    child,
    nextLine,
    nextJson: async <T>() => JSON.parse(await nextLine()) as T,
    send: (line) => child.stdin!.write(`${line}\n`),
    async stop() {
      child.stdin?.end();
      if (child.exitCode === null && child.signalCode === null)
        await once(child, 'exit').catch(() => undefined);
    },
  };
}

let stdinLines: (() => Promise<string>) | null = null;

/** The next line on this process's stdin (one reader for all, so no line is lost between calls). */
export function stdinLine(): Promise<string> {
  if (!stdinLines) {
    const queued: string[] = [];
    const waiting: Array<(line: string) => void> = [];
    createInterface({ input: process.stdin }).on('line', (line) => {
      const w = waiting.shift();
      if (w) w(line);
      else queued.push(line);
    });
    stdinLines = () => {
      const line = queued.shift();
      return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => waiting.push(resolve));
    };
  }
  return stdinLines();
}
