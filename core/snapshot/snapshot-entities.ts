/**
 * Cuts a Snapshot into the entities the store persists: one per account (serves /stake), per
 * validator (/validator), per referendum (/referendum), per pool, per voter (its conviction
 * voting: every account with votes, delegations or class locks, and every watched address), per
 * named address (its People chain identity, for every reply that shows it), plus the era, tracks,
 * the list of referenda, how ended referenda ended (`index/outcomes`), the voting rules, the
 * slashes, the treasury (`treasury/current`), one entity per bounty with its children and the list
 * of bounties (`index/bounties`), the parachains (`parachains/current`), one entity per account
 * with crowdloan money waiting on Asset Hub and their list (`index/crowdloans`), and the status. Only the store knows how they become table items.
 */
import type { AccountName } from '../identity/identity-types.js';
import { queuePosition as queuePositionOf } from '../opengov/context.js';
import type { TitleCache } from '../opengov/title-cache.js';
import { withTitles } from '../opengov/title-entities.js';
import { buildEraSlice } from '../staking/era-slice.js';
import type { EraStart } from '../staking/slice-types.js';
import type { Snapshot } from '../types/snapshot.js';
import type { Address } from '../types/staking.js';
import type { VoterRecord, VotingRules } from '../types/voting.js';
import { endedOutcomes, type ReferendumOutcomes } from '../voting/outcomes.js';
import {
  ENTITY,
  type Entity,
  INDEX_ID,
  type ReferendaIndex,
  type ReferendumEntity,
  type StatusEntity,
} from './entities.js';
import { parachainsEntities } from './parachains-entities.js';
import { nextRuntimeRecord, type RuntimeRecord } from './runtime-record.js';
import { type BuiltBefore, type EntitySection, sectionEntities } from './sections.js';
import { stakingEntities } from './staking-entities.js';
import { treasuryEntities } from './treasury-entities.js';

const RECENT_ENDED = 50;

function referendumEntities(snapshot: Snapshot): { entities: Entity[]; index: ReferendaIndex } {
  const g = snapshot.governance;
  const entities: Entity[] = [];
  const ongoing: ReferendaIndex['ongoing'] = [];
  const ended: ReferendaIndex['recentlyEnded'] = [];
  for (const info of Object.values(g.referenda)) {
    const proposal = g.proposalSummaries[info.id] ?? null;
    let trackDecidingCount = 0;
    let queuePosition: number | null = null;
    if (info.status === 'ongoing') {
      trackDecidingCount = g.decidingCount[info.track] ?? 0;
      // The pallet keeps the queue sorted by ayes, ascending, and takes from the back: 1 is next.
      queuePosition = queuePositionOf(g.trackQueue[info.track], info.id);
      ongoing.push({ id: info.id, track: info.track, proposal, info });
    } else {
      ended.push({ id: info.id, status: info.status, block: info.block });
    }
    const data: ReferendumEntity = { info, proposal, trackDecidingCount, queuePosition };
    entities.push({ kind: ENTITY.referendum, id: String(info.id), data });
  }
  ongoing.sort((a, b) => a.id - b.id);
  ended.sort((a, b) => b.block - a.block || b.id - a.id);
  return {
    entities,
    index: { referendumCount: g.referendumCount, ongoing, recentlyEnded: ended.slice(0, RECENT_ENDED) },
  };
}

/** Off-chain titles for the referenda, and the cache they come from (written as `titles/all`). */
export interface TitleInputs {
  cache: TitleCache | null;
}

/**
 * The snapshot's entities as sections (core/snapshot/sections.ts), each with the parts of the
 * Snapshot it is built from. The staking section is the expensive one (tens of thousands of
 * accounts and validators); the era and the status change with every pinned block.
 */
export function snapshotSections(
  previousEraStarts: readonly EraStart[] = [],
  runtime?: RuntimeRecord,
  names: Readonly<Record<Address, AccountName>> = {},
  titles?: TitleInputs,
): EntitySection[] {
  return [
    {
      name: 'identities',
      reads: [],
      extra: names,
      *build() {
        for (const [address, name] of Object.entries(names))
          yield { kind: ENTITY.identity, id: address, data: name satisfies AccountName };
      },
    },
    { name: 'staking', reads: ['staking', 'pools', 'constants'], build: stakingEntities },
    {
      name: 'era',
      reads: ['staking', 'pools', 'constants', 'anchor'],
      extra: previousEraStarts,
      always: true,
      *build(snapshot) {
        yield { kind: ENTITY.era, id: 'current', data: buildEraSlice(snapshot, previousEraStarts) };
      },
    },
    {
      name: 'referenda',
      reads: ['governance'],
      extra: titles?.cache ?? null,
      build: (snapshot) =>
        titles
          ? withTitles(referendaEntities(snapshot), snapshot.governance.proposalCalls ?? {}, titles.cache)
          : referendaEntities(snapshot),
    },
    { name: 'voting', reads: ['voting', 'votingRules', 'governance'], build: votingEntities },
    { name: 'treasury', reads: ['treasury', 'bounties'], build: treasuryEntities },
    { name: 'parachains', reads: ['parachains'], build: parachainsEntities },
    {
      name: 'status',
      reads: [
        'anchor',
        'issuance',
        'staking',
        'pools',
        'governance',
        'treasury',
        'bounties',
        'parachains',
        'warnings',
      ],
      always: true,
      *build(snapshot, before) {
        yield statusEntity(snapshot, runtime ?? nextRuntimeRecord(undefined, { ...snapshot.anchor }), before);
      },
    },
  ];
}

/** Every entity of the snapshot: each section built in turn (what a run without kept sections writes). */
export function snapshotEntities(
  snapshot: Snapshot,
  previousEraStarts: readonly EraStart[] = [],
  runtime?: RuntimeRecord,
  names: Readonly<Record<Address, AccountName>> = {},
): Generator<Entity> {
  return sectionEntities(snapshot, snapshotSections(previousEraStarts, runtime, names));
}

/** One per referendum, the referenda list, and the tracks. */
function* referendaEntities(snapshot: Snapshot): Generator<Entity> {
  const { entities, index } = referendumEntities(snapshot);
  yield* entities;
  yield { kind: ENTITY.index, id: INDEX_ID.referenda, data: index };
  yield { kind: ENTITY.tracks, id: 'all', data: snapshot.governance.tracks };
}

function statusEntity(snapshot: Snapshot, runtime: RuntimeRecord, before: BuiltBefore): Entity {
  const status: StatusEntity = {
    anchor: snapshot.anchor,
    issuance: snapshot.issuance,
    activeEra: snapshot.staking.activeEra.index,
    counts: {
      validators: Object.keys(snapshot.staking.validators).length,
      nominators: Object.keys(snapshot.staking.nominators).length,
      poolMembers: Object.keys(snapshot.pools.members).length,
      referenda: Object.keys(snapshot.governance.referenda).length,
      accounts: before.count(ENTITY.account),
      ...(snapshot.treasury ? { spends: snapshot.treasury.spends.length } : {}),
      ...(snapshot.bounties ? { bounties: snapshot.bounties.bounties.length } : {}),
      ...(snapshot.parachains?.relay ? { paras: snapshot.parachains.relay.paras.length } : {}),
    },
    warnings: snapshot.warnings,
    runtime,
  };
  return { kind: ENTITY.status, id: 'current', data: status };
}

/** Conviction voting's entities: one per voter, the voting rules, and how ended referenda ended. */
export function* votingEntities(snapshot: Snapshot): Generator<Entity> {
  for (const [address, voter] of Object.entries(snapshot.voting))
    yield { kind: ENTITY.voting, id: address, data: voter satisfies VoterRecord };
  if (snapshot.votingRules)
    yield { kind: ENTITY.votingRules, id: 'current', data: snapshot.votingRules satisfies VotingRules };
  yield {
    kind: ENTITY.index,
    id: INDEX_ID.outcomes,
    data: endedOutcomes(snapshot.governance.referenda) satisfies ReferendumOutcomes,
  };
}
