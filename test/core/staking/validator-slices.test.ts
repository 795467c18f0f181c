/**
 * `/validator` answers from the validator entities the store keeps (buildValidatorSlices), so every
 * stash someone may ask about must have one: candidates, validators elected in the window, and any
 * bonded stash that nominators still name (a validator that chilled and was not elected since).
 */
import { describe, expect, it } from 'vitest';
import {
  buildEraSlice,
  buildValidatorSlice,
  buildValidatorSlices,
  buildViewContext,
  validatorView,
} from '../../../core/staking/index.js';
import { ksm } from '../../fixtures/staking-fixture.js';
import { handScenario, who } from './scenario.js';

describe('validator entities', () => {
  it('answer for a chilled validator nominators still name: its bond and its nominators', () => {
    const snapshot = handScenario();
    const slice = buildValidatorSlices(snapshot).get(who.chilled);
    expect(slice).toEqual(buildValidatorSlice(snapshot, who.chilled));
    const view = validatorView(slice!, buildViewContext(buildEraSlice(snapshot)));
    expect(view).toMatchObject({ known: true, status: 'inactive', nominatedBy: 1 });
    expect(view.bond).toEqual({ total: ksm(300), active: ksm(300) });
    expect(view.warnings).toEqual([{ code: 'not-a-candidate' }]);
  });

  it('leave out a named account that is not bonded', () => {
    const snapshot = handScenario();
    snapshot.staking.nominators[who.none]!.targets.push(who.stranger);
    const slices = buildValidatorSlices(snapshot);
    expect(slices.has(who.stranger)).toBe(false);
    expect(slices.has(who.chilled)).toBe(true);
  });
});
