/**
 * Side-chain metadata kept in the store, for cold starts: a warm Lambda keeps the metadata of the
 * relay chain's and the Coretime chain's runtimes in memory (chain-metadata.ts), and a cold one
 * reads it from a blob (`chain-metadata/<spec name>/<spec version>`, gzipped SCALE) instead of
 * asking the chain again. A blob is written the first time a runtime's metadata is fetched. A
 * missing or damaged blob only costs the request it would have saved.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { BlobStore } from '../../../core/ports/snapshot-store.js';

const PREFIX = 'chain-metadata/';
const SPEC_NAME = /^[a-z0-9-]{1,64}$/;

export interface MetadataKeeper {
  get(specName: string, specVersion: number): Promise<Uint8Array | undefined>;
  put(specName: string, specVersion: number, metadata: Uint8Array): Promise<void>;
}

function blobKey(specName: string, specVersion: number): string | null {
  return SPEC_NAME.test(specName) && Number.isSafeInteger(specVersion) && specVersion >= 0
    ? `${PREFIX}${specName}/${specVersion}`
    : null;
}

export function blobMetadataKeeper(
  blobs: BlobStore,
  log: (m: string) => void = () => undefined,
): MetadataKeeper {
  return {
    async get(specName, specVersion) {
      const key = blobKey(specName, specVersion);
      if (!key) return undefined;
      try {
        const bytes = await blobs.getBlob(key);
        return bytes ? new Uint8Array(gunzipSync(bytes)) : undefined;
      } catch (error) {
        log(
          `kept metadata ${key} could not be read (${(error as Error).message}); fetching it from the chain`,
        );
        return undefined;
      }
    },
    async put(specName, specVersion, metadata) {
      const key = blobKey(specName, specVersion);
      if (!key) return;
      try {
        await blobs.putBlob(key, gzipSync(metadata, { level: 6 }));
      } catch (error) {
        log(`kept metadata ${key} could not be written (${(error as Error).message})`);
      }
    },
  };
}
