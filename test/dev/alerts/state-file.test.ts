import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRunnerState, RUNNER_STATE_FILE, type RunnerState } from '../../../dev/alerts/runner-state.js';
import { AtomicJsonFile, StateFileHaltedError } from '../../../dev/alerts/state-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'herald-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const state = (visibleAtMs: number): RunnerState => ({
  format: 1,
  clock: { chainMs: 10, wallMs: 20 },
  sweptAtMs: null,
  queues: { telegram: [{ id: 'm3', body: '{}', visibleAtMs, receiveCount: 1 }], discord: [] },
});

describe('the runner state file', () => {
  it('coalesces changes into few writes, each of the content as it is when the write begins', async () => {
    const path = join(dir, 'state.json');
    let value = 0;
    let reads = 0;
    const file = new AtomicJsonFile(path, () => {
      reads += 1;
      return { value };
    });
    const writes: Array<Promise<void>> = [];
    for (let i = 1; i <= 20; i++) {
      value = i;
      writes.push(file.changed());
    }
    await Promise.all(writes);
    expect(reads).toBeLessThanOrEqual(2);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ value: 20 });
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('once halted writes nothing more and refuses changes; the file keeps what it had', async () => {
    const path = join(dir, 'state.json');
    let value = 'before';
    const file = new AtomicJsonFile(path, () => ({ value }));
    await file.changed();
    await file.halt();
    value = 'after';
    await expect(file.changed()).rejects.toBeInstanceOf(StateFileHaltedError);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ value: 'before' });
  });

  it('a temporary file a killed writer left is removed, never read', async () => {
    writeFileSync(join(dir, RUNNER_STATE_FILE), JSON.stringify(state(5)));
    writeFileSync(join(dir, `${RUNNER_STATE_FILE}.123-4.tmp`), '{"format":1,"que');
    expect(loadRunnerState(dir, () => {})).toEqual(state(5));
    expect(readdirSync(dir)).toEqual([RUNNER_STATE_FILE]);
  });

  it('a state this version cannot read is moved aside, said so, and the runner starts empty', () => {
    writeFileSync(join(dir, RUNNER_STATE_FILE), JSON.stringify({ ...state(5), queues: { telegram: [{}] } }));
    const lines: string[] = [];
    expect(loadRunnerState(dir, (line) => lines.push(line))).toBeUndefined();
    expect(lines.join('\n')).toMatch(/could not be read \(telegram queue: a message lacks its id or body\)/);
    expect(existsSync(join(dir, RUNNER_STATE_FILE))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith(`${RUNNER_STATE_FILE}.unreadable-`))).toHaveLength(1);
    expect(loadRunnerState(join(dir, 'fresh'), () => {})).toBeUndefined();
  });
});
