/**
 * The warm container's build cache: for each entity section of the last version this process
 * committed, the fingerprint of its inputs and which entities it produced. The next run fingerprints
 * each section's inputs again; a section whose fingerprint is the same, on a run whose base is
 * that very version, is carried into the new version as the base holds it (never built, encoded or
 * hashed). Everything else is built and written as usual, and so is every section of a run after a
 * cold start, after a failed run, or after another process committed in between.
 */
import type { EntityRef, VersionRun } from '../../../core/ports/snapshot-store.js';
import type { Entity } from '../../../core/snapshot/entities.js';
import { type EntitySection, KindCounts, sectionView } from '../../../core/snapshot/sections.js';
import type { Snapshot } from '../../../core/types/snapshot.js';
import { Fingerprinter } from './fingerprint.js';

interface KeptSection {
  fingerprint: string;
  /** Entity ids by kind. */
  ids: Map<string, string[]>;
}

export interface SectionRunStats {
  built: string[];
  carried: string[];
  /** Entities carried without being built. */
  entitiesCarried: number;
  /** Fingerprinting the inputs, building the built sections and handing their entities to the store. */
  fingerprintMs: number;
}

export class SectionCache {
  readonly fingerprints = new Fingerprinter();
  private kept: { version: number; sections: Map<string, KeptSection> } | undefined;
  private pending: Map<string, KeptSection> | undefined;

  /** The version whose sections are kept (the last one this cache saw committed). */
  get version(): number | undefined {
    return this.kept?.version;
  }

  /**
   * Writes every section into `run`: carried when its inputs are those of the kept version and the
   * run builds on that version, built otherwise. Call `committed` or `failed` once the run ends.
   */
  async write(
    run: VersionRun,
    snapshot: Snapshot,
    sections: readonly EntitySection[],
  ): Promise<SectionRunStats> {
    const base = this.kept && this.kept.version === run.baseVersion ? this.kept.sections : undefined;
    // What is kept belongs to one version; from here on it is either replaced or dropped.
    this.kept = undefined;
    const stats: SectionRunStats = { built: [], carried: [], entitiesCarried: 0, fingerprintMs: 0 };
    const parts = new Map<string, string | undefined>();
    const next = new Map<string, KeptSection>();
    const counts = new KindCounts();
    for (const section of sections) {
      const started = performance.now();
      const fingerprint = section.always ? undefined : this.fingerprintOf(section, snapshot, parts);
      stats.fingerprintMs += performance.now() - started;
      const old = base?.get(section.name);
      if (
        fingerprint !== undefined &&
        old?.fingerprint === fingerprint &&
        (await run.carry(refsOf(old.ids)))
      ) {
        for (const [kind, ids] of old.ids) {
          counts.add(kind, ids.length);
          stats.entitiesCarried += ids.length;
        }
        next.set(section.name, old);
        stats.carried.push(section.name);
        continue;
      }
      const ids = new Map<string, string[]>();
      await run.write(recorded(section.build(sectionView(snapshot, section), counts), ids, counts));
      if (fingerprint !== undefined) next.set(section.name, { fingerprint, ids });
      stats.built.push(section.name);
    }
    this.pending = next;
    stats.fingerprintMs = Math.round(stats.fingerprintMs);
    return stats;
  }

  /** The run `write` fed was committed as `version`: its sections are what the next run compares with. */
  committed(version: number): void {
    this.kept = this.pending ? { version, sections: this.pending } : undefined;
    this.pending = undefined;
  }

  /** The run did not commit: nothing is kept, the next run builds everything. */
  failed(): void {
    this.kept = undefined;
    this.pending = undefined;
  }

  private fingerprintOf(
    section: EntitySection,
    snapshot: Snapshot,
    parts: Map<string, string | undefined>,
  ): string | undefined {
    const digests: Array<string | undefined> = [section.name];
    for (const part of section.reads) {
      if (!parts.has(part)) parts.set(part, this.fingerprints.digest(snapshot[part]));
      digests.push(parts.get(part));
    }
    digests.push(this.fingerprints.digest(section.extra));
    if (digests.includes(undefined)) return undefined;
    return this.fingerprints.digest(digests);
  }
}

function* recorded(
  entities: Iterable<Entity>,
  ids: Map<string, string[]>,
  counts: KindCounts,
): Generator<Entity> {
  for (const entity of entities) {
    let list = ids.get(entity.kind);
    if (!list) {
      list = [];
      ids.set(entity.kind, list);
    }
    list.push(entity.id);
    counts.add(entity.kind);
    yield entity;
  }
}

function refsOf(ids: Map<string, string[]>): EntityRef[] {
  const refs: EntityRef[] = [];
  for (const [kind, list] of ids) for (const id of list) refs.push({ kind, id });
  return refs;
}
