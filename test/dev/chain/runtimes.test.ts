import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { stubCacheName } from '../../../dev/chain/genesis.js';
import {
  assetHubRuntime,
  parseRuntimeOption,
  RELAY_RUNTIME,
  withSpecVersion,
} from '../../../dev/chain/runtimes.js';

const README = readFileSync(new URL('../../../dev/chain/metadata/README.md', import.meta.url), 'utf8');

describe('the real runtimes the dev chains carry', () => {
  it('every metadata file matches the sha256 its provenance note gives', () => {
    const listed = [...README.matchAll(/^ {4}([0-9a-f]{64}) {2}(\S+\.scale)$/gm)];
    expect(listed.map((m) => m[2])).toEqual([
      'asset_hub_kusama_metadata.scale',
      'kusama_metadata.scale',
      'people_kusama_metadata.scale',
      'coretime_kusama_metadata.scale',
    ]);
    for (const [, sha, file] of listed) {
      const bytes = readFileSync(new URL(`../../../dev/chain/metadata/${file}`, import.meta.url));
      expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(sha);
    }
  });

  it('knows statemine 2,003,000 (v16, the default) and 1,009,003 (v15), and the kusama 2,003,000 relay', () => {
    expect(assetHubRuntime().version()).toMatchObject({ specName: 'statemine', specVersion: 2_003_000 });
    expect(assetHubRuntime(1_009_003).version()).toMatchObject({
      specName: 'statemine',
      specVersion: 1_009_003,
    });
    expect(RELAY_RUNTIME.version()).toMatchObject({ specName: 'kusama', specVersion: 2_003_000 });
    expect(parseRuntimeOption('1,009,003')).toBe(1_009_003);
    expect(() => parseRuntimeOption('9')).toThrow(
      /no dev Asset Hub runtime with spec version 9; known: .*2003000/,
    );
  });

  it('keys each generated stub by chain, spec version and content', () => {
    const names = [
      stubCacheName(assetHubRuntime()),
      stubCacheName(assetHubRuntime(1_009_003)),
      stubCacheName(withSpecVersion(assetHubRuntime(), 2_003_001)),
      stubCacheName(RELAY_RUNTIME),
    ];
    expect(names[0]).toMatch(/^asset-hub-statemine-2003000-[0-9a-f]{12}\.json$/);
    expect(names[1]).toMatch(/^asset-hub-statemine-1009003-/);
    expect(names[2]).toMatch(/^asset-hub-statemine-2003001-/);
    expect(names[3]).toMatch(/^relay-kusama-2003000-/);
    expect(new Set(names).size).toBe(4);
  });
});

describe('dev chains on other runtimes', () => {
  let old: DevChain;
  let relay: DevChain;
  const apis: ApiPromise[] = [];
  const connect = async (endpoint: string) => {
    const api = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true });
    apis.push(api);
    return api;
  };

  beforeAll(async () => {
    old = await startDevChain({ runtime: assetHubRuntime(1_009_003) });
    relay = await startDevChain({ runtime: RELAY_RUNTIME });
  });
  afterAll(async () => {
    for (const api of apis) await api.disconnect();
    await old?.close();
    await relay?.close();
  });

  it('serves statemine 1,009,003 with its v15 metadata when asked', async () => {
    const api = await connect(old.endpoint);
    expect(api.runtimeVersion.specVersion.toNumber()).toBe(1_009_003);
    expect(api.runtimeMetadata.version).toBe(15);
    expect(api.query.staking.areNominatorsSlashable).toBeUndefined();
  });

  it('upgrades its runtime in a new block: earlier blocks keep the old version and metadata', async () => {
    const api = await connect(old.endpoint);
    const before = await old.newBlock();
    const upgraded = await old.upgradeRuntime(assetHubRuntime());
    expect(old.runtime.specVersion).toBe(2_003_000);
    expect((await api.rpc.state.getRuntimeVersion(before)).specVersion.toNumber()).toBe(1_009_003);
    expect((await api.rpc.state.getRuntimeVersion(upgraded)).specVersion.toNumber()).toBe(2_003_000);
    const at = await api.at(upgraded);
    expect(at.query.staking.areNominatorsSlashable).toBeDefined();
    expect((await api.at(before)).query.staking.areNominatorsSlashable).toBeUndefined();
    await expect(old.upgradeRuntime(RELAY_RUNTIME)).rejects.toThrow(
      /cannot upgrade the asset-hub chain to a relay runtime/,
    );
  });

  it('runs a relay chain with the real Kusama metadata, building a block at a given relay height', async () => {
    const api = await connect(relay.endpoint);
    expect(api.runtimeVersion.specName.toString()).toBe('kusama');
    expect(api.runtimeMetadata.version).toBe(16);
    expect(api.query.paras?.parachains).toBeDefined();
    const hash = await relay.newBlockAt(31_500_000);
    expect((await api.rpc.chain.getBlockHash(31_500_000)).toHex()).toBe(hash);
    expect((await api.rpc.chain.getFinalizedHead()).toHex()).toBe(hash);
  });
});
