/**
 * The benchmark's processes: each role runs in a child of its own (`alerts.bench.ts --role <name>`)
 * and speaks JSON lines: it writes a first line when it is ready, answers a command written to its
 * stdin with one line, and may write progress lines of its own (`{"progress": …}`), which the
 * parent keeps as the child's latest word. A child can be SIGKILLed like a crashed Lambda.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Child {
  hello: unknown;
  process: ChildProcess;
  /** The last progress line the child wrote. */
  progress(): unknown;
  ask(command: string): Promise<unknown>;
  /** Resolves with the child's last line once it exits. */
  exited: Promise<number | null>;
  close(): void;
  kill(): void;
}

export async function startChild(
  entry: string,
  role: string,
  config: unknown,
  options: { heapMb?: number } = {},
): Promise<Child> {
  const child = spawn(
    process.execPath,
    [
      ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []),
      '--import',
      'tsx',
      entry,
      '--role',
      role,
      '--config',
      JSON.stringify(config),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let progress: unknown = null;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('{"progress"')) {
      progress = (JSON.parse(line) as { progress: unknown }).progress;
      return;
    }
    if (!line.startsWith('{') && !line.startsWith('[')) {
      process.stderr.write(`[${role}] ${line}\n`);
      return;
    }
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      if (lines.length > 0) return resolve(JSON.parse(lines.shift()!));
      waiting.push((line) => resolve(JSON.parse(line)));
      void exited.then((code) => reject(new Error(`${role} exited (${code}) before answering`)));
    });
  const hello = await next();
  return {
    hello,
    process: child,
    progress: () => progress,
    ask: (command) => {
      child.stdin!.write(`${command}\n`);
      return next();
    },
    exited,
    close: () => {
      if (child.exitCode === null) child.stdin!.end('exit\n');
    },
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}

/** In a child: one JSON line to the parent. */
export const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
