import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../lambdas/store/table/index.js';
import { scanTable } from '../../../helpers/dynamo.js';
import { useStoreHarness } from './store-setup.js';

const harness = useStoreHarness();

describe('blobs', () => {
  it('stores, lists and deletes blobs by key', async () => {
    const { store } = await harness.fresh('blobs');
    const exposure = new TextEncoder().encode(JSON.stringify({ era: 9_800, pages: [[1, 2, 3]] }));
    await store.putBlob('era/9800/exposures', exposure);
    await store.putBlob('era/9801/exposures', new Uint8Array([1, 2, 3]));
    await store.putBlob('other', new Uint8Array(0));
    expect(await store.getBlob('era/9800/exposures')).toEqual(exposure);
    expect(await store.getBlob('other')).toEqual(new Uint8Array(0));
    expect(await store.getBlob('era/1/none')).toBeUndefined();
    expect(await store.listBlobs('era/')).toEqual(['era/9800/exposures', 'era/9801/exposures']);
    expect(await store.deleteBlob('era/9800/exposures')).toBe(true);
    expect(await store.deleteBlob('era/9800/exposures')).toBe(false);
    expect(await store.listBlobs('')).toEqual(['era/9801/exposures', 'other']);
  });

  it('splits a blob larger than an item into parts and cleans them up on overwrite and delete', async () => {
    const { store, tableName } = await harness.fresh('big-blob');
    const client = harness.dynamo().client;
    const big = randomBytes(1_000_000);
    const put = await store.putBlob('era/9799/pages', big);
    expect(put.parts).toBeGreaterThanOrEqual(4);
    expect(Buffer.from((await store.getBlob('era/9799/pages'))!)).toEqual(big);
    const partsOf = async () => (await scanTable(client, tableName)).filter((r) => r.pk === 'P#BLOB').length;
    expect(await partsOf()).toBe(put.parts - 1);

    const small = randomBytes(500_000);
    const again = await store.putBlob('era/9799/pages', small);
    expect(Buffer.from((await store.getBlob('era/9799/pages'))!)).toEqual(small);
    expect(await partsOf()).toBe(again.parts - 1);

    await store.deleteBlob('era/9799/pages');
    expect(await partsOf()).toBe(0);
  });

  it('compresses compressible blobs', async () => {
    const { store } = await harness.fresh('zip-blob');
    const text = new TextEncoder().encode('0123456789'.repeat(100_000));
    const put = await store.putBlob('text', text);
    expect(put.parts).toBe(1);
    expect(put.storedBytes).toBeLessThan(text.length / 10);
    expect(await store.getBlob('text')).toEqual(text);
  });

  it('rejects bad keys and non-byte values', async () => {
    const { store } = await harness.fresh('bad-blob');
    await expect(store.putBlob('', new Uint8Array(1))).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.putBlob('k', 'text' as never)).rejects.toThrow(/must be a Uint8Array/);
    await expect(store.getBlob(5 as never)).rejects.toThrow(/non-empty string, got number/);
    await expect(store.listBlobs(undefined as never)).rejects.toBeInstanceOf(InvalidInputError);
  });
});
