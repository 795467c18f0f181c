/**
 * The side chains' metadata across cold starts: fetched once, kept as a blob, and read from the
 * blob (no request) by a new process; a damaged blob or one holding another runtime's metadata is
 * not trusted, and the metadata is fetched again.
 */
import { TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { describe, expect, it, vi } from 'vitest';
import { CORETIME_RUNTIME, RELAY_RUNTIME } from '../../../../dev/chain/runtimes.js';
import { blobMetadataKeeper } from '../../../../lambdas/snapshot/read/kept-metadata.js';
import { memoryBlobs } from '../memory-blobs.js';

const registry = new TypeRegistry();
const lastUpgrade = u8aToHex(
  registry
    .createType('LastRuntimeUpgradeInfo', { specVersion: 1_006_001, specName: 'coretime-kusama' })
    .toU8a(),
);

/** A chain that serves the Coretime runtime's metadata and version, counting what it is asked. */
function chain() {
  const asked: string[] = [];
  const send = async (method: string) => {
    asked.push(method);
    if (method === 'state_getMetadata') return u8aToHex(CORETIME_RUNTIME.metadataBytes());
    if (method === 'state_getRuntimeVersion') return { specName: 'coretime-kusama', specVersion: 1_006_001 };
    throw new Error(`unexpected ${method}`);
  };
  return { asked, send };
}

/** chain-metadata.ts as a new process loads it: nothing in memory. */
async function coldModule() {
  vi.resetModules();
  return import('../../../../lambdas/snapshot/read/chain-metadata.js');
}

describe('side-chain metadata kept between cold starts', () => {
  it('is fetched once, kept, and read from the blob by the next cold process without a request', async () => {
    const blobs = memoryBlobs();
    const keeper = blobMetadataKeeper(blobs);
    const first = chain();
    const one = await (await coldModule()).chainMetadataAt(first.send, '0x01', lastUpgrade, keeper);
    expect(one.requests).toBe(1);
    expect(first.asked).toEqual(['state_getMetadata']);
    expect(blobs.keys()).toEqual(['chain-metadata/coretime-kusama/1006001']);
    expect(one.metadata.has('Broker', 'SaleInfo')).toBe(true);

    const next = chain();
    const two = await (await coldModule()).chainMetadataAt(next.send, '0x02', lastUpgrade, keeper);
    expect(two.requests).toBe(0);
    expect(next.asked).toEqual([]);
    expect(two.metadata.specVersion).toBe(1_006_001);
    expect(two.metadata.has('Broker', 'SaleInfo')).toBe(true);

    // Without LastRuntimeUpgrade the version is asked for, and the blob still saves the metadata.
    const third = chain();
    const three = await (await coldModule()).chainMetadataAt(third.send, '0x03', null, keeper);
    expect([three.requests, third.asked]).toEqual([1, ['state_getRuntimeVersion']]);
  });

  it('does not trust a damaged blob, nor one holding another runtime: the metadata is fetched again', async () => {
    const blobs = memoryBlobs();
    const keeper = blobMetadataKeeper(blobs);
    await blobs.putBlob('chain-metadata/coretime-kusama/1006001', new Uint8Array([1, 2, 3]));
    const damaged = chain();
    const a = await (await coldModule()).chainMetadataAt(damaged.send, '0x01', lastUpgrade, keeper);
    expect([a.requests, damaged.asked]).toEqual([1, ['state_getMetadata']]);

    await keeper.put('coretime-kusama', 1_006_001, RELAY_RUNTIME.metadataBytes());
    const other = chain();
    const b = await (await coldModule()).chainMetadataAt(other.send, '0x02', lastUpgrade, keeper);
    expect([b.requests, other.asked]).toEqual([1, ['state_getMetadata']]);
    expect(b.metadata.has('Broker', 'SaleInfo')).toBe(true);
  });
});
