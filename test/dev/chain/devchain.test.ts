import { ApiPromise, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { storagePrefix } from '../../../dev/chain/genesis.js';

describe('embedded Kusama Asset Hub dev chain', () => {
  let chain: DevChain;
  let api: ApiPromise;

  beforeAll(async () => {
    chain = await startDevChain();
    api = await ApiPromise.create({ provider: new WsProvider(chain.endpoint), noInitWarn: true });
  });

  afterAll(async () => {
    await api?.disconnect();
    await chain?.close();
  });

  it('serves the real Kusama Asset Hub runtime version and metadata on 127.0.0.1', () => {
    expect(chain.endpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(api.runtimeVersion.specName.toString()).toBe('statemine');
    expect(api.runtimeVersion.specVersion.toNumber()).toBe(2_003_000);
    expect(api.runtimeMetadata.version).toBe(16);
    expect(api.registry.chainSS58).toBe(2);
    expect(api.registry.chainDecimals).toEqual([12]);
    expect(api.query.staking.erasStakersPaged).toBeDefined();
    expect(api.query.staking.claimedRewards).toBeDefined();
  });

  it('carries the 16 Kusama referenda tracks, names decoded from their zero-padded bytes', () => {
    const tracks = api.consts.referenda.tracks as unknown as Array<
      [{ toNumber(): number }, { name: { toU8a(raw: boolean): Uint8Array } }]
    >;
    const named = tracks.map(([id, info]) => [
      id.toNumber(),
      new TextDecoder().decode(info.name.toU8a(true)).replace(/\0+$/, ''),
    ]);
    expect(named).toEqual([
      [0, 'root'],
      [1, 'whitelisted_caller'],
      [2, 'wish_for_change'],
      [10, 'staking_admin'],
      [11, 'treasurer'],
      [12, 'lease_admin'],
      [13, 'fellowship_admin'],
      [14, 'general_admin'],
      [15, 'auction_admin'],
      [20, 'referendum_canceller'],
      [21, 'referendum_killer'],
      [30, 'small_tipper'],
      [31, 'big_tipper'],
      [32, 'small_spender'],
      [33, 'medium_spender'],
      [34, 'big_spender'],
    ]);
  });

  it('is parachain 1000', async () => {
    expect((await api.query.parachainInfo!.parachainId!()).toString()).toBe('1000');
  });

  it('answers seeded storage through dev_setStorage, decoded with the real metadata', async () => {
    const activeEra = api.createType('Option<PalletStakingAsyncActiveEraInfo>', {
      index: 9_812,
      start: 1_764_000_000_000,
    });
    await api.rpc(
      'dev_setStorage' as never,
      [[api.query.staking.activeEra.key(), activeEra.toHex()]] as never,
    );
    const read = await api.query.staking.activeEra();
    expect(read.toJSON()).toEqual({ index: 9_812, start: 1_764_000_000_000 });
  });

  it('builds blocks on demand', async () => {
    const before = (await api.rpc.chain.getHeader()).number.toNumber();
    const hash = await chain.newBlock();
    const after = await api.rpc.chain.getHeader();
    expect(after.number.toNumber()).toBe(before + 1);
    expect(after.hash.toHex()).toBe(hash);
  });

  it('pages keys over 25,000 seeded entries in order from any start key (patched findNextKey)', async () => {
    const prefix = storagePrefix('Herald', 'PagingProbe');
    const keys: string[] = [];
    for (let i = 0; i < 25_000; i++) {
      const suffix = new Uint8Array(8);
      new DataView(suffix.buffer).setUint32(0, (i * 2_654_435_761) >>> 0);
      new DataView(suffix.buffer).setUint32(4, i);
      keys.push(prefix + u8aToHex(suffix).slice(2));
    }
    for (let i = 0; i < keys.length; i += 5_000) {
      const batch = keys.slice(i, i + 5_000).map((k) => [k, '0x01']);
      await api.rpc('dev_setStorage' as never, batch as never);
    }
    const sorted = [...keys].sort();
    const start = sorted[12_000]!;
    // How fast a page comes is measured by `npm run bench:snapshot` (the kusama-size read), never here.
    const page = await api.rpc.state.getKeysPaged(prefix, 1000, start);
    expect(page.map((k) => k.toHex())).toEqual(sorted.slice(12_001, 13_001));
    const last = await api.rpc.state.getKeysPaged(prefix, 1000, sorted[24_500]!);
    expect(last.map((k) => k.toHex())).toEqual(sorted.slice(24_501));
  });
});
