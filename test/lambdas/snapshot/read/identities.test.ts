import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevChain } from '../../../../dev/chain/devchain.js';
import { startPeopleChain } from '../../../../dev/chain/people-chain.js';
import { generateScenario, type Scenario, seedStorage } from '../../../../dev/scenario/index.js';
import { renameIdentity } from '../../../../dev/scenario/write-identity.js';
import { readIdentities } from '../../../../lambdas/snapshot/read/identities.js';
import { IdentityCache } from '../../../../lambdas/snapshot/read/identities-cache.js';

describe('identities read from the dev People chain', () => {
  let scenario: Scenario;
  let people: DevChain;

  beforeAll(async () => {
    scenario = generateScenario({ size: 'small', seed: 11 });
    people = await startPeopleChain(scenario.people, { identity: 'small/11' });
  });
  afterAll(async () => {
    await people?.close();
  });

  const read = (addresses: string[], cache = new IdentityCache(), nowMs = 1_000) =>
    readIdentities([people.endpoint], addresses, { cache, timeoutMs: 15_000, nowMs, log: () => undefined });

  it('gives display, sub and verified for chosen accounts, and nothing for an account without identity', async () => {
    const f = scenario.fixtures.identities!;
    const op = f.operator.subs[0]!;
    const result = await read([f.verifiedValidator, f.unverifiedValidator, op.address, f.unnamedValidator]);
    expect(result.names[f.verifiedValidator]).toMatchObject({ sub: null, verified: true });
    expect(result.names[f.verifiedValidator]!.display).toMatch(/^[A-Z][a-z]+ [A-Za-z]+ \d+$/);
    expect(result.names[f.unverifiedValidator]).toMatchObject({ sub: null, verified: false });
    expect(result.names[op.address]).toEqual({
      display: 'Basalt Operations',
      sub: 'stash-01',
      verified: true,
    });
    expect(result.names[f.unnamedValidator]).toBeUndefined();
    expect(result.reason).toBe('full');
    expect(result.read).toBe(4);
  });

  it('reads back every seeded name as the scenario expects it', async () => {
    const addresses = Object.keys(scenario.people.expected);
    const result = await read(addresses);
    expect(result.names).toEqual(scenario.people.expected);
  });

  it('sanitises hostile names: bidi overrides, zero-width and control characters go, markup stays as text, empty names are absent', async () => {
    const hostile = scenario.fixtures.identities!.hostile;
    expect(hostile.map((h) => h.label)).toEqual([
      'bidi override',
      'zero-width',
      'html',
      'markdown',
      'control',
      'over-long',
      'empty',
      'invisible only',
    ]);
    const result = await read(hostile.map((h) => h.address));
    const shown = Object.fromEntries(hostile.map((h) => [h.label, result.names[h.address]?.display ?? null]));
    expect(shown).toEqual({
      'bidi override': 'Safegnikats',
      'zero-width': 'KusamaVal',
      html: '<b>Bold</b> & co',
      markdown: '*_[click](x)_*',
      control: 'Line Break Tab',
      'over-long': 'W'.repeat(32),
      empty: null,
      'invisible only': null,
    });
  });

  it('re-reads a known address only when an identity event names it, and a new address at once', async () => {
    const f = scenario.fixtures.identities!;
    const cache = new IdentityCache();
    const known = [f.verifiedValidator, f.unverifiedValidator];
    const first = await read(known, cache);
    expect(first.read).toBe(2);

    await people.newBlock();
    const quiet = await read(known, cache, 2_000);
    expect(quiet).toMatchObject({ reason: 'changes', read: 0 });
    expect(quiet.names).toEqual(first.names);

    await seedStorage(
      people.endpoint,
      renameIdentity({ identities: {} }, f.verifiedValidator, 'Renamed Node'),
    );
    await people.newBlock();
    const changed = await read([...known, f.operator.subs[0]!.address], cache, 3_000);
    expect(changed).toMatchObject({ reason: 'changes', read: 2 });
    // set_identity drops the non-sticky judgements: the renamed identity is no longer verified.
    expect(changed.names[f.verifiedValidator]).toEqual({
      display: 'Renamed Node',
      sub: null,
      verified: false,
    });
    expect(changed.names[f.unverifiedValidator]).toEqual(first.names[f.unverifiedValidator]);
  });
});
