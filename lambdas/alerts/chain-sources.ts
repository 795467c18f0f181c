/**
 * Votes and slashes read from Kusama Asset Hub at the version's pinned block, through the
 * chain's own metadata: `convictionVoting.votingFor(account, track)` (delegates read one level
 * down), `staking.validatorSlashInEra(era, stash)` and `staking.unappliedSlashes`.
 */
import type { ApiPromise } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import { encodeAddress } from '../../core/address/ss58.js';
import type { SlashRecord } from '../../core/alerts/detect-slashes.js';
import type { VotingState } from '../../core/alerts/detect-votes.js';
import { KUSAMA_SS58_PREFIX } from '../../core/kusama/constants.js';
import { type Connection, connectFirst } from '../snapshot/rpc/connect.js';
import type { SlashSource, VersionMeta, VotingSource } from './sources.js';
import { votingKey } from './sources.js';

type Json = Record<string, unknown>;

/** One connection for both sources, opened on first use and reused. */
export class ChainConnection {
  private connection: Promise<Connection> | null = null;

  constructor(
    private readonly endpoints: readonly string[],
    private readonly timeoutMs = 10_000,
    private readonly log: (line: string) => void = () => {},
  ) {}

  async apiAt(blockHash: string) {
    this.connection ??= connectFirst(this.endpoints, this.timeoutMs, this.log).catch((error: unknown) => {
      this.connection = null;
      throw error;
    });
    const { api } = await this.connection;
    return (await api.at(blockHash)) as unknown as ApiPromise;
  }

  async close(): Promise<void> {
    const c = this.connection;
    this.connection = null;
    if (c) await (await c).close().catch(() => undefined);
  }
}

function address(api: ApiPromise, value: unknown): string {
  return encodeAddress(api.registry.createType('AccountId32', value as Codec).toU8a(), KUSAMA_SS58_PREFIX);
}

function votingState(api: ApiPromise, value: Codec): VotingState {
  const json = value.toJSON() as Json | null;
  if (!json) return { type: 'none' };
  const casting = (json.casting ?? json.Casting) as { votes?: Array<[number, unknown]> } | undefined;
  if (casting) {
    const referenda = (casting.votes ?? []).map(([id]) => Number(id));
    return referenda.length > 0 ? { type: 'casting', referenda } : { type: 'none' };
  }
  const delegating = (json.delegating ?? json.Delegating) as { target?: unknown } | undefined;
  if (delegating?.target) return { type: 'delegating', target: address(api, delegating.target) };
  return { type: 'none' };
}

export class ChainVotingSource implements VotingSource {
  constructor(private readonly chain: ChainConnection) {}

  async read(addresses: readonly string[], tracks: readonly number[], at: VersionMeta) {
    const api = await this.chain.apiAt(at.blockHash);
    const out = new Map<string, VotingState>();
    const readPairs = async (pairs: Array<[string, number]>) => {
      if (pairs.length === 0) return;
      const values = (await api.query.convictionVoting.votingFor.multi(pairs)) as unknown as Codec[];
      pairs.forEach(([who, track], i) => {
        out.set(votingKey(who, track), votingState(api, values[i]!));
      });
    };
    await readPairs(addresses.flatMap((a) => tracks.map((t) => [a, t] as [string, number])));
    const delegates: Array<[string, number]> = [];
    for (const [key, state] of out) {
      if (state.type !== 'delegating') continue;
      const track = Number(key.slice(key.lastIndexOf('#') + 1));
      if (!out.has(votingKey(state.target, track))) delegates.push([state.target, track]);
    }
    await readPairs(delegates);
    return out;
  }
}

export class ChainSlashSource implements SlashSource {
  constructor(private readonly chain: ChainConnection) {}

  async read(
    validators: readonly string[],
    eras: readonly number[],
    at: VersionMeta,
  ): Promise<SlashRecord[]> {
    const api = await this.chain.apiAt(at.blockHash);
    const wanted = new Set(validators);
    const out: SlashRecord[] = [];
    const pairs = eras.flatMap((era) => validators.map((v) => [era, v] as [number, string]));
    if (pairs.length > 0) {
      const applied = (await api.query.staking.validatorSlashInEra.multi(pairs)) as unknown as Codec[];
      pairs.forEach(([era, validator], i) => {
        const value = applied[i]!.toJSON() as [number, number | string] | null;
        if (value)
          out.push({ validator, era, kind: 'applied', fraction: Number(value[0]), amount: BigInt(value[1]) });
      });
    }
    const entries = (await api.query.staking.unappliedSlashes.entries()) as unknown as Array<
      [{ args: Codec[] }, Codec]
    >;
    for (const [key, value] of entries) {
      const slash = value.toJSON() as {
        validator?: unknown;
        own?: number | string;
        others?: Array<[unknown, number | string]>;
      } | null;
      if (!slash?.validator) continue;
      const validator = address(api, slash.validator);
      if (!wanted.has(validator)) continue;
      const keyParts = key.args[1]?.toJSON() as [unknown, number, number] | undefined;
      const amount = BigInt(slash.own ?? 0) + (slash.others ?? []).reduce((s, [, v]) => s + BigInt(v), 0n);
      out.push({
        validator,
        era: Number(key.args[0]?.toJSON() ?? 0),
        kind: 'unapplied',
        fraction: keyParts ? Number(keyParts[1]) : null,
        amount,
      });
    }
    return out;
  }
}
