/**
 * Reads one whole Snapshot from Kusama Asset Hub at one pinned block (and the relay head, when a
 * relay endpoint is set). Endpoints fail over in order; a read that fails part-way is retried whole
 * on the next endpoint, so a snapshot never mixes blocks.
 */
import type { Snapshot } from '../../core/types/snapshot.js';
import {
  ChainUnavailableError,
  SnapshotTimeoutError,
  StorageLayoutError,
  UndecodableItemError,
} from './errors.js';
import { layoutGuard } from './guard/guard.js';
import { type ActiveEraExposures, containerActiveEraExposures } from './read/active-era-exposures.js';
import { readCrowdloans } from './read/ah-ops.js';
import { readAnchor } from './read/anchor.js';
import type { ReadContext } from './read/context.js';
import { readCoretime } from './read/coretime.js';
import type { EraArchive } from './read/era-archive.js';
import { readGovernance } from './read/governance.js';
import { type HistoryStats, readHistory } from './read/history.js';
import type { MetadataKeeper } from './read/kept-metadata.js';
import { MetadataCodec } from './read/metadata-codec.js';
import { readPools } from './read/pools.js';
import { readRelayParas } from './read/relay-paras.js';
import { type RelayPin, relayOf } from './read/relay-pin.js';
import { containerSettledClaims, type SettledClaims } from './read/settled-claims.js';
import { readSlashes } from './read/slashes.js';
import { readStakingCore } from './read/staking.js';
import { readStakingRules } from './read/staking-rules.js';
import { readTreasury } from './read/treasury.js';
import { readVoting } from './read/voting.js';
import { readVotingRules } from './read/voting-rules.js';
import {
  type Connection,
  connectFirst,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type RpcTimeouts,
} from './rpc/connect.js';
import { RawStorage, ValueBatcher } from './rpc/raw-storage.js';
import { DecodeError } from './scale/errors.js';

export interface ChainEndpoints {
  assetHub: string[];
  relay?: string[];
  /** The People chain, for the names of the shown addresses (read by the job, not here). */
  people?: string[];
  /** The Coretime chain (para 1005), for the bulk coretime sale (`Broker`). */
  coretime?: string[];
}

export interface ReaderOptions {
  archive: EraArchive;
  /** Addresses that get a voting record even when they have none ("has not voted" alerts). */
  watched?: readonly string[];
  /** Per endpoint: connecting, and then the whole read. */
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  /** Per request: how long one may wait for its answer (default `DEFAULT_REQUEST_TIMEOUT_MS`). */
  requestTimeoutMs?: number;
  log?: (message: string) => void;
  /** Where the relay chain's and the Coretime chain's metadata is kept between cold starts. */
  metadataKeeper?: MetadataKeeper;
  /** Claims known final, kept between reads (default: the container's, `containerSettledClaims`). */
  settledClaims?: SettledClaims;
  /** The active era's exposures, kept between reads (default: the container's). */
  activeEraExposures?: ActiveEraExposures;
}

export interface ReadResult {
  snapshot: Snapshot;
  endpoint: string;
  rpcRequests: number;
  history: HistoryStats;
  /** The relay block the snapshot is pinned to, when a relay endpoint is set and answered. */
  relay: RelayPin | null;
  /** Requests to the relay chain (the pin and the parachains) and to the Coretime chain (part of the totals). */
  relayRequests: number;
  coretimeRequests: number;
  /** The conviction-voting read alone (part of the totals): its requests and time. */
  voting: VotingReadStats;
  /** The treasury and bounties read alone (part of the totals). */
  treasury: VotingReadStats;
  ms: number;
}

export interface VotingReadStats {
  rpcRequests: number;
  ms: number;
}

async function readAt(
  conn: Connection,
  endpoints: ChainEndpoints,
  options: ReaderOptions & { timeouts: RpcTimeouts },
  warnings: string[],
) {
  const hash = (await conn.provider.send('chain_getFinalizedHead', [])) as string;
  const header = (await conn.provider.send('chain_getHeader', [hash])) as {
    number: string;
    parentHash: string;
  };
  // The runtime the pinned block runs is its parent's: given that version, the connection finds the
  // metadata it already holds (the usual case) without asking for the header and version again.
  const version = conn.api.registry.createType(
    'RuntimeVersion',
    await conn.provider.send('state_getRuntimeVersion', [header.parentHash]),
  );
  // Which chain this is: what is kept across runs (past eras, era starts) is kept per chain.
  // The connection already asked for it when it loaded the chain's metadata.
  const genesisHash = conn.api.genesisHash.toHex();
  // One batcher for every reader of this block: value reads asked for together go out together.
  const batcher = new ValueBatcher();
  const storage = new RawStorage((method, params) => conn.provider.send(method, params), hash, { batcher });
  // The metadata and runtime version of the pinned block itself (its parent's code), not of the
  // best block at connect time: around an upgrade the two differ.
  const codec = new MetadataCodec(await conn.api.at(hash, version));
  const warn = (m: string) => warnings.push(m);
  // Fails the run when a hand-decoded item's layout is not what this block's metadata says.
  const decoders = layoutGuard.decoders(codec, warn);
  const ctx: ReadContext = { storage, has: (p, i) => codec.has(p, i), decoders, warn };
  const block = {
    hash,
    number: Number.parseInt(header.number, 16),
    specVersion: codec.specVersion,
    genesisHash,
  };
  const log = options.log ?? (() => undefined);
  // The relay pin, with the parachains read at the pinned relay hash on the same connection; the
  // Coretime chain beside it. Neither holds up the Asset Hub reads, which need only the relay block.
  const relayRead = relayOf(ctx, endpoints.relay, options.timeouts, log, async (send, pin) => {
    try {
      const read = await readRelayParas(send, pin, warn, options.metadataKeeper);
      return { value: read.state, requests: read.requests };
    } catch (error) {
      warn(`relay block ${pin.number}: parachains not read (${(error as Error).message})`);
      return { value: null, requests: 0 };
    }
  });
  const coretimeRead = endpoints.relay?.length
    ? readCoretime(endpoints.coretime, options.timeouts, warn, log, options.metadataKeeper)
    : Promise.resolve({ state: null, requests: 0 });
  const votingRules = readVotingRules(codec);
  // Its own request counter (same connection, same block), so what voting costs can be told apart.
  const votingStorage = new RawStorage((method, params) => conn.provider.send(method, params), hash, {
    batcher,
  });
  const votingStarted = performance.now();
  const votingRead = readVoting({ ...ctx, storage: votingStorage }, codec, options.watched ?? []).then(
    (voting) => {
      votingStats.ms = Math.round(performance.now() - votingStarted);
      return voting;
    },
  );
  const votingStats: VotingReadStats = { rpcRequests: 0, ms: 0 };
  const treasuryStorage = new RawStorage((method, params) => conn.provider.send(method, params), hash, {
    batcher,
  });
  const treasuryStats: VotingReadStats = { rpcRequests: 0, ms: 0 };
  const treasuryStarted = performance.now();
  const treasuryRead = readTreasury({ ...ctx, storage: treasuryStorage }, codec).then((read) => {
    treasuryStats.ms = Math.round(performance.now() - treasuryStarted);
    return read;
  });
  const [{ anchor, issuance }, core, pools, governance, slashes, voting, rules, treasury, crowdloan] =
    await Promise.all([
      relayRead.then((relay) => readAnchor(ctx, block, relay.relayBlock)),
      readStakingCore(ctx),
      readPools(ctx, codec),
      readGovernance(ctx, codec),
      readSlashes(ctx, codec),
      votingRead,
      readStakingRules(ctx, codec),
      treasuryRead,
      readCrowdloans(ctx, codec),
    ]);
  const [relay, coretime] = await Promise.all([relayRead, coretimeRead]);
  const settled = options.settledClaims ?? containerSettledClaims;
  const { history, stats } = await readHistory(
    ctx,
    core.activeEra.index,
    options.archive.forChain(genesisHash),
    rules.constants.historyDepth,
    {
      claims: (firstEra) => settled.at(block, firstEra, core.activeEra.index),
      activeExposures: (options.activeEraExposures ?? containerActiveEraExposures).at(block),
    },
  );
  const snapshot: Snapshot = {
    anchor,
    issuance,
    constants: rules.constants,
    staking: { ...core, history, slashes, lastValidatorEra: rules.lastValidatorEra },
    pools,
    governance,
    voting,
    votingRules,
    treasury: treasury.treasury,
    bounties: treasury.bounties,
    parachains:
      relay.value || coretime.state || crowdloan
        ? { relay: relay.value, coretime: coretime.state, crowdloan }
        : null,
    warnings,
  };
  votingStats.rpcRequests = votingStorage.requests;
  treasuryStats.rpcRequests = treasuryStorage.requests;
  return {
    snapshot,
    history: stats,
    relay: relay.pin,
    relayRequests: relay.requests,
    coretimeRequests: coretime.requests,
    voting: votingStats,
    treasury: treasuryStats,
  };
}

export async function readSnapshot(endpoints: ChainEndpoints, options: ReaderOptions): Promise<ReadResult> {
  const log = options.log ?? (() => undefined);
  const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
  const readTimeoutMs = options.readTimeoutMs ?? 240_000;
  const timeouts = {
    connectMs: connectTimeoutMs,
    requestMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
  const started = performance.now();
  let lastError: unknown;
  const failures: string[] = [];
  let requests = 0;
  const remaining = [...endpoints.assetHub];
  while (remaining.length > 0) {
    const conn = await connectFirst(remaining.splice(0, remaining.length), timeouts, log);
    remaining.push(...endpoints.assetHub.slice(endpoints.assetHub.indexOf(conn.endpoint) + 1));
    const warnings: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        readAt(conn, endpoints, { ...options, timeouts }, warnings),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new SnapshotTimeoutError(`reading ${conn.endpoint} took over ${readTimeoutMs} ms`)),
            readTimeoutMs,
          );
        }),
      ]);
      requests += conn.provider.requests + result.relayRequests + result.coretimeRequests;
      return {
        ...result,
        coretimeRequests: result.coretimeRequests,
        endpoint: conn.endpoint,
        rpcRequests: requests,
        ms: Math.round(performance.now() - started),
      };
    } catch (error) {
      lastError = error;
      requests += conn.provider.requests;
      failures.push(`${conn.endpoint}: ${(error as Error).message}`);
      log(`snapshot read from ${conn.endpoint} failed: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
      await conn.close().catch(() => undefined);
    }
  }
  // What the chain holds does not decode: the same anywhere, so said as it is.
  if ([StorageLayoutError, UndecodableItemError, DecodeError].some((kind) => lastError instanceof kind))
    throw lastError;
  // Every endpoint connected and then failed (a lost connection, a request or read past its timeout).
  throw new ChainUnavailableError(`no chain endpoint could be read (${failures.join('; ')})`, {
    cause: lastError,
  });
}
