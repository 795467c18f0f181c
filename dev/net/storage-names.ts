/** Every storage item of a chain's metadata by its key prefix, to name the latency proxy's labels. */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { storagePrefix } from '../../lambdas/snapshot/rpc/keys.js';

/** `0x` + twox128(pallet) ++ twox128(item) to `Pallet.Item`, for the chain at `endpoint`. */
export async function storageNames(endpoint: string): Promise<Map<string, string>> {
  const api = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true });
  try {
    const names = new Map<string, string>();
    for (const pallet of api.runtimeMetadata.asLatest.pallets) {
      if (pallet.storage.isNone) continue;
      const storage = pallet.storage.unwrap();
      for (const item of storage.items) {
        const name = `${storage.prefix.toString()}.${item.name.toString()}`;
        names.set(storagePrefix(storage.prefix.toString(), item.name.toString()), name);
      }
    }
    return names;
  } finally {
    await api.disconnect();
  }
}
