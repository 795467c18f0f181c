import { beforeAll, describe, expect, it } from 'vitest';
import { poolName } from '../../../core/staking/pool-name.js';
import type { BondedPool, PoolMember, ReferendumInfo } from '../../../core/types/index.js';
import { assetHubRuntimeVersion, createAssetHubRegistry } from '../../../dev/chain/metadata.js';
import { generateScenario, type Scenario } from '../../../dev/scenario/index.js';
import {
  addr,
  big,
  type Decoded,
  decodeAll,
  num,
  readHistory,
  readPayee,
  readPrefs,
  readReferendum,
} from './readback.js';

const { registry, metadata } = createAssetHubRegistry();
let scenario: Scenario;
let items: Map<string, Decoded[]>;

const all = (name: string): Decoded[] => items.get(name) ?? [];
const one = (name: string): Decoded => {
  const list = all(name);
  expect(list, name).toHaveLength(1);
  return list[0]!;
};

beforeAll(() => {
  scenario = generateScenario({ size: 'small', seed: 11 });
  const decoded = decodeAll(registry, metadata, scenario.storage);
  expect(decoded.unknown).toEqual([]);
  expect(decoded.lengthMismatch).toEqual([]);
  items = decoded.items;
});

describe('every seeded value decodes with the metadata registry to the expected values', () => {
  it('chain anchor and issuance', () => {
    const e = scenario.expected;
    expect(num(one('Timestamp.Now').value)).toBe(e.anchor.timestampMs);
    expect(num(one('ParachainSystem.LastRelayChainBlockNumber').value)).toBe(e.anchor.relayBlock);
    expect(e.anchor.relayBlock).toBeGreaterThan(31_000_000);
    expect(e.anchor.relayBlock).toBeLessThan(32_000_000);
    expect(e.anchor.specVersion).toBe(assetHubRuntimeVersion().specVersion);
    expect(big(one('Balances.TotalIssuance').value)).toBe(e.issuance.total);
    expect(big(one('Balances.InactiveIssuance').value)).toBe(e.issuance.inactive);
  });

  it('staking era markers and minimums', () => {
    const s = scenario.expected.staking;
    const active = one('Staking.ActiveEra').value;
    expect({ index: num(active.index), startMs: num(active.start.unwrap()) }).toEqual(s.activeEra);
    expect(num(one('Staking.CurrentEra').value)).toBe(s.currentEra);
    expect(big(one('Staking.MinNominatorBond').value)).toBe(s.minNominatorBond);
    expect(big(one('Staking.MinimumActiveStake').value)).toBe(s.minimumActiveStake);
    expect(num(one('Staking.CounterForValidators').value)).toBe(Object.keys(s.validators).length);
    expect(num(one('Staking.CounterForNominators').value)).toBe(Object.keys(s.nominators).length);
    const bonded = one('Staking.BondedEras').value.map((t: Decoded['value']) => num(t[0]));
    expect(bonded.at(-1)).toBe(s.activeEra.index);
    expect(bonded).toHaveLength(29);
  });

  it('validators, nominators, ledgers, payees and bonded controllers', () => {
    const s = scenario.expected.staking;
    const validators = Object.fromEntries(
      all('Staking.Validators').map((d) => [addr(d.args[0]), readPrefs(addr(d.args[0]), d.value)]),
    );
    expect(validators).toEqual(s.validators);
    const nominators = Object.fromEntries(
      all('Staking.Nominators').map((d) => {
        const stash = addr(d.args[0]);
        const v = d.value;
        return [
          stash,
          {
            stash,
            targets: v.targets.map(addr),
            submittedIn: num(v.submittedIn),
            suppressed: v.suppressed.isTrue,
          },
        ];
      }),
    );
    expect(nominators).toEqual(s.nominators);
    const ledgers = Object.fromEntries(
      all('Staking.Ledger').map((d) => {
        const v = d.value;
        const stash = addr(v.stash);
        const unlocking = v.unlocking.map((c: Decoded['value']) => ({
          value: big(c.value.unwrap()),
          era: num(c.era.unwrap()),
        }));
        const ledger = {
          stash,
          controller: addr(d.args[0]),
          total: big(v.total.unwrap()),
          active: big(v.active.unwrap()),
          unlocking,
        };
        return [stash, ledger];
      }),
    );
    expect(ledgers).toEqual(s.ledgers);
    const bonded = Object.fromEntries(all('Staking.Bonded').map((d) => [addr(d.args[0]), addr(d.value)]));
    for (const l of Object.values(s.ledgers)) expect(bonded[l.stash]).toBe(l.controller);
    const payees = Object.fromEntries(all('Staking.Payee').map((d) => [addr(d.args[0]), readPayee(d.value)]));
    expect(payees).toEqual(s.payees);
  });

  it('the full era history window', () => {
    expect(readHistory(items)).toEqual(scenario.expected.staking.history);
  });

  it('nomination pools and members', () => {
    const rewardPools = Object.fromEntries(
      all('NominationPools.RewardPools').map((d) => [
        num(d.args[0]),
        {
          lastRecordedRewardCounter: big(d.value.lastRecordedRewardCounter),
          lastRecordedTotalPayouts: big(d.value.lastRecordedTotalPayouts),
          totalRewardsClaimed: big(d.value.totalRewardsClaimed),
          totalCommissionPending: big(d.value.totalCommissionPending),
          totalCommissionClaimed: big(d.value.totalCommissionClaimed),
        },
      ]),
    );
    const unbondPool = (u: Decoded['value']) => ({ points: big(u.points), balance: big(u.balance) });
    const subPools = Object.fromEntries(
      all('NominationPools.SubPoolsStorage').map((d) => [
        num(d.args[0]),
        {
          noEra: unbondPool(d.value.noEra),
          withEra: [...d.value.withEra.entries()].map(([era, u]: Decoded['value']) => ({
            era: num(era),
            ...unbondPool(u),
          })),
        },
      ]),
    );
    const names = Object.fromEntries(
      all('NominationPools.Metadata').map((d) => [num(d.args[0]), poolName(d.value.toU8a(true))]),
    );
    // The reward balance comes from System.Account, checked by the chain-reader test.
    const records = (id: number) => ({
      name: names[id] ?? null,
      rewardPool: rewardPools[id] ?? null,
      rewardBalance: scenario.expected.pools.pools[id]!.rewardBalance,
      subPools: subPools[id] ?? null,
    });
    const reverse = Object.fromEntries(
      all('NominationPools.ReversePoolIdLookup').map((d) => [num(d.value), addr(d.args[0])]),
    );
    const pools: Record<number, BondedPool> = {};
    for (const d of all('NominationPools.BondedPools')) {
      const id = num(d.args[0]);
      const v = d.value;
      const current = v.commission.current.isSome ? v.commission.current.unwrap() : null;
      const optAddr = (c: Decoded['value']) => (c.isSome ? addr(c.unwrap()) : null);
      pools[id] = {
        id,
        state: v.state.type,
        points: big(v.points),
        memberCounter: num(v.memberCounter),
        roles: {
          depositor: addr(v.roles.depositor),
          root: optAddr(v.roles.root),
          nominator: optAddr(v.roles.nominator),
          bouncer: optAddr(v.roles.bouncer),
        },
        commission: {
          current: current ? { rate: num(current[0]), payee: addr(current[1]) } : null,
          max: v.commission.max.isSome ? num(v.commission.max.unwrap()) : null,
          changeRate: v.commission.changeRate.isSome
            ? {
                maxIncrease: num(v.commission.changeRate.unwrap().maxIncrease),
                minDelay: num(v.commission.changeRate.unwrap().minDelay),
              }
            : null,
          throttleFrom: v.commission.throttleFrom.isSome ? num(v.commission.throttleFrom.unwrap()) : null,
        },
        bondedAccount: reverse[id]!,
        ...records(id),
      };
    }
    expect(pools).toEqual(scenario.expected.pools.pools);
    const members: Record<string, PoolMember> = {};
    for (const d of all('NominationPools.PoolMembers')) {
      const who = addr(d.args[0]);
      const v = d.value;
      members[who] = {
        who,
        poolId: num(v.poolId),
        points: big(v.points),
        lastRecordedRewardCounter: big(v.lastRecordedRewardCounter),
        unbondingEras: [...v.unbondingEras.entries()].map(([era, pts]) => ({
          era: num(era),
          points: big(pts),
        })),
      };
    }
    expect(members).toEqual(scenario.expected.pools.members);
  });

  it('referenda, deciding counts and track queues', () => {
    const g = scenario.expected.governance;
    expect(num(one('Referenda.ReferendumCount').value)).toBe(g.referendumCount);
    const referenda: Record<number, ReferendumInfo> = {};
    for (const d of all('Referenda.ReferendumInfoFor'))
      referenda[num(d.args[0])] = readReferendum(num(d.args[0]), d.value);
    expect(referenda).toEqual(g.referenda);
    const deciding = Object.fromEntries(
      all('Referenda.DecidingCount').map((d) => [num(d.args[0]), num(d.value)]),
    );
    expect(deciding).toEqual(g.decidingCount);
    const queues = Object.fromEntries(
      all('Referenda.TrackQueue').map((d) => [
        num(d.args[0]),
        d.value.map((t: Decoded['value']) => ({ id: num(t[0]), ayes: big(t[1]) })),
      ]),
    );
    expect(queues).toEqual(g.trackQueue);
  });

  it('proposal preimages hold real runtime calls, and missing ones are absent', () => {
    const stored = new Map(all('Preimage.PreimageFor').map((d) => [d.args[0][0].toHex() as string, d.value]));
    const requested = new Set(all('Preimage.RequestStatusFor').map((d) => d.args[0].toHex() as string));
    const fx = scenario.fixtures.proposals;
    expect(fx.some((p) => p.preimageStored)).toBe(true);
    expect(fx.some((p) => !p.preimageStored && !p.callHex.startsWith('0x00'))).toBe(true);
    for (const p of fx) {
      const ref = scenario.expected.governance.referenda[p.refId]!;
      if (ref.status !== 'ongoing') throw new Error('proposal fixture on an ended referendum');
      const inline = ref.proposal.kind === 'Inline';
      expect(stored.has(p.hash)).toBe(p.preimageStored);
      expect(requested.has(p.hash)).toBe(p.preimageStored);
      const bytes = inline
        ? (ref.proposal as { call: string }).call
        : p.preimageStored
          ? stored.get(p.hash).toHex()
          : p.callHex;
      const call = registry.createType('Call', bytes);
      expect(`${call.section}.${call.method}`).toBe(p.call);
      expect(call.toHex()).toBe(p.callHex);
      const summary = scenario.expected.governance.proposalSummaries[p.refId];
      expect(summary).toBe(p.preimageStored || inline ? p.call : p.hash);
    }
    const calls = new Set(fx.map((p) => p.call));
    expect(calls).toEqual(new Set(['treasury.spend', 'system.remark', 'utility.batch']));
  });

  it('system accounts carry the balances in the fixtures', () => {
    const accounts = Object.fromEntries(
      all('System.Account').map((d) => {
        const a = d.value.data;
        return [addr(d.args[0]), { free: big(a.free), reserved: big(a.reserved), frozen: big(a.frozen) }];
      }),
    );
    expect(accounts).toEqual(scenario.fixtures.balances);
  });

  it('conviction votes and class locks match the voting fixtures', () => {
    const voting = all('ConvictionVoting.VotingFor');
    expect(voting).toHaveLength(scenario.fixtures.voting.length);
    const kinds = new Set<string>();
    for (const d of voting) {
      const who = addr(d.args[0]);
      const track = num(d.args[1]);
      const record = scenario.fixtures.voting.find((r) => r.who === who && r.track === track)!;
      expect(record, `${who}/${track}`).toBeDefined();
      expect(d.value.type).toBe(record.kind);
      if (record.kind === 'Delegating') {
        expect(addr(d.value.asDelegating.target)).toBe(record.target);
        expect(big(d.value.asDelegating.balance)).toBe(record.balance);
        expect(d.value.asDelegating.conviction.index).toBe(record.conviction);
        continue;
      }
      const votes = d.value.asCasting.votes;
      expect(votes.map((v: Decoded['value']) => num(v[0]))).toEqual(record.votes.map((v) => v.refId));
      for (const v of votes) kinds.add(v[1].type);
    }
    expect(kinds).toEqual(new Set(['Standard', 'Split', 'SplitAbstain']));
    expect(all('ConvictionVoting.ClassLocksFor').length).toBeGreaterThan(0);
  });
});
