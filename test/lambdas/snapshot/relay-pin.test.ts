import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { RELAY_RUNTIME } from '../../../dev/chain/runtimes.js';
import { readSnapshot } from '../../../lambdas/snapshot/chain-reader.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { type SeededChain, seededChain } from './chain-fixture.js';

// With relay endpoints set, parachains are read, and the Coretime chain is missed.
const NO_CORETIME = 'no Coretime chain endpoint is set; coretime not read';

describe('the relay block a snapshot is pinned to', () => {
  let seeded: SeededChain;
  let relay: DevChain;
  let relayParent: number;

  beforeAll(async () => {
    [seeded, relay] = await Promise.all([seededChain(5), startDevChain({ runtime: RELAY_RUNTIME })]);
    relayParent = seeded.scenario.expected.anchor.relayBlock;
  });
  afterAll(async () => {
    await seeded?.close();
    await relay?.close();
  });

  const read = () =>
    readSnapshot(
      { assetHub: [seeded.chain.endpoint], relay: [relay.endpoint] },
      { archive: new MemoryEraArchive() },
    );

  it('is not taken from a relay chain that has not finalized the relay parent: the relay parent stays, with a warning', async () => {
    await relay.newBlockAt(relayParent - 10);
    const result = await read();
    expect(result.snapshot.anchor.relayBlock).toBe(relayParent);
    expect(result.relay).toBeNull();
    expect(result.snapshot.warnings).toEqual([
      NO_CORETIME,
      `no relay endpoint could pin relay block ${relayParent}; relay data not read`,
    ]);
  });

  it('is the relay parent of the pinned Asset Hub block, found on the relay chain once finalized there', async () => {
    const hash = await relay.newBlockAt(relayParent);
    await relay.newBlock(2);
    const result = await read();
    expect(result.snapshot.anchor.relayBlock).toBe(relayParent);
    expect(result.relay).toMatchObject({ number: relayParent, hash, finalized: relayParent + 2 });
    // The relay chain here holds no paras: an empty picture, not an error.
    expect(result.snapshot.parachains?.relay).toMatchObject({ block: relayParent, paras: [], cores: [] });
    expect(result.snapshot.warnings).toEqual([NO_CORETIME]);
  });
});
