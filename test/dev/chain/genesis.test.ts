import { describe, expect, it } from 'vitest';
import { chainSpecFor, genesisHashOf, withIdentity } from '../../../dev/chain/genesis.js';

describe('dev chain genesis', () => {
  const spec = chainSpecFor('asset-hub', new Uint8Array([0, 97, 115, 109]));

  it('gives chains that hold different things different genesis hashes', () => {
    const small42 = genesisHashOf(withIdentity(spec, 'small/42'));
    expect(small42).toMatch(/^0x[0-9a-f]{64}$/);
    expect(genesisHashOf(withIdentity(spec, 'small/42'))).toBe(small42);
    expect(genesisHashOf(withIdentity(spec, 'small/43'))).not.toBe(small42);
    expect(genesisHashOf(withIdentity(spec, 'kusama/42'))).not.toBe(small42);
    expect(genesisHashOf(spec)).not.toBe(small42);
  });

  it('keeps the chain spec it was given', () => {
    const named = withIdentity(spec, 'small/42');
    expect(Object.keys(spec.genesis.raw.top)).toHaveLength(2);
    expect(Object.keys(named.genesis.raw.top)).toHaveLength(3);
  });
});
