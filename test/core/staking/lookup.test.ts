import { decodeAddress as pjsDecode, encodeAddress as pjsEncode } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import {
  accountViewForInput,
  accountViewFromSnapshot,
  buildEraSlice,
  buildViewContext,
  validatorViewFromSnapshot,
} from '../../../core/staking/index.js';
import { ksm } from '../../fixtures/staking-fixture.js';
import { handScenario, who } from './scenario.js';

const snapshot = handScenario();

function errorOf(input: string): { code: string; message: string } {
  const r = accountViewFromSnapshot(snapshot, input);
  if (r.ok) throw new Error(`expected ${input} to be refused`);
  return { code: r.error.code, message: r.error.message };
}

describe('address input to /stake', () => {
  it('refuses an empty argument with a plain message', () => {
    expect(errorOf('')).toEqual({ code: 'empty', message: expect.stringMatching(/No address given/) });
    expect(errorOf('   ').code).toBe('empty');
  });

  it('names a bad base58 character', () => {
    const bad = `${who.all.slice(0, 10)}l${who.all.slice(11)}`;
    expect(errorOf(bad)).toEqual({
      code: 'bad-base58',
      message: expect.stringContaining('"l" at position 11'),
    });
  });

  it('detects a mistyped character through the checksum', () => {
    const last = who.all.at(-1)!;
    expect(errorOf(`${who.all.slice(0, -1)}${last === 'z' ? 'y' : 'z'}`).code).toBe('bad-checksum');
  });

  it('refuses a truncated address as the wrong length', () => {
    expect(errorOf(who.all.slice(0, 20))).toEqual({
      code: 'bad-length',
      message: expect.stringMatching(/decodes to \d+ bytes; an account address has 35 or 36/),
    });
  });

  it("accepts another chain's prefix and answers for the Kusama account", () => {
    const polkadotForm = pjsEncode(pjsDecode(who.all), 0);
    const r = accountViewFromSnapshot(snapshot, polkadotForm);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r).toMatchObject({ address: who.all, inputPrefix: 0, converted: true });
    expect(r.view.address).toBe(who.all);
    expect(r.view.bond.active).toBe(ksm(500));
    const direct = accountViewFromSnapshot(snapshot, who.all);
    expect(direct.ok && direct.view).toEqual(r.view);
  });

  it('answers an unknown but valid account with zeros instead of failing', () => {
    const ctx = buildViewContext(buildEraSlice(snapshot));
    const r = accountViewForInput(who.stranger, () => null, ctx);
    expect(r.ok && r.view.warnings).toEqual([{ code: 'unknown-account' }]);
    expect(r.ok && r.view.bond.total).toBe(0n);
  });

  it('handles /validator input the same way', () => {
    const bad = validatorViewFromSnapshot(snapshot, 'not an address');
    expect(!bad.ok && bad.error.code).toBe('bad-base58');
    const good = validatorViewFromSnapshot(snapshot, pjsEncode(pjsDecode(who.v1), 42));
    expect(good.ok && good.view.status).toBe('active');
  });
});
