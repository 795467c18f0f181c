/**
 * The official DynamoDB Local (Java), taken from the npm tarball amplify-dynamodb-simulator, which
 * carries DynamoDBLocal.jar under package/emulator. The tarball is fetched once into the cache dir.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from './client.js';
import type { RunningDynamo } from './dynalite.js';

const run = promisify(execFile);

export const DDB_LOCAL_PACKAGE = 'amplify-dynamodb-simulator';
export const DDB_LOCAL_VERSION = '2.9.30';

/** Returns the directory holding DynamoDBLocal.jar, downloading and extracting it when missing. */
export async function ensureDynamoDbLocal(cacheDir: string): Promise<string> {
  const root = join(cacheDir, `dynamodb-local-${DDB_LOCAL_VERSION}`);
  const emulatorDir = join(root, 'package', 'emulator');
  if (existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) return emulatorDir;
  await mkdir(root, { recursive: true });
  const tarball = join(cacheDir, `${DDB_LOCAL_PACKAGE}-${DDB_LOCAL_VERSION}.tgz`);
  if (!existsSync(tarball)) {
    console.log(`fetching ${DDB_LOCAL_PACKAGE}@${DDB_LOCAL_VERSION} into ${cacheDir}`);
    await run(
      'npm',
      ['pack', `${DDB_LOCAL_PACKAGE}@${DDB_LOCAL_VERSION}`, '--pack-destination', cacheDir, '--silent'],
      {
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  }
  await run('tar', ['-xzf', tarball, '-C', root, 'package/emulator']);
  if (!existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) {
    throw new Error(`${tarball} has no package/emulator/DynamoDBLocal.jar`);
  }
  return emulatorDir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningDynamoDbLocal extends RunningDynamo {
  process: ChildProcess;
}

/** Starts `java -jar DynamoDBLocal.jar -inMemory` and waits until it answers ListTables. */
export async function startDynamoDbLocal(
  emulatorDir: string,
  timeoutMs = 60_000,
): Promise<RunningDynamoDbLocal> {
  const port = await freePort();
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(emulatorDir, 'DynamoDBLocal_lib')}`,
      '-jar',
      'DynamoDBLocal.jar',
      '-inMemory',
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    { cwd: emulatorDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `exited with ${signal ?? code}`;
      resolve();
    });
    child.once('error', (error) => {
      exited = `could not start: ${error.message}`;
      resolve();
    });
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const close = async () => {
    process.off('exit', killOnExit);
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exitedPromise;
    clearTimeout(timer);
  };
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoClient(endpoint, 1);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) throw new Error(`DynamoDB Local ${exited}:\n${output}`);
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } catch (error) {
    await close();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port, process: child, close };
}
