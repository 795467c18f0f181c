/**
 * Blobs: opaque bytes under a key, deflated when that helps and split into parts. Parts carry a
 * generation id and the head item is written last, so a reader never mixes two writes of a key.
 */
import { randomBytes } from 'node:crypto';
import type { BlobStore } from '../../../core/ports/snapshot-store.js';
import type { Item, TableIo } from '../table/index.js';
import {
  BLOB_PK,
  blobKey,
  blobNameFromSk,
  blobPartBase,
  InvalidInputError,
  packBytes,
  partCount,
  partKeys,
  WriteTally,
} from '../table/index.js';
import { checkBlobKey } from './entity-input.js';
import { readValue, valueItems } from './value-items.js';

export class DynamoBlobStore implements BlobStore {
  constructor(private readonly io: TableIo) {}

  async putBlob(key: string, bytes: Uint8Array): Promise<{ parts: number; storedBytes: number }> {
    checkBlobKey(key);
    if (!(bytes instanceof Uint8Array))
      throw new InvalidInputError(`blob ${key}: bytes must be a Uint8Array`);
    const packed = packBytes(bytes, `blob ${key}`);
    const generation = randomBytes(6).toString('hex');
    const head = blobKey(key);
    const tally = new WriteTally();
    const previous = await this.io.get(head, true);
    const [headItem, ...parts] = valueItems(head, blobPartBase(key, generation), packed, {
      g: generation,
      size: bytes.length,
    });
    await this.io.batchWrite(
      parts.map((put) => ({ put })),
      tally,
      'blob',
    );
    await this.io.put(headItem as Item, tally, 'blob');
    if (previous) await this.deleteParts(key, previous, tally);
    const storedBytes = packed.kind === 'bytes' ? packed.parts.reduce((n, p) => n + p.length, 0) : 0;
    return { parts: partCount(packed), storedBytes };
  }

  async getBlob(key: string): Promise<Uint8Array | undefined> {
    checkBlobKey(key);
    const head = await this.io.get(blobKey(key), true);
    if (!head) return undefined;
    const bytes = await readValue(this.io, head, blobPartBase(key, String(head.g)), true, `blob ${key}`);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async listBlobs(prefix: string): Promise<string[]> {
    if (typeof prefix !== 'string') throw new InvalidInputError('blob prefix must be a string');
    const items = await this.io.query(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': BLOB_PK, ':prefix': `K#${prefix}` },
        ProjectionExpression: 'sk',
        ConsistentRead: true,
      },
      undefined,
    );
    return items.map((item) => blobNameFromSk(String(item.sk)));
  }

  async deleteBlob(key: string): Promise<boolean> {
    checkBlobKey(key);
    const head = await this.io.get(blobKey(key), true);
    if (!head) return false;
    const tally = new WriteTally();
    await this.io.delete(blobKey(key), tally, 'blob');
    await this.deleteParts(key, head, tally);
    return true;
  }

  private async deleteParts(key: string, head: Item, tally: WriteTally): Promise<void> {
    const keys = partKeys(BLOB_PK, blobPartBase(key, String(head.g)), Number(head.n ?? 1));
    await this.io.batchWrite(
      keys.map((k) => ({ delete: k })),
      tally,
      'blob',
    );
  }
}
