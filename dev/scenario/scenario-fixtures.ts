/** Named accounts and ids tests assert against, picked from the generated models. */

import type { Address } from '../../core/types/index.js';
import { HISTORY_DEPTH_ERAS } from './chain-constants.js';
import type { PoolsModel } from './pools-model.js';
import type { ReferendaModel } from './referenda-model.js';
import type { StakingModel } from './staking-model.js';
import type { TreasuryCases } from './treasury-scenario.js';
import type {
  AccountBalance,
  ScenarioExpected,
  ScenarioFixtures,
  VoterCases,
  VotingRecord,
} from './types.js';

export interface FixtureInput {
  expected: ScenarioExpected;
  staking: StakingModel;
  pools: PoolsModel;
  referenda: ReferendaModel;
  voting: VotingRecord[];
  voterCases: VoterCases;
  balances: Record<Address, AccountBalance>;
  treasuryCases: TreasuryCases;
}

export function scenarioFixtures(f: FixtureInput): Omit<ScenarioFixtures, 'parachainCases'> {
  const s = f.expected.staking;
  const active = s.activeEra.index;
  const history = s.history;
  const paged = f.staking.elected[0]!;
  const claimedEra = history[history.length - 3]!;
  const pageCount = claimedEra.overviews[paged]!.pageCount;
  const claimed = claimedEra.claimed[paged] ?? [];
  const activePages = history[history.length - 1]!.pages.filter((p) => p.validator === paged);
  const later = activePages.find((p) => p.page > 0) ?? activePages[0]!;
  return {
    eras: {
      active,
      current: s.currentEra ?? active,
      oldest: active - HISTORY_DEPTH_ERAS + 1,
      expiresNext: active - HISTORY_DEPTH_ERAS + 1,
    },
    validators: {
      elected: [...f.staking.elected],
      waiting: [...f.staking.waiting],
      blocked: f.staking.fixtures.blocked,
      chilled: f.staking.chilled[0]!,
      partlyClaimed: {
        validator: paged,
        era: claimedEra.era,
        pageCount,
        claimed: [...claimed],
        unclaimed: Array.from({ length: pageCount }, (_, p) => p).filter((p) => !claimed.includes(p)),
      },
    },
    nominators: {
      allTargetsActive: f.staking.fixtures.allTargetsActive,
      noTargetsActive: f.staking.fixtures.noTargetsActive,
      notExposed: f.staking.fixtures.notExposed,
      onLaterPage: { nominator: later.others[0]!.who, validator: paged, page: later.page },
    },
    controllerNotStash: f.staking.fixtures.controllerNotStash,
    ledgers: {
      withdrawableChunk: f.staking.fixtures.withdrawableChunk,
      lockedChunk: f.staking.fixtures.lockedChunk,
    },
    pools: { ...f.pools.fixtures },
    referenda: f.referenda.phases,
    proposals: Object.entries(f.referenda.calls).map(([id, c]) => ({
      refId: Number(id),
      hash: c.call.hash,
      len: c.call.bytes.length,
      call: c.call.call,
      callHex: c.call.hex,
      preimageStored: c.stored,
    })),
    voting: f.voting,
    voterCases: f.voterCases,
    balances: f.balances,
    treasuryCases: f.treasuryCases,
  };
}
