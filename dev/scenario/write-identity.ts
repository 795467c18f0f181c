/**
 * The People chain's storage for the identity model: `Identity.IdentityOf` (a `Registration` with
 * the people runtime's `IdentityInfo`) and `Identity.SuperOf` ((parent, `Data`)), encoded with the
 * People Kusama metadata.
 */
import type { Judgement } from '../../core/identity/identity-types.js';
import { PEOPLE_RUNTIME, registryFor } from '../chain/runtimes.js';
import type { IdentityModel } from './identity-model.js';
import { StorageContext } from './storage-context.js';
import type { StoragePair } from './types.js';

let people: StorageContext | undefined;

/** Keys and values for the dev People chain (people-kusama 2,003,000). */
export function peopleContext(): StorageContext {
  if (!people) {
    const { registry, metadata } = registryFor(PEOPLE_RUNTIME);
    people = new StorageContext(registry, metadata);
  }
  return people;
}

/** `Data` as the pallet stores it: `Raw<n>` for n ≤ 32 bytes, `None` for null. */
export function rawData(bytes: Uint8Array | null): unknown {
  if (bytes === null) return 'None';
  if (bytes.length > 32) throw new Error(`identity data holds at most 32 bytes, got ${bytes.length}`);
  return { [`Raw${bytes.length}`]: bytes };
}

function judgement(j: Judgement): unknown {
  return j === 'FeePaid' ? { FeePaid: 100_000_000_000n } : j;
}

const EMPTY_FIELDS = ['legal', 'web', 'matrix', 'email', 'image', 'twitter', 'github', 'discord'];

export function identityPairs(model: IdentityModel, ctx: StorageContext = peopleContext()): StoragePair[] {
  const pairs: StoragePair[] = [];
  for (const [who, id] of Object.entries(model.identities)) {
    const info: Record<string, unknown> = { display: rawData(id.display), pgpFingerprint: null };
    for (const f of EMPTY_FIELDS) info[f] = 'None';
    const registration = {
      judgements: id.judgements.map(([r, j]) => [r, judgement(j)]),
      deposit: id.deposit,
      info,
    };
    pairs.push(ctx.pair('Identity', 'IdentityOf', [who], registration));
  }
  for (const [who, sub] of Object.entries(model.subs)) {
    pairs.push(ctx.pair('Identity', 'SuperOf', [who], [sub.parent, rawData(sub.name)]));
  }
  return pairs;
}

/**
 * A new display for `who` as `set_identity` leaves it: the new `IdentityOf` value, keeping only
 * the sticky judgements (`FeePaid`, `Erroneous`) as the pallet does, and an
 * `Identity.IdentitySet` event in the block's `System.Events` (for the next block to carry).
 */
export function renameIdentity(
  model: Pick<IdentityModel, 'identities'>,
  who: string,
  display: string,
  ctx: StorageContext = peopleContext(),
): StoragePair[] {
  const before = model.identities[who];
  const identities = {
    [who]: {
      display: new TextEncoder().encode(display),
      judgements: (before?.judgements ?? []).filter(([, j]) => j === 'FeePaid' || j === 'Erroneous'),
      deposit: before?.deposit ?? 1_000_000_000n,
    },
  };
  const event = { phase: { ApplyExtrinsic: 1 }, event: { Identity: { IdentitySet: { who } } }, topics: [] };
  return [
    ...identityPairs({ identities, subs: {}, expected: {}, fixtures: {} as IdentityModel['fixtures'] }, ctx),
    ctx.pair('System', 'Events', [], [event]),
  ];
}
