/**
 * The slashes source: slashes of the validators a watched address nominates (or of its own
 * validator), applied ones (`staking.validatorSlashInEra`) and ones still waiting in
 * `staking.unappliedSlashes`. One alert per (address, validator, era, kind).
 */
import type { AccountStakingSlice } from '../staking/slice-types.js';
import type { SlashRecord } from '../types/staking.js';
import type { DetectionSources } from './rule-types.js';

const slashKey = (s: SlashRecord) => `${s.kind}:${s.validator}:${s.era}`;

/**
 * The slashes worth an alert in this version: those the previous version did not have. On a first
 * run (no previous version) every unapplied slash, and applied ones of the last two eras: older
 * ones were news long before anyone here watched.
 */
export function freshSlashes(
  before: readonly SlashRecord[] | undefined,
  after: readonly SlashRecord[],
  activeEra: number,
): SlashRecord[] {
  if (!before) return after.filter((s) => s.kind === 'unapplied' || s.era >= activeEra - 1);
  const seen = new Set(before.map(slashKey));
  return after.filter((s) => !seen.has(slashKey(s)));
}

/** Validators whose slashes concern the account: its nomination targets and, for a validator, its stash. */
export function slashWatchList(slice: AccountStakingSlice): string[] {
  const set = new Set(slice.targets.map((t) => t.validator));
  if (slice.validatorPrefs && slice.stash) set.add(slice.stash);
  return [...set];
}

/** The source's inputs: each fresh slash of a validator a watched address nominates or runs. */
export function slashInputs(
  accounts: ReadonlyArray<{ address: string; after: AccountStakingSlice | undefined }>,
  slashes: readonly SlashRecord[],
): Array<DetectionSources['slashes']> {
  const byValidator = new Map<string, SlashRecord[]>();
  for (const s of slashes) byValidator.set(s.validator, [...(byValidator.get(s.validator) ?? []), s]);
  const inputs: Array<DetectionSources['slashes']> = [];
  for (const { address, after } of accounts) {
    if (!after) continue;
    for (const validator of slashWatchList(after))
      for (const slash of byValidator.get(validator) ?? []) inputs.push({ address, validator, slash });
  }
  return inputs;
}
