import { describe, expect, it } from 'vitest';
import { type CrowdloanIndex, ENTITY, INDEX_ID, PARACHAINS_ID } from '../../../core/snapshot/entities.js';
import { parachainsEntities } from '../../../core/snapshot/parachains-entities.js';
import type { CrowdloanState, RelayParachainsState } from '../../../core/types/parachains.js';
import type { Snapshot } from '../../../core/types/snapshot.js';

const [A, B, F] = [
  'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F',
  'CaueuyKiS6gEVPb18ftgdWph6n3tgC6epa1RXx3Ayu5onjD',
  'DgoyymRmY2eKUHBeaVfgmy2mq1ZYYvwqVHXSvUpqBvMtZ96',
];

const relay: RelayParachainsState = {
  block: 100,
  paras: [],
  cores: [],
  coreCount: 0,
  onDemand: null,
  nextFreeParaId: 2000,
};

const crowdloan: CrowdloanState = {
  contributions: [
    { block: 20, para: 2004, contributor: A, fundAccount: F, amount: 1n },
    { block: 10, para: 2000, contributor: B, fundAccount: F, amount: 2n },
    { block: 10, para: 2000, contributor: A, fundAccount: F, amount: 3n },
  ],
  deposits: [
    { kind: 'lease', block: 10, para: 2000, account: B, amount: 4n },
    { kind: 'crowdloan', block: 10, para: 2000, account: B, amount: 5n },
  ],
};

const cut = (c: CrowdloanState | null) => [
  ...parachainsEntities({ parachains: { relay, coretime: null, crowdloan: c } } as unknown as Snapshot),
];

describe('the parachain entities', () => {
  it('are parachains/current, one crowdloan entity per account in block and para order, and the list of every entry', () => {
    const entities = cut(crowdloan);
    expect(entities.map((e) => `${e.kind}/${e.id}`)).toEqual([
      `${ENTITY.parachains}/${PARACHAINS_ID}`,
      ...[A, B].sort().map((a) => `${ENTITY.crowdloan}/${a}`),
      `${ENTITY.index}/${INDEX_ID.crowdloans}`,
    ]);
    expect(entities[0]!.data).toEqual({ relay, coretime: null });
    const byId = new Map(entities.map((e) => [e.id, e.data]));
    expect(byId.get(A)).toEqual({
      address: A,
      contributions: [crowdloan.contributions[2], crowdloan.contributions[0]],
      deposits: [],
    });
    expect(byId.get(B)).toEqual({
      address: B,
      contributions: [crowdloan.contributions[1]],
      deposits: [crowdloan.deposits[1], crowdloan.deposits[0]],
    });
    const index = byId.get(INDEX_ID.crowdloans) as CrowdloanIndex;
    expect(index.entries.map((e) => [e.kind, e.address, e.block])).toEqual([
      ...[A, B].sort().map((a) => ['contribution', a, 10]),
      ['crowdloan', B, 10],
      ['lease', B, 10],
      ['contribution', A, 20],
    ]);
  });

  it('do not depend on the order the chain gave the entries in', () => {
    const reversed = {
      contributions: [...crowdloan.contributions].reverse(),
      deposits: [...crowdloan.deposits].reverse(),
    };
    expect(JSON.stringify(cut(reversed), (_k, v) => (typeof v === 'bigint' ? `${v}` : v))).toBe(
      JSON.stringify(cut(crowdloan), (_k, v) => (typeof v === 'bigint' ? `${v}` : v)),
    );
  });

  it('are none for crowdloans when Asset Hub was not read for them, and none at all without parachains', () => {
    expect(cut(null).map((e) => e.kind)).toEqual([ENTITY.parachains]);
    expect([...parachainsEntities({ parachains: null } as unknown as Snapshot)]).toEqual([]);
  });
});
