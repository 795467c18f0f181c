/** The one order slashes are kept in: by era, validator, kind, then fraction. */
import type { SlashRecord } from '../types/staking.js';

export function compareSlashes(a: SlashRecord, b: SlashRecord): number {
  return (
    a.era - b.era ||
    (a.validator < b.validator ? -1 : a.validator > b.validator ? 1 : 0) ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
    (a.fraction ?? -1) - (b.fraction ?? -1)
  );
}
