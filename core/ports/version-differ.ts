/** Which entities differ between two committed snapshot versions (the alert detector's input). */

export interface EntityRef {
  kind: string;
  id: string;
}

export interface VersionDiff {
  from: number;
  to: number;
  added: EntityRef[];
  changed: EntityRef[];
  removed: EntityRef[];
  /** Manifest chunks read (buckets equal in both versions are not). */
  chunksRead: number;
}

export interface VersionDiffer {
  /** The entities (of the given kinds, or all) that were added, changed or removed from `from` to `to`. */
  diff(from: number, to: number, kinds?: readonly string[]): Promise<VersionDiff>;
}
