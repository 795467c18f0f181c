/**
 * Which runtime the served data was read under, and since when: the snapshot job carries it from
 * version to version and starts a new one when the pinned block's spec version changes.
 */

export interface RuntimeRecord {
  specVersion: number;
  /** The first snapshot read under this spec version after Herald saw another; null when unknown. */
  since: { relayBlock: number; timestampMs: number } | null;
  /** The spec version the snapshots before `since` were read under. */
  previousSpecVersion: number | null;
}

export interface RuntimeAnchor {
  specVersion: number;
  relayBlock: number;
  timestampMs: number;
}

/**
 * The record for a new snapshot at `anchor`, given the served status before it (if any). A spec
 * version that differs from the served one is an upgrade: it starts at this snapshot.
 */
export function nextRuntimeRecord(
  served: { anchor: { specVersion: number }; runtime?: RuntimeRecord } | undefined,
  anchor: RuntimeAnchor,
): RuntimeRecord {
  if (!served) return { specVersion: anchor.specVersion, since: null, previousSpecVersion: null };
  if (served.anchor.specVersion === anchor.specVersion) {
    return served.runtime ?? { specVersion: anchor.specVersion, since: null, previousSpecVersion: null };
  }
  return {
    specVersion: anchor.specVersion,
    since: { relayBlock: anchor.relayBlock, timestampMs: anchor.timestampMs },
    previousSpecVersion: served.anchor.specVersion,
  };
}

/** The upgrade between two served statuses, if the spec version changed between them. */
export function runtimeUpgrade(
  before: { anchor: { specVersion: number } } | undefined,
  after: { anchor: { specVersion: number; relayBlock: number } },
): { from: number; to: number; relayBlock: number } | null {
  if (!before || before.anchor.specVersion === after.anchor.specVersion) return null;
  return {
    from: before.anchor.specVersion,
    to: after.anchor.specVersion,
    relayBlock: after.anchor.relayBlock,
  };
}
