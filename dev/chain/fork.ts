/**
 * `npm start -- --fork`: Chopsticks forks live Kusama Asset Hub (its `--endpoint` mode) instead of
 * running the stub runtime. It needs a network, so it is documented rather than tested here.
 */
export const DEFAULT_FORK_ENDPOINT = 'wss://kusama-asset-hub-rpc.polkadot.io';

export async function startForkedChain(
  endpoint: string,
  port: number,
): Promise<{ endpoint: string; close(): Promise<void> }> {
  process.env.LOG_LEVEL ??= 'error';
  const { BuildBlockMode, destroyWorker, setupWithServer } = await import('@acala-network/chopsticks');
  const server = await setupWithServer({
    endpoint,
    port,
    host: '127.0.0.1',
    'build-block-mode': BuildBlockMode.Manual,
  } as Parameters<typeof setupWithServer>[0]);
  return {
    endpoint: `ws://127.0.0.1:${Number(server.addr.split(':').pop())}`,
    async close() {
      await server.close();
      await destroyWorker();
    },
  };
}
