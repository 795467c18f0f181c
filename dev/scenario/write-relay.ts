/**
 * The relay chain's parachain storage for the relay model, encoded with the Kusama relay metadata
 * (kusama 2,003,000): `Paras`, `Registrar`, `ParaScheduler`, `OnDemandAssignmentProvider` and
 * `Configuration.ActiveConfig` (the whole `HostConfiguration`, through the registry).
 */
import type { CoreAssignment, ParaRecord, RelayCore } from '../../core/types/parachains.js';
import { RELAY_RUNTIME, registryFor } from '../chain/runtimes.js';
import { StorageContext } from './storage-context.js';
import type { StorageChange, StoragePair } from './types.js';

let relay: StorageContext | undefined;

export function relayContext(): StorageContext {
  if (!relay) {
    const { registry, metadata } = registryFor(RELAY_RUNTIME);
    relay = new StorageContext(registry, metadata);
  }
  return relay;
}

export function coreAssignmentValue(a: CoreAssignment): unknown {
  return a.type === 'task' ? { Task: a.para } : a.type === 'pool' ? 'Pool' : 'Idle';
}

/** Kusama-like host configuration values with `numCores` cores. */
export function hostConfiguration(numCores: number, onDemand: { baseFee: bigint; maxQueueSize: number }) {
  return {
    maxCodeSize: 3_145_728,
    maxHeadDataSize: 32_768,
    maxUpwardQueueCount: 174_762,
    maxUpwardQueueSize: 1_048_576,
    maxUpwardMessageSize: 65_531,
    maxUpwardMessageNumPerCandidate: 16,
    hrmpMaxMessageNumPerCandidate: 10,
    validationUpgradeCooldown: 14_400,
    validationUpgradeDelay: 600,
    asyncBackingParams: { maxCandidateDepth: 3, allowedAncestryLen: 2 },
    maxPovSize: 10_485_760,
    maxDownwardMessageSize: 51_200,
    hrmpMaxParachainOutboundChannels: 30,
    hrmpSenderDeposit: 5_000_000_000_000n,
    hrmpRecipientDeposit: 5_000_000_000_000n,
    hrmpChannelMaxCapacity: 1_000,
    hrmpChannelMaxTotalSize: 102_400,
    hrmpMaxParachainInboundChannels: 30,
    hrmpChannelMaxMessageSize: 102_400,
    executorParams: [
      { MaxMemoryPages: 8_192 },
      { PvfExecTimeout: ['Backing', 2_500] },
      { PvfExecTimeout: ['Approval', 15_000] },
    ],
    codeRetentionPeriod: 14_400,
    maxValidators: null,
    disputePeriod: 6,
    disputePostConclusionAcceptancePeriod: 600,
    noShowSlots: 2,
    nDelayTranches: 89,
    zerothDelayTrancheWidth: 0,
    neededApprovals: 30,
    relayVrfModuloSamples: 6,
    pvfVotingTtl: 2,
    minimumValidationUpgradeDelay: 20,
    minimumBackingVotes: 2,
    // node features 1 (ElasticScalingMVP) and 3 (CandidateReceiptV2): 8 bits, Lsb0.
    nodeFeatures: new Uint8Array([0x20, 0b0000_1010]),
    approvalVotingParams: { maxApprovalCoalesceCount: 6 },
    schedulerParams: {
      groupRotationFrequency: 10,
      parasAvailabilityPeriod: 10,
      maxValidatorsPerCore: 5,
      lookahead: 3,
      numCores,
      onDemandQueueMaxSize: onDemand.maxQueueSize,
      onDemandTargetQueueUtilization: 250_000_000,
      onDemandFeeVariability: 30_000_000,
      onDemandBaseFee: onDemand.baseFee,
    },
    maxRelayParentSessionAge: 0,
  };
}

/** `Configuration.ActiveConfig`, encoded by the registry (it carries a BitVec). */
export function activeConfigPair(
  numCores: number,
  onDemand: { baseFee: bigint; maxQueueSize: number },
): StoragePair {
  const ctx = relayContext();
  const typeId = ctx.entry('Configuration', 'ActiveConfig').valueType;
  const name = ctx.registry.lookup.getTypeDef(typeId).lookupName ?? `Lookup${typeId}`;
  const value = ctx.registry.createType(name, hostConfiguration(numCores, onDemand)).toHex();
  return [ctx.key('Configuration', 'ActiveConfig'), value];
}

export function paraPairs(p: ParaRecord, head: Uint8Array | undefined, ctx = relayContext()): StoragePair[] {
  const pairs: StoragePair[] = [];
  if (p.lifecycle) pairs.push(ctx.pair('Paras', 'ParaLifecycles', [p.id], p.lifecycle));
  if (head) pairs.push(ctx.pair('Paras', 'Heads', [p.id], head));
  if (p.headRelayBlock !== null) pairs.push(ctx.pair('Paras', 'MostRecentContext', [p.id], p.headRelayBlock));
  if (p.manager !== null) {
    pairs.push(
      ctx.pair('Registrar', 'Paras', [p.id], { manager: p.manager, deposit: p.deposit, locked: p.locked }),
    );
  }
  return pairs;
}

/** Removes every key `paraPairs` could have written for the para. */
export function paraRemovals(id: number, ctx = relayContext()): StorageChange[] {
  return [
    ctx.removal('Paras', 'ParaLifecycles', [id]),
    ctx.removal('Paras', 'Heads', [id]),
    ctx.removal('Paras', 'MostRecentContext', [id]),
    ctx.removal('Registrar', 'Paras', [id]),
  ];
}

export function parachainsListPair(paras: ParaRecord[], ctx = relayContext()): StoragePair {
  const listed = paras.filter((p) => p.listed).map((p) => p.id);
  return ctx.pair(
    'Paras',
    'Parachains',
    [],
    listed.sort((a, b) => a - b),
  );
}

/** `CoreDescriptors` (every core with work or a queue) and every queued `CoreSchedules` entry. */
export function corePairs(cores: RelayCore[], ctx = relayContext()): StoragePair[] {
  const descriptors: Array<[number, unknown]> = [];
  const pairs: StoragePair[] = [];
  for (const c of cores) {
    if (c.assignments.length === 0 && c.upcoming.length === 0) continue;
    const ratios = c.assignments.map((a) => a.parts);
    descriptors.push([
      c.core,
      {
        queue: c.upcoming.length ? { first: c.upcoming[0]!.block, last: c.upcoming.at(-1)!.block } : null,
        currentWork: c.assignments.length
          ? {
              assignments: c.assignments.map((a) => [
                coreAssignmentValue(a.assignment),
                { ratio: a.parts, remaining: a.parts },
              ]),
              endHint: c.endHint,
              pos: 0,
              step: Math.min(...ratios),
            }
          : null,
      },
    ]);
    c.upcoming.forEach((u, i) => {
      const value = {
        assignments: u.assignments.map((a) => [coreAssignmentValue(a.assignment), a.parts]),
        endHint: u.endHint,
        nextSchedule: c.upcoming[i + 1]?.block ?? null,
      };
      pairs.push(ctx.pair('ParaScheduler', 'CoreSchedules', [[u.block, c.core]], value));
    });
  }
  pairs.push(ctx.pair('ParaScheduler', 'CoreDescriptors', [], descriptors));
  return pairs;
}

export function orderStatusPair(
  traffic: bigint,
  queue: Array<{ para: number; orderedAt: number }>,
): StoragePair {
  return relayContext().pair('OnDemandAssignmentProvider', 'OrderStatus', [], {
    traffic,
    queue: { queue: queue.map((o) => ({ paraId: o.para, orderedAt: o.orderedAt })) },
  });
}
