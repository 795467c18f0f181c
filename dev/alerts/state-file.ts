/**
 * A JSON file replaced atomically: each write goes to a temporary file beside it, is flushed to
 * disk and renamed over the file, so the next process finds the previous content or the new one,
 * never a part of either. Writes are coalesced: a change asks for a write of the content as it is
 * when the write begins, and many changes while one write runs make one more write, not many.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class StateFileHaltedError extends Error {
  override readonly name = 'StateFileHaltedError';
}

export class AtomicJsonFile {
  private writing: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private halted = false;
  private written = 0;

  constructor(
    readonly path: string,
    private readonly content: () => unknown,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /**
   * The file's parsed content, or undefined when there is none. Temporary files a killed writer
   * left beside it are removed; they were never renamed, so they never were the file.
   */
  static read(path: string): unknown {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    const prefix = `${basename(path)}.`;
    for (const name of readdirSync(dir))
      if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return JSON.parse(text);
  }

  /** Asks for a write; resolves once a write that began after this call is on disk. */
  changed(): Promise<void> {
    if (this.halted) return Promise.reject(new StateFileHaltedError(`${this.path} is no longer written`));
    if (this.queued) return this.queued;
    const next = this.writing
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.write();
      });
    this.queued = next;
    this.writing = next;
    return next;
  }

  /** Writes nothing more from now on (a process that dies); resolves once a write in progress is over. */
  async halt(): Promise<void> {
    this.halted = true;
    await this.writing.catch(() => undefined);
  }

  private async write(): Promise<void> {
    if (this.halted) throw new StateFileHaltedError(`${this.path} is no longer written`);
    const text = `${JSON.stringify(this.content())}\n`;
    const temp = `${this.path}.${process.pid}-${++this.written}.tmp`;
    try {
      const file = await open(temp, 'w');
      try {
        await file.writeFile(text);
        await file.sync();
      } finally {
        await file.close();
      }
      if (this.halted) throw new StateFileHaltedError(`${this.path} is no longer written`);
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true });
      if (!(error instanceof StateFileHaltedError))
        this.log(`alerts: could not write ${this.path}: ${(error as Error).message}`);
      throw error;
    }
  }
}
