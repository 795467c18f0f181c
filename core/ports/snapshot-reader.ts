/**
 * The snapshot store's reading side: the committed pointer and the entities of a version, by kind
 * and id. Commands and alerts read through it; they never see table keys.
 */

/** The committed version readers are served, with the meta its run began with. */
export interface StorePointer {
  version: number;
  committedAt: number;
  meta: unknown;
  /** Versions that were started but never committed and whose items may still exist. */
  aborted: number[];
}

export interface VersionInfo {
  version: number;
  committedAt: number;
  meta: unknown;
  summary: unknown;
  entityCount: number;
}

export interface GetOptions {
  /** Read at this pointer instead of fetching (or using the cached) current one. */
  pointer?: StorePointer;
  /**
   * The caller knows that every version of the entity at or below the pointer that a reader could
   * be served holds the same value, written long before (a closed era's exposures): the store may
   * then read it eventually consistently, at half the price, since a lagging replica can only
   * answer with an older copy of the same value.
   */
  settled?: boolean;
}

export interface SnapshotReader {
  /** The committed pointer, or undefined before the first commit. */
  getPointer(): Promise<StorePointer | undefined>;
  getEntity<T = unknown>(kind: string, id: string, options?: GetOptions): Promise<T | undefined>;
  /** Entities that exist at the pointer, by id in the order asked for; missing ids are absent. */
  getEntities<T = unknown>(
    kind: string,
    ids: Iterable<string>,
    options?: GetOptions,
  ): Promise<Map<string, T>>;
  getVersionInfo(version: number): Promise<VersionInfo | undefined>;
}
