import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParachainsState } from '../../../core/types/parachains.js';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { CORETIME_RUNTIME, RELAY_RUNTIME } from '../../../dev/chain/runtimes.js';
import { seedStorage } from '../../../dev/scenario/index.js';
import { type ReadResult, readSnapshot } from '../../../lambdas/snapshot/chain-reader.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { type SeededChain, seededChain } from './chain-fixture.js';

/** The Coretime block is the dev chain's own: its hash and number are not the scenario's to know. */
function withoutCoretimeBlock(p: ParachainsState | null | undefined) {
  if (!p?.coretime) return p;
  const { hash: _h, number: _n, ...block } = p.coretime.block;
  return { ...p, coretime: { ...p.coretime, block } };
}

// The scenario's three chains, read the way the snapshot reads them: every figure as seeded.
describe.each([2_003_000, 1_009_003])(
  'parachains of the small scenario (Asset Hub statemine %i)',
  (runtime) => {
    let seeded: SeededChain;
    let relay: DevChain;
    let coretime: DevChain;
    let read: ReadResult;

    beforeAll(async () => {
      [seeded, relay, coretime] = await Promise.all([
        seededChain(11, runtime),
        startDevChain({ runtime: RELAY_RUNTIME }),
        startDevChain({ runtime: CORETIME_RUNTIME }),
      ]);
      const { scenario } = seeded;
      const relayParent = scenario.expected.anchor.relayBlock;
      await relay.newBlockAt(relayParent - 3);
      await seedStorage(relay.endpoint, scenario.relay.storage);
      await relay.newBlockAt(relayParent);
      await relay.newBlock(2);
      await seedStorage(coretime.endpoint, scenario.coretime.storage);
      await coretime.newBlock();
      read = await readSnapshot(
        { assetHub: [seeded.chain.endpoint], relay: [relay.endpoint], coretime: [coretime.endpoint] },
        { archive: new MemoryEraArchive() },
      );
    }, 240_000);
    afterAll(async () => {
      await seeded?.close();
      await relay?.close();
      await coretime?.close();
    });

    it('reads back exactly what the relay chain, the Coretime chain and AhOps hold', () => {
      const expected = seeded.scenario.expected.parachains;
      expect(withoutCoretimeBlock(read.snapshot.parachains)).toEqual(withoutCoretimeBlock(expected));
      expect(read.snapshot.parachains?.coretime?.block.specVersion).toBe(1_006_001);
      // Both runtimes carry AhOps (statemine 1,009,003 too): refunds are read on either.
      expect(read.snapshot.parachains?.crowdloan?.contributions.length).toBeGreaterThan(0);
      expect(read.snapshot.warnings).toEqual([]);
    });

    it('in a few requests per side chain', () => {
      // Relay: the pin (3), its runtime and metadata (2), three key listings, one batch of values.
      expect(read.relayRequests).toBeLessThanOrEqual(9);
      // Coretime: its head, runtime and metadata, two key listings and two batches (and a header
      // when the chain does not store its own number).
      expect(read.coretimeRequests).toBeLessThanOrEqual(8);
    });
  },
);
