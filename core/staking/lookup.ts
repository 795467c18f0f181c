/** Text input → view, never throwing on a bad address: the answer carries the AddressError instead. */
import type { AddressError } from '../address/errors.js';
import { parseAddress } from '../address/parse.js';
import type { Snapshot } from '../types/snapshot.js';
import type { Address } from '../types/staking.js';
import { buildAccountSlice, emptyAccountSlice } from './account-slices.js';
import { type AccountView, accountView } from './account-view.js';
import { buildViewContext, type ContextOptions, type ViewContext } from './context.js';
import { buildEraSlice } from './era-slice.js';
import type { AccountStakingSlice, ValidatorSlice } from './slice-types.js';
import { buildValidatorSlice } from './validator-slices.js';
import { type ValidatorView, validatorView } from './validator-view.js';

export type Lookup<T> =
  | { ok: true; view: T; address: Address; inputPrefix: number | null; converted: boolean }
  | { ok: false; error: AddressError };

/** For the store path: the slice read for the address, or null when there is none (an unknown account). */
export function accountViewForInput(
  input: string,
  sliceOf: (address: Address) => AccountStakingSlice | null,
  ctx: ViewContext,
): Lookup<AccountView> {
  const parsed = parseAddress(input);
  if (!parsed.ok) return parsed;
  const slice = sliceOf(parsed.address) ?? emptyAccountSlice(parsed.address);
  return { ok: true, view: accountView(slice, ctx), ...pick(parsed) };
}

export function validatorViewForInput(
  input: string,
  sliceOf: (address: Address) => ValidatorSlice | null,
  ctx: ViewContext,
): Lookup<ValidatorView> {
  const parsed = parseAddress(input);
  if (!parsed.ok) return parsed;
  const slice = sliceOf(parsed.address) ?? {
    address: parsed.address,
    prefs: null,
    ledger: null,
    payee: null,
    nominatedBy: 0,
    eras: [],
  };
  return { ok: true, view: validatorView(slice, ctx), ...pick(parsed) };
}

/** Straight from a loaded snapshot (dev tools, tests). */
export function accountViewFromSnapshot(
  snapshot: Snapshot,
  input: string,
  options: ContextOptions = {},
): Lookup<AccountView> {
  const ctx = buildViewContext(buildEraSlice(snapshot), options);
  return accountViewForInput(input, (address) => buildAccountSlice(snapshot, address), ctx);
}

export function validatorViewFromSnapshot(
  snapshot: Snapshot,
  input: string,
  options: ContextOptions = {},
): Lookup<ValidatorView> {
  const ctx = buildViewContext(buildEraSlice(snapshot), options);
  return validatorViewForInput(input, (address) => buildValidatorSlice(snapshot, address), ctx);
}

function pick(parsed: { address: Address; inputPrefix: number | null; converted: boolean }) {
  return { address: parsed.address, inputPrefix: parsed.inputPrefix, converted: parsed.converted };
}
