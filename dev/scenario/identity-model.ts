/**
 * Identities on the People chain for the addresses Herald shows: display names with a mix of
 * registrar judgements for most validators, some nominators, referendum depositors, treasury
 * beneficiaries and bounty curators, delegates and pool roles; one operator whose validator stashes are its
 * sub-identities (`Parent/child`); and hostile names that a reader must sanitise. Deterministic
 * from the seed. `expected` is what a correct reader shows for every address.
 */
import type { AccountName, Judgement } from '../../core/identity/identity-types.js';
import type { Address } from '../../core/types/index.js';
import { deriveAccount } from './accounts.js';
import { Rng } from './rng.js';
import type { ScenarioExpected, VotingRecord } from './types.js';

/** `pallet_identity::Registration` as seeded: raw display bytes (None when null) and judgements. */
export interface SeededIdentity {
  display: Uint8Array | null;
  judgements: Array<[registrar: number, judgement: Judgement]>;
  deposit: bigint;
}

export interface SeededSub {
  parent: Address;
  /** The sub's own name (`Data::Raw`), null for `Data::None`. */
  name: Uint8Array | null;
}

/** A hostile name: the bytes on chain and what Herald must show for them (null: no name at all). */
export interface HostileName {
  label: string;
  address: Address;
  raw: Uint8Array;
  shown: string | null;
}

export interface IdentityFixtures {
  /** A validator with a `KnownGood` or `Reasonable` judgement. */
  verifiedValidator: Address;
  /** A validator whose only judgement is `FeePaid` (named, not verified). */
  unverifiedValidator: Address;
  /** The operator (an identity of its own) and the validator stashes that are its subs. */
  operator: { parent: Address; display: string; subs: Array<{ address: Address; sub: string }> };
  nominator: Address;
  proposer: Address;
  hostile: HostileName[];
  /** A validator with no identity. */
  unnamedValidator: Address;
}

export interface IdentityModel {
  identities: Record<Address, SeededIdentity>;
  subs: Record<Address, SeededSub>;
  /** What a correct reader shows, for every address that has a name. */
  expected: Record<Address, AccountName>;
  fixtures: IdentityFixtures;
}

const WORDS = [
  'Aurora',
  'Basalt',
  'Cobalt',
  'Dune',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
];
const SUFFIXES = ['Staking', 'Node', 'Labs', 'Validator', 'Collective', 'Works', 'Capital', 'Infra'];
/** Judgements by rotation: two verified, two not, and no judgement at all. */
const JUDGEMENTS: Array<Judgement | null> = ['Reasonable', 'KnownGood', 'FeePaid', 'Erroneous', null];

const text = (s: string) => new TextEncoder().encode(s);

/** The hostile names and what sanitising them must leave (literal, not computed). */
export const HOSTILE_NAMES: Array<{ label: string; raw: string; shown: string | null }> = [
  { label: 'bidi override', raw: 'Safe\u202Egnikats\u202C', shown: 'Safegnikats' },
  { label: 'zero-width', raw: 'Ku\u200Bsa\u200Cma\u200D\uFEFFVal', shown: 'KusamaVal' },
  { label: 'html', raw: '<b>Bold</b> & co', shown: '<b>Bold</b> & co' },
  { label: 'markdown', raw: '*_[click](x)_*', shown: '*_[click](x)_*' },
  { label: 'control', raw: 'Line\nBreak\tTab\u0007', shown: 'Line Break Tab' },
  { label: 'over-long', raw: 'W'.repeat(32), shown: 'W'.repeat(32) },
  { label: 'empty', raw: '', shown: null },
  { label: 'invisible only', raw: '\u200B\u200B\u202E', shown: null },
];

function judgementsFor(j: Judgement | null): SeededIdentity['judgements'] {
  return j === null ? [] : [[j === 'KnownGood' ? 0 : 1, j]];
}

function nameOf(rng: Rng, i: number): string {
  return `${WORDS[rng.int(0, WORDS.length - 1)]} ${SUFFIXES[rng.int(0, SUFFIXES.length - 1)]} ${i}`;
}

export interface IdentityInput {
  expected: ScenarioExpected;
  elected: Address[];
  voting: VotingRecord[];
  /** Treasury beneficiaries to name (in the slot the spends' beneficiaries always had). */
  treasuryBeneficiaries?: Address[];
  /** Further addresses to name, after all the others (so the names drawn before stay as they were). */
  alsoNamed?: Address[];
}

/** The addresses the scenario names, in a stable order: validators first, then the others. */
function candidates(h: IdentityInput): { validators: Address[]; others: Address[]; proposer: Address } {
  const validators = Object.keys(h.expected.staking.validators).sort();
  const nominators = Object.keys(h.expected.staking.nominators).sort();
  const refs = Object.values(h.expected.governance.referenda).sort((a, b) => a.id - b.id);
  const depositors = refs.flatMap((r) => [r.submissionDeposit?.who, r.decisionDeposit?.who]);
  const proposer = refs.find((r) => r.submissionDeposit)?.submissionDeposit?.who ?? '';
  const beneficiaries = h.treasuryBeneficiaries ?? [];
  const delegates = h.voting.flatMap((v) => (v.kind === 'Delegating' ? [v.target] : []));
  const roles = Object.values(h.expected.pools.pools).flatMap((p) => [
    p.roles.depositor,
    p.roles.root,
    p.roles.nominator,
    p.roles.bouncer,
  ]);
  const someNominators = nominators.filter((_, i) => i % 7 === 0);
  const others = [
    ...new Set([
      ...someNominators,
      ...depositors,
      ...beneficiaries,
      ...delegates,
      ...roles,
      ...(h.alsoNamed ?? []),
    ]),
  ]
    .filter((a): a is Address => typeof a === 'string' && a !== '')
    .filter((a) => !h.expected.staking.validators[a]);
  return { validators, others, proposer };
}

export function buildIdentities(seed: number, h: IdentityInput): IdentityModel {
  const rng = new Rng(seed, 'identities');
  const model: IdentityModel = {
    identities: {},
    subs: {},
    expected: {},
    fixtures: {} as IdentityFixtures,
  };
  const { validators, others, proposer } = candidates(h);
  const set = (who: Address, display: string, j: Judgement | null) => {
    model.identities[who] = { display: text(display), judgements: judgementsFor(j), deposit: 1_000_000_000n };
    model.expected[who] = { display, sub: null, verified: j === 'Reasonable' || j === 'KnownGood' };
  };

  // The operator: an identity of its own (not a staker), its first validator stashes as subs.
  const operator = deriveAccount(seed, 'identity-operator', 0).address;
  const operatorName = 'Basalt Operations';
  set(operator, operatorName, 'KnownGood');
  const subCount = Math.min(3, Math.max(1, Math.floor(validators.length / 4)));
  const subs = h.elected.slice(1, 1 + subCount);
  model.fixtures.operator = { parent: operator, display: operatorName, subs: [] };
  subs.forEach((address, i) => {
    const sub = `stash-${String(i + 1).padStart(2, '0')}`;
    model.subs[address] = { parent: operator, name: text(sub) };
    model.expected[address] = { display: operatorName, sub, verified: true };
    model.fixtures.operator.subs.push({ address, sub });
  });

  // Hostile names on validators after the subs, or on others when the set is small.
  const rest = validators.filter((v) => !model.subs[v] && v !== h.elected[0]);
  const hostileOn = [...rest.slice(-HOSTILE_NAMES.length), ...others].slice(0, HOSTILE_NAMES.length);
  model.fixtures.hostile = HOSTILE_NAMES.slice(0, hostileOn.length).map((n, i) => {
    const address = hostileOn[i]!;
    model.identities[address] = { display: text(n.raw), judgements: [], deposit: 1_000_000_000n };
    if (n.shown !== null) model.expected[address] = { display: n.shown, sub: null, verified: false };
    return { label: n.label, address, raw: text(n.raw), shown: n.shown };
  });
  const hostile = new Set(hostileOn);

  // Most validators named, by rotation through the judgements; one in six left without identity.
  let i = 0;
  let unnamed = '';
  for (const v of validators) {
    if (model.subs[v] || hostile.has(v)) continue;
    i += 1;
    if (v !== h.elected[0] && i % 6 === 3) {
      unnamed ||= v;
      continue;
    }
    const j = v === h.elected[0] ? 'KnownGood' : JUDGEMENTS[i % JUDGEMENTS.length]!;
    set(v, nameOf(rng, i), j);
  }
  for (const a of others) {
    if (hostile.has(a) || model.identities[a]) continue;
    i += 1;
    set(a, nameOf(rng, i), a === proposer ? 'Reasonable' : JUDGEMENTS[i % JUDGEMENTS.length]!);
  }
  const named = (j: (id: SeededIdentity) => boolean) =>
    validators.find((v) => model.identities[v] && !hostile.has(v) && j(model.identities[v]!)) ?? '';
  model.fixtures.verifiedValidator = h.elected[0] ?? named((id) => id.judgements.length > 0);
  model.fixtures.unverifiedValidator = named((id) => id.judgements.some(([, j]) => j === 'FeePaid'));
  model.fixtures.nominator =
    others.find((a) => h.expected.staking.nominators[a] && model.expected[a] && !hostile.has(a)) ?? '';
  model.fixtures.proposer = proposer;
  model.fixtures.unnamedValidator = unnamed;
  return model;
}
