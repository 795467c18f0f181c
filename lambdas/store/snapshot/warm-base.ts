/**
 * The manifest of the version this process last committed, kept for its next run: in a warm
 * container the next run almost always builds on exactly that version, and reading it back costs
 * the base record plus every manifest chunk (about 320 read units at 20,000 entities). It is used
 * only when the pointer still names that version (no other run committed since) and it is recent.
 */
import type { BaseState } from './base-manifest.js';
import type { Manifest, ManifestDirectory } from './manifest.js';

export interface CommittedManifest {
  version: number;
  committedAt: number;
  directory: ManifestDirectory;
  manifest: Manifest;
}

/** Older than this, the base is read from the table again (its items' expiry is days away). */
export const WARM_BASE_MAX_AGE_MS = 60 * 60_000;

export class WarmBase {
  private kept: CommittedManifest | undefined;
  hits = 0;

  remember(committed: CommittedManifest): void {
    this.kept = committed;
  }

  forget(): void {
    this.kept = undefined;
  }

  /** The kept manifest as a run's base, when `version` is the one kept and it is recent enough. */
  take(version: number | undefined, now: number): BaseState | undefined {
    const kept = this.kept;
    if (!kept || kept.version !== version || now - kept.committedAt > WARM_BASE_MAX_AGE_MS) return undefined;
    this.hits++;
    // A run only reads its base; the map is shared, never changed.
    return { directory: kept.directory, manifest: kept.manifest, notes: [] };
  }
}
