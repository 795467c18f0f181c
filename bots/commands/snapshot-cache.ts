/**
 * Per-process memo of what every answer at one snapshot version shares (the era slice, tracks,
 * the referenda index and their evaluated rows). Entries of an older version are dropped as soon
 * as a newer version is asked for; a failed load is not kept.
 */
export class SnapshotCache {
  private version = -1;
  private readonly values = new Map<string, Promise<unknown>>();

  get<T>(version: number, key: string, load: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      if (version < this.version) return load();
      this.version = version;
      this.values.clear();
    }
    const hit = this.values.get(key);
    if (hit) return hit as Promise<T>;
    const value = load();
    this.values.set(key, value);
    value.catch(() => {
      if (this.values.get(key) === value) this.values.delete(key);
    });
    return value;
  }
}
