import { describe, expect, it } from 'vitest';
import { namedAddresses } from '../../../core/identity/named-addresses.js';
import type { Snapshot } from '../../../core/types/snapshot.js';

const [V, N, T, S, DD, BEN, DEL, DEP, ROOT, CUR, AWARD, CHILD_CUR, PROPOSER, LEGACY_BEN] = [
  'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F',
  'CaueuyKiS6gEVPb18ftgdWph6n3tgC6epa1RXx3Ayu5onjD',
  'DgoyymRmY2eKUHBeaVfgmy2mq1ZYYvwqVHXSvUpqBvMtZ96',
  'HB3SikjEdmvy3pTVWQPuGqez4a3THdVAHuRVqUGuCgd9dKz',
  'EUzSc7SjjGpvb4uDZ9TVZAEZsERjwLUSvUuHcaQJ85KbPAs',
  'FnAyCZ1ekp9ciXb766R6RFCDkFAxRGTe278PecrkAmxLinh',
  'Ci3ZC7dZLc9AhqMbvquV69Y49v8GCcNCJQqXh9BTRJctrn7',
  'J4hAvZoHCviZSoPHoSwLida8cEkZR1NXJcGrcfx9saHTk7D',
  'GLVeryFRbg5hEKvQZcAnLvXZEXhiYaBjzSDwrXBXrfPF7wj',
  'CyVhCdEqqKgebuTt4wJ7CizZsJ2rG4cnnGZa8mCTMBnrRFY',
  'Gqf48vx8ZZ2yrbZ1yW2SvU9B2NxdJtNUcuFUXEcFrMxFhtN',
  'GB76tsBwdTyCpTLa3tgbr6HpXuamSgryCsabYJVR2F5MbeK',
  'HtBbv4aENWz8HsdAJoRBZtEFcsn5AbrGf2XzrCP3zn8sdmL',
  'Cmw6mj6M4N7pBHmF6adFvcN7kmWLeNFwSnQqQgWFoRrZi5Z',
];

describe('the addresses a snapshot names', () => {
  it('are validators, nominators and their targets, depositors, spend and bounty beneficiaries, curators, delegates and pool roles, each once, sorted', () => {
    const snapshot = {
      staking: { validators: { [V]: {} }, nominators: { [N]: { targets: [V, T] } } },
      governance: {
        referenda: {
          1: { submissionDeposit: { who: S }, decisionDeposit: { who: DD } },
          2: { submissionDeposit: null, decisionDeposit: null },
        },
      },
      treasury: {
        spends: [{ beneficiary: BEN }, { beneficiary: '{"parents":1,"interior":{"here":null}}' }],
        proposals: [{ beneficiary: LEGACY_BEN }],
      },
      bounties: {
        bounties: [
          {
            curator: CUR,
            beneficiary: AWARD,
            proposer: PROPOSER,
            children: [{ curator: CHILD_CUR, beneficiary: null }],
          },
          {
            curator: null,
            beneficiary: '{"parents":1,"interior":{"here":null}}',
            proposer: null,
            children: [],
          },
        ],
      },
      voting: {
        [N]: { classes: { 0: { type: 'delegating', target: DEL }, 1: { type: 'casting', votes: [] } } },
      },
      pools: { pools: { 1: { roles: { depositor: DEP, root: ROOT, nominator: null, bouncer: DEP } } } },
    } as unknown as Snapshot;
    expect(namedAddresses(snapshot)).toEqual(
      [V, N, T, S, DD, BEN, DEL, DEP, ROOT, CUR, AWARD, CHILD_CUR, PROPOSER, LEGACY_BEN].sort(),
    );
  });

  it('are read without a treasury or bounties (a runtime without the pallets)', () => {
    const snapshot = {
      staking: { validators: { [V]: {} }, nominators: {} },
      governance: { referenda: {} },
      treasury: null,
      bounties: null,
      voting: {},
      pools: { pools: {} },
    } as unknown as Snapshot;
    expect(namedAddresses(snapshot)).toEqual([V]);
  });

  it('include para managers and every account with crowdloan money waiting on Asset Hub', () => {
    const snapshot = {
      staking: { validators: {}, nominators: {} },
      governance: { referenda: {} },
      treasury: null,
      bounties: null,
      voting: {},
      pools: { pools: {} },
      parachains: {
        relay: { paras: [{ manager: V }, { manager: null }] },
        coretime: null,
        crowdloan: { contributions: [{ contributor: N }, { contributor: V }], deposits: [{ account: T }] },
      },
    } as unknown as Snapshot;
    expect(namedAddresses(snapshot)).toEqual([V, N, T].sort());
  });
});
