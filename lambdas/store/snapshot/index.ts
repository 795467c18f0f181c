/** The snapshot store: versioned entity sets behind one pointer, their blobs, and the diff between two versions. */
export { createDynamoStore, type DynamoStoreOptions } from './dynamo-store.js';
export type { ManifestDirectory } from './manifest.js';
export { createVersionDiffer, type VersionDifferOptions } from './version-diff.js';
