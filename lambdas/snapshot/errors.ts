/** No configured endpoint could serve the snapshot; the previous version stays served. */
export class ChainUnavailableError extends Error {
  override readonly name = 'ChainUnavailableError';
}

/** A snapshot read did not finish in time. */
export class SnapshotTimeoutError extends Error {
  override readonly name = 'SnapshotTimeoutError';
}

/**
 * The chain's metadata at the pinned block does not match what the reader decodes by hand (a
 * required item is gone, a key hasher or key type changed, a value layout changed that cannot be
 * decoded through the metadata instead). The run fails, so the previous version stays served.
 */
export class StorageLayoutError extends Error {
  override readonly name = 'StorageLayoutError';
}

/** Most entries of a storage item did not decode: the run fails rather than serve it incomplete. */
export class UndecodableItemError extends Error {
  override readonly name = 'UndecodableItemError';
}
