/** No configured endpoint could serve the snapshot; the previous version stays served. */
export class ChainUnavailableError extends Error {
  override readonly name = 'ChainUnavailableError';
}

/** A snapshot read did not finish in time. */
export class SnapshotTimeoutError extends Error {
  override readonly name = 'SnapshotTimeoutError';
}
