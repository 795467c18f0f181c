/** `/stake` worded as a document: the bond, where rewards go, what earns, each nomination and chunk. */
import { formatKsmShown } from '../../core/format/balance.js';
import { formatInteger, formatPerbill, formatPercent } from '../../core/format/number.js';
import type { StakeReply, ValidatorReply } from '../../core/reply/reply-types.js';
import type { AccountView } from '../../core/staking/account-view.js';
import type { ApyEstimate } from '../../core/staking/apy.js';
import { describeAccountWarning, describeUnbondRule } from '../../core/staking/describe.js';
import type { PoolView } from '../../core/staking/pool-view.js';
import type { TargetStatus, TargetView } from '../../core/staking/targets.js';
import type { UnlockingSummary, UnlockingView } from '../../core/staking/unbonding.js';
import type { RewardDestination } from '../../core/types/staking.js';
import { plural } from './common.js';
import {
  address,
  code,
  type DocLine,
  type DocSection,
  fact,
  line,
  type Span,
  section,
  time,
} from './document.js';

export const KSM = formatKsmShown;

/** "12.3%", or "n/a" when the figure cannot be estimated. */
export function rate(e: ApyEstimate | null): string {
  return e && e.value !== null ? formatPercent(e.value) : 'n/a';
}

/** The pointer that replaces the formula under every answer. */
export const HOW_COMPUTED: DocLine = line('How this is computed: /help apy');

/** The subject's full address to copy when its name is shown instead, and a prefix conversion. */
export function subjectLines(reply: StakeReply | ValidatorReply, subject: string): DocLine[] {
  const out: DocLine[] = [];
  if (reply.names?.[subject]) out.push(line(code(subject)));
  const a = reply.account;
  if (a.converted) {
    const from = a.inputPrefix === null ? 'a 0x account id' : `SS58 prefix ${a.inputPrefix}`;
    out.push(line(`(converted from ${from} to the Kusama address)`));
  }
  return out;
}

function payee(p: RewardDestination | null): Span[] {
  if (!p) return ['not set'];
  switch (p.kind) {
    case 'Staked':
      return ['the stash, added to the bond (restaked)'];
    case 'Stash':
      return ['the stash, not restaked'];
    case 'Controller':
      return ['the controller account'];
    case 'Account':
      return ['the account ', address(p.account)];
    case 'None':
      return ['no one (destination None)'];
  }
}

const TARGET_STATE: Record<TargetStatus, string> = {
  'active-backing': 'active, backing you',
  'active-not-backing': 'active, not backing you',
  waiting: 'waiting: not elected this era',
  blocked: 'blocks nominations, not elected this era',
  'not-validator': 'not a validator any more',
};

function targetLine(t: TargetView): DocLine {
  const spans: Span[] = [address(t.validator), ` · ${TARGET_STATE[t.status]}`];
  if (t.status === 'active-backing') spans.push(` with ${KSM(t.stake)}`);
  if (!t.nominated) spans.push(' (no longer nominated)');
  const commission = t.activeEraCommission ?? t.commission;
  if (commission !== null && t.status !== 'not-validator')
    spans.push(` · commission ${formatPerbill(commission)}`);
  return line(...spans);
}

function nominationsSection(n: NonNullable<AccountView['nominations']>): DocSection {
  const counts = [
    `${n.backing} backing you`,
    `${n.activeNotBacking} active not backing you`,
    `${n.waiting} waiting`,
    ...(n.blocked > 0 ? [`${n.blocked} blocked`] : []),
    `${n.inactive} not validators`,
  ].join(', ');
  return section(
    `Nominations (${plural(n.targets.filter((t) => t.nominated).length, 'target')}: ${counts})`,
    n.targets.map(targetLine),
  );
}

const HELD: Partial<Record<UnlockingView['status'], string>> = {
  'held-by-offence-queue': ', held until an offence is processed',
  'held-by-unapplied-slash': ', held until the slashes due are applied',
};

function chunkLine(c: UnlockingView): DocLine {
  if (c.status === 'withdrawable') return line(`${KSM(c.value)}: withdrawable now`);
  const spans: Span[] = [`${KSM(c.value)}: era ${formatInteger(c.era)}`];
  if (c.eta) spans.push(', expected ', time(c.eta.atMs));
  spans.push(HELD[c.status] ?? '');
  if (c.offenceQueueMayDelay && !HELD[c.status]) spans.push(', may wait for a queued offence');
  return line(...spans);
}

/** One block per unbonding summary: each chunk with its era and expected time. */
export function unbondingSection(heading: string, u: UnlockingSummary): DocSection | null {
  if (u.chunks.length === 0) return null;
  return section(
    `${heading} (${KSM(u.unbonding)} unbonding, ${KSM(u.withdrawable)} withdrawable now)`,
    u.chunks.map(chunkLine),
  );
}

function earningLine(v: AccountView): DocLine {
  const e = v.earning;
  if (!e.thisEra) return fact('Earning this era', 'no');
  const parts: string[] = [];
  if (e.exposedThisEra > 0n) parts.push(`${KSM(e.exposedThisEra)} of your bond exposed`);
  if (e.viaPool && v.pool) parts.push(`via pool ${v.pool.poolId}`);
  return fact('Earning this era', `yes, ${parts.join('; ')}`);
}

function returnLine(v: AccountView): DocLine {
  const parts: string[] = [];
  if (v.apy.account) {
    const unpaid = v.payee?.kind === 'None' ? ' (earned, not paid: rewards go to no one)' : '';
    parts.push(`your bond ${rate(v.apy.account)}${unpaid}`);
  }
  if (v.apy.pool) parts.push(`your pool ${rate(v.apy.pool)}`);
  parts.push(`network ${rate(v.apy.network)}`);
  return fact('Return (APR, recent eras)', parts.join(', '));
}

/** The account holds a bond of its own (as stash or controller), not only pool stake. */
function ownsBond(v: AccountView): boolean {
  return v.roles.includes('stash') || v.roles.includes('controller');
}

/** Validator payouts still to claim for the account's own stake: its nominations, or as validator. */
function unclaimedLine(v: AccountView): DocLine {
  const u = v.unclaimed;
  if (u.eraCount === 0) return fact('Unclaimed validator payouts', 'none');
  const own = u.rewards.some((r) => r.own);
  const nominated = u.rewards.some((r) => !r.own);
  const about =
    own && nominated
      ? 'for your nominations and as validator, commission included'
      : own
        ? 'as validator, commission included'
        : 'for your nominations';
  // With destination None a payout pays this stash nothing: say so where the amount is.
  const lost = v.payee?.kind === 'None' ? '; not paid while rewards go to no one' : '';
  return fact(
    'Unclaimed validator payouts',
    `${KSM(u.total)} over ${plural(u.eraCount, 'era')} (${about}${lost})`,
  );
}

function commissionLine(v: AccountView): DocLine | null {
  const c = v.commissionIncome;
  if (!c || c.erasUsed === 0) return null;
  return fact('Commission income', `${KSM(c.total)} over the last ${plural(c.erasUsed, 'era')}`);
}

function validatorSection(x: NonNullable<AccountView['validator']>): DocSection {
  const elected = x.elected
    ? `elected this era, ${formatInteger(x.pointsThisEra)} points so far`
    : 'not elected this era';
  return section('Validator', [
    line(`commission ${formatPerbill(x.commission)}${x.blocked ? ', blocks nominations' : ''}; ${elected}`),
  ]);
}

const POOL_ROLES = ['depositor', 'root', 'nominator', 'bouncer'] as const;

/** "X (depositor, root) · Y (bouncer)": who holds the pool's roles, each address once. */
function poolRolesLine(roles: NonNullable<PoolView['poolRoles']>): DocLine | null {
  const held = new Map<string, string[]>();
  for (const role of POOL_ROLES) {
    const who = roles[role];
    if (who) held.set(who, [...(held.get(who) ?? []), role]);
  }
  if (held.size === 0) return null;
  const spans: Span[] = [];
  for (const [who, names] of held) {
    if (spans.length > 0) spans.push(' · ');
    spans.push(address(who), ` (${names.join(', ')})`);
  }
  return fact('Run by', ...spans);
}

function pendingText(p: PoolView): string {
  if (p.pendingRewards === null)
    return 'not known: the chain could not compute them from the pool records in the snapshot';
  return p.pendingRewards > 0n ? `${KSM(p.pendingRewards)}, claimable now` : 'none';
}

function poolSections(p: PoolView): DocSection[] {
  const commission = p.commission === null ? 'none' : formatPerbill(p.commission);
  const lines: DocLine[] = [
    fact('Name', p.name ?? (p.state === null ? 'unknown' : 'none set')),
    fact('State', `${p.state ?? 'missing from the snapshot'} · commission ${commission}`),
  ];
  if (p.roles.length > 0) lines.push(fact('Your roles in the pool', p.roles.join(', ')));
  const run = p.poolRoles ? poolRolesLine(p.poolRoles) : null;
  if (run) lines.push(run);
  lines.push(fact('Your stake in the pool', KSM(p.value)));
  lines.push(fact('Pending rewards', pendingText(p)));
  lines.push(
    fact(
      'Nominations',
      `${p.activeTargetCount} of ${p.targetCount} active; ${p.earningThisEra ? 'earning this era' : 'not earning this era'}`,
    ),
  );
  const out = [section(`Pool ${p.poolId}`, lines)];
  const chunks = unbondingSection(`Pool ${p.poolId} unbonding`, p.unbonding);
  if (chunks) out.push(chunks);
  return out;
}

export function stakeSections(reply: StakeReply): { body: DocLine[]; sections: DocSection[] } {
  const v = reply.view;
  const own = ownsBond(v);
  const body: DocLine[] = [fact('Roles', v.roles.length > 0 ? v.roles.join(', ') : 'none')];
  if (v.stash && v.stash !== v.address) body.push(fact('Stash', address(v.stash)));
  if (own) body.push(fact('Bonded', `${KSM(v.bond.total)} (active ${KSM(v.bond.active)})`));
  if (v.payee || v.stash) body.push(fact('Rewards go to', ...payee(v.payee)));
  body.push(earningLine(v));
  // Payouts of the account's own exposures: a stash, or a past staker whose exposures remain.
  if (v.stash !== null || v.unclaimed.eraCount > 0) body.push(unclaimedLine(v));
  if (v.apy.account || v.apy.pool || v.known) body.push(returnLine(v));
  const commission = commissionLine(v);
  if (commission) body.push(commission);
  const now = v.bond.unbondNow;
  if (now)
    body.push(
      fact(
        'If you unbond now',
        `withdrawable from era ${formatInteger(now.era)} (${describeUnbondRule(now)}), expected `,
        time(now.eta.atMs),
      ),
    );
  const sections: DocSection[] = [];
  if (v.validator) sections.push(validatorSection(v.validator));
  if (v.nominations) sections.push(nominationsSection(v.nominations));
  const unbonding = unbondingSection('Unbonding', v.bond.unlocking);
  if (unbonding) sections.push(unbonding);
  if (v.pool) sections.push(...poolSections(v.pool));
  return { body, sections };
}

export function stakeWarnings(view: AccountView): DocLine[] {
  return view.warnings.map((w) => line(describeAccountWarning(w)));
}
