/** A BlobStore in memory, for the era archive tests. */
import type { BlobStore } from '../../../core/ports/snapshot-store.js';

export function memoryBlobs(): BlobStore & { keys(): string[] } {
  const blobs = new Map<string, Uint8Array>();
  return {
    async putBlob(key, bytes) {
      blobs.set(key, bytes);
      return { parts: 1, storedBytes: bytes.length };
    },
    async getBlob(key) {
      return blobs.get(key);
    },
    async listBlobs(prefix) {
      return [...blobs.keys()].filter((k) => k.startsWith(prefix));
    },
    async deleteBlob(key) {
      return blobs.delete(key);
    },
    keys: () => [...blobs.keys()].sort(),
  };
}
