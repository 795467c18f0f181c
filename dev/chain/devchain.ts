/**
 * Runs the embedded Kusama Asset Hub dev chain in process: Chopsticks over the stub runtime,
 * bound to 127.0.0.1, with blocks built only on demand (`newBlock`).
 */
import { devChainSpec } from './genesis.js';

export interface DevChain {
  endpoint: string;
  port: number;
  /** Builds `count` empty blocks; storage subscriptions fire only after a new block. */
  newBlock(count?: number): Promise<string>;
  close(): Promise<void>;
}

export interface DevChainOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
}

export async function startDevChain(options: DevChainOptions = {}): Promise<DevChain> {
  // Chopsticks reads its log level when its logger module loads, so set it before the import.
  process.env.LOG_LEVEL = options.logLevel ?? process.env.HERALD_CHAIN_LOG ?? 'error';
  const { BuildBlockMode, destroyWorker, setupWithServer } = await import('@acala-network/chopsticks');
  const spec = await devChainSpec();
  const server = await setupWithServer({
    genesis: spec,
    port: options.port ?? 0,
    host: '127.0.0.1',
    'build-block-mode': BuildBlockMode.Manual,
    'runtime-log-level': 0,
  } as Parameters<typeof setupWithServer>[0]);
  const port = Number(server.addr.split(':').pop());
  let closed = false;
  return {
    endpoint: `ws://127.0.0.1:${port}`,
    port,
    async newBlock(count = 1) {
      let hash = '';
      for (let i = 0; i < count; i++) {
        await server.chain.newBlock();
        hash = server.chain.head.hash;
      }
      return hash;
    },
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      await destroyWorker();
    },
  };
}
