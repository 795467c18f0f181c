/** The status of each nomination target in the active era, and the account's place in its exposure. */
import { perbillFromRational } from './perbill.js';
import type { AccountExposure, AccountStakingSlice, ValidatorEraFigures } from './slice-types.js';

export type TargetStatus =
  /** Elected, and the account's stake is in one of its exposure pages. */
  | 'active-backing'
  /** Elected, but the account's stake went to other targets (or was not elected in). */
  | 'active-not-backing'
  /** A candidate that was not elected this era. */
  | 'waiting'
  /** A candidate that blocks new nominations and was not elected this era. */
  | 'blocked'
  /** No longer a validator candidate (chilled or gone). */
  | 'not-validator';

export interface TargetView {
  validator: string;
  status: TargetStatus;
  /** False for a validator backing the account this era that is no longer among its targets. */
  nominated: boolean;
  /** Current commission (Perbill parts), null when not a candidate. */
  commission: number | null;
  /** Commission applied to this era, when elected. */
  activeEraCommission: number | null;
  blocked: boolean;
  /** Exposure page holding the account and its stake there (active-backing only). */
  page: number | null;
  stake: bigint;
  /** Stake / validator total, Perbill parts. */
  shareParts: number | null;
  validatorTotal: bigint | null;
}

export function targetViews(
  slice: AccountStakingSlice,
  activeEra: number,
  figuresOf: (era: number, validator: string) => ValidatorEraFigures | undefined,
): TargetView[] {
  const backing = new Map<string, AccountExposure>();
  for (const e of slice.exposures) if (e.era === activeEra && !e.own) backing.set(e.validator, e);

  const rows: TargetView[] = slice.targets.map((t) => {
    const exposure = backing.get(t.validator);
    const figures = figuresOf(activeEra, t.validator);
    let status: TargetStatus;
    if (t.active || figures) status = exposure ? 'active-backing' : 'active-not-backing';
    else if (t.prefs === null) status = 'not-validator';
    else status = t.prefs.blocked ? 'blocked' : 'waiting';
    return {
      validator: t.validator,
      status,
      nominated: true,
      commission: t.prefs?.commission ?? null,
      activeEraCommission: t.activeEraCommission ?? figures?.commission ?? null,
      blocked: t.prefs?.blocked ?? false,
      page: exposure?.page ?? null,
      stake: exposure?.value ?? 0n,
      shareParts: exposure && figures ? Number(perbillFromRational(exposure.value, figures.total)) : null,
      validatorTotal: figures?.total ?? null,
    };
  });

  const nominated = new Set(slice.targets.map((t) => t.validator));
  for (const [validator, exposure] of backing) {
    if (nominated.has(validator)) continue;
    const figures = figuresOf(activeEra, validator);
    rows.push({
      validator,
      status: 'active-backing',
      nominated: false,
      commission: figures?.commission ?? null,
      activeEraCommission: figures?.commission ?? null,
      blocked: false,
      page: exposure.page,
      stake: exposure.value,
      shareParts: figures ? Number(perbillFromRational(exposure.value, figures.total)) : null,
      validatorTotal: figures?.total ?? null,
    });
  }
  return rows;
}
