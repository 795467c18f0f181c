/**
 * Runs an embedded Kusama dev chain in process: Chopsticks over a stub runtime carrying a real
 * runtime's metadata (Kusama Asset Hub by default, or the relay chain), bound to 127.0.0.1, with
 * blocks built only on demand (`newBlock`).
 */
import { u8aToHex } from '@polkadot/util';
import { devChainSpec, genesisHashOf, stubWasm, withIdentity } from './genesis.js';
import { assetHubRuntime, type DevRuntime } from './runtimes.js';

export interface DevChain {
  endpoint: string;
  port: number;
  /** The runtime the head block runs. */
  readonly runtime: DevRuntime;
  /** Builds `count` empty blocks; storage subscriptions fire only after a new block. */
  newBlock(count?: number): Promise<string>;
  /** Builds one block at this height (Chopsticks' unsafe block height), e.g. a given relay block. */
  newBlockAt(height: number): Promise<string>;
  /**
   * Enacts a runtime upgrade as a chain does: block U sets `:code` to the new runtime's stub (new
   * code, new metadata, new spec version), and block U+1 is the first the new code runs (its
   * storage is the first in the new layout). Earlier blocks keep the old runtime. Returns U+1.
   */
  upgradeRuntime(runtime: DevRuntime): Promise<string>;
  close(): Promise<void>;
}

export interface DevChainOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The runtime to start with: statemine 2,003,000 unless said otherwise. */
  runtime?: DevRuntime;
  /**
   * What the chain will hold, e.g. `small/42` for the small scenario with seed 42: part of its
   * genesis, so two chains seeded differently have different genesis hashes.
   */
  identity?: string;
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
}

export async function startDevChain(options: DevChainOptions = {}): Promise<DevChain> {
  // Chopsticks reads its log level when its logger module loads, so set it before the import.
  process.env.LOG_LEVEL = options.logLevel ?? process.env.HERALD_CHAIN_LOG ?? 'error';
  const { BuildBlockMode, destroyWorker, setupWithServer } = await import('@acala-network/chopsticks');
  let runtime = options.runtime ?? assetHubRuntime();
  const plain = await devChainSpec(runtime);
  const spec = options.identity === undefined ? plain : withIdentity(plain, options.identity);
  const server = await setupWithServer({
    genesis: spec,
    // The genesis block's hash: Chopsticks takes the block to start from as given.
    block: genesisHashOf(spec),
    port: options.port ?? 0,
    host: '127.0.0.1',
    'build-block-mode': BuildBlockMode.Manual,
    'runtime-log-level': 0,
  } as Parameters<typeof setupWithServer>[0]);
  const port = Number(server.addr.split(':').pop());
  let closed = false;
  const newBlock = async (count = 1) => {
    let hash = '';
    for (let i = 0; i < count; i++) {
      await server.chain.newBlock();
      hash = server.chain.head.hash;
    }
    return hash;
  };
  return {
    endpoint: `ws://127.0.0.1:${port}`,
    port,
    get runtime() {
      return runtime;
    },
    newBlock,
    async newBlockAt(height) {
      await server.chain.newBlock({ unsafeBlockHeight: height });
      return server.chain.head.hash;
    },
    async upgradeRuntime(next) {
      if (next.chain !== runtime.chain)
        throw new Error(`cannot upgrade the ${runtime.chain} chain to a ${next.chain} runtime`);
      const wasm = u8aToHex(await stubWasm(next)) as `0x${string}`;
      await newBlock();
      server.chain.head.setWasm(wasm);
      runtime = next;
      return newBlock();
    },
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      await destroyWorker();
    },
  };
}
