/** Folds a mutation's storage writes into a scenario and reports exactly what changed. */
import { storageContext } from './storage-context.js';
import type { Scenario, ScenarioChange, StorageChange, StoragePair } from './types.js';

/** The "Pallet.Item" a key belongs to, from its 32-byte prefix. */
export function itemOfKey(key: string): string {
  const ctx = storageContext();
  const prefix = key.slice(0, 66);
  for (const p of ctx.metadata.asLatest.pallets) {
    if (p.storage.isNone) continue;
    for (const item of p.storage.unwrap().items) {
      const name = item.name.toString();
      if (ctx.entry(p.name.toString(), name).prefix === prefix) return `${p.name.toString()}.${name}`;
    }
  }
  return 'unknown';
}

export function mergeStorage(
  storage: readonly StoragePair[],
  changes: readonly StorageChange[],
): StoragePair[] {
  const byKey = new Map(changes);
  const out: StoragePair[] = [];
  for (const pair of storage) {
    if (!byKey.has(pair[0])) {
      out.push(pair);
      continue;
    }
    const value = byKey.get(pair[0]);
    byKey.delete(pair[0]);
    if (value !== null && value !== undefined) out.push([pair[0], value]);
  }
  for (const [key, value] of byKey) if (value !== null && value !== undefined) out.push([key, value]);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Drops writes that leave a key as it was, so `changes` lists only real differences. */
export function effectiveChanges(
  storage: readonly StoragePair[],
  changes: readonly StorageChange[],
): StorageChange[] {
  const last = new Map(changes);
  const current = new Map<string, string>();
  for (const [k, v] of storage) if (last.has(k)) current.set(k, v);
  const out: StorageChange[] = [];
  for (const [k, v] of last) {
    const before = current.get(k);
    if (v === null ? before !== undefined : before !== v) out.push([k, v ?? null]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function finishChange(
  base: Scenario,
  next: Omit<Scenario, 'storage' | 'generation' | 'runtime' | 'people' | 'relay' | 'coretime'>,
  writes: readonly StorageChange[],
): ScenarioChange {
  const changes = effectiveChanges(base.storage, writes);
  const scenario: Scenario = {
    ...next,
    runtime: base.runtime,
    // Asset Hub mutations leave the People, relay and Coretime chains as they were.
    people: base.people,
    relay: base.relay,
    coretime: base.coretime,
    storage: mergeStorage(base.storage, changes),
    generation: base.generation + 1,
  };
  const items = [...new Set(changes.map(([k]) => itemOfKey(k)))].sort();
  return { scenario, changes, items };
}

/** Sequential changes folded into one: the last scenario, every write in order. */
export function chainChanges(base: Scenario, steps: Array<(s: Scenario) => ScenarioChange>): ScenarioChange {
  let scenario = base;
  const writes: ScenarioChange['changes'] = [];
  for (const step of steps) {
    const change = step(scenario);
    writes.push(...change.changes);
    scenario = change.scenario;
  }
  const { size, seed, fixtures, expected } = scenario;
  return finishChange(base, { size, seed, fixtures, expected }, writes);
}
