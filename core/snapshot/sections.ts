/**
 * Entity sections: the snapshot's entities grouped by what they are built from. Each section names
 * the parts of the Snapshot it reads (and any input from outside it), so a run can tell, from those
 * inputs alone, that a section would build exactly what it built last time, and keep its entities
 * without building them. A section sees only the parts it names: reading another one throws, so an
 * undeclared input cannot go unnoticed.
 */
import type { Snapshot } from '../types/snapshot.js';
import type { Entity } from './entities.js';

/** What the sections before this one produced, counted by kind. */
export interface BuiltBefore {
  count(kind: string): number;
}

export interface EntitySection {
  /** Unique among the sections of a snapshot, stable from run to run. */
  name: string;
  /** The parts of the Snapshot it reads (nothing else of the Snapshot is visible to `build`). */
  reads: ReadonlyArray<keyof Snapshot>;
  /** Inputs from outside the Snapshot (values kept run to run, the runtime record...): plain data. */
  extra?: unknown;
  /** Rebuilt every run: its inputs change every run (the pinned block), or it depends on other sections' counts. */
  always?: boolean;
  build(view: Snapshot, before: BuiltBefore): Iterable<Entity>;
}

export class UndeclaredInputError extends Error {
  override readonly name = 'UndeclaredInputError';
}

/** The Snapshot as one section may see it: reading a part it did not declare throws. */
export function sectionView(snapshot: Snapshot, section: Pick<EntitySection, 'name' | 'reads'>): Snapshot {
  const allowed = new Set<PropertyKey>(section.reads);
  return new Proxy(snapshot, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !allowed.has(key) && Object.hasOwn(target, key))
        throw new UndeclaredInputError(
          `entity section ${section.name} reads snapshot.${key} without declaring it in its reads`,
        );
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Counts entities by kind as they go by. */
export class KindCounts implements BuiltBefore {
  private readonly counts = new Map<string, number>();

  add(kind: string, n = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  count(kind: string): number {
    return this.counts.get(kind) ?? 0;
  }
}

/** Every section's entities one after the other, built from its view (what a full rebuild yields). */
export function* sectionEntities(snapshot: Snapshot, sections: readonly EntitySection[]): Generator<Entity> {
  const counts = new KindCounts();
  for (const section of sections) {
    for (const entity of section.build(sectionView(snapshot, section), counts)) {
      counts.add(entity.kind);
      yield entity;
    }
  }
}
