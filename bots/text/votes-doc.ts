/**
 * `/votes <address>` worded as a document: the locked total and what can be unlocked now, how it
 * votes on the ongoing referenda, what it delegates and what is delegated to it, each track's lock,
 * its ended votes, and the calls that unlock, in order. Every list is cut to fit one message.
 */
import { formatInteger } from '../../core/format/number.js';
import { formatBlocks } from '../../core/opengov/duration.js';
import type { VotesReply } from '../../core/reply/reply-types.js';
import type { UnlockCall } from '../../core/voting/locks.js';
import type { DelegatingRow } from '../../core/voting/view-rows.js';
import type { EndedVoteRow, TrackLockRow, VotesView } from '../../core/voting/votes-view.js';
import { plural } from './common.js';
import { baseDocument } from './doc-base.js';
import {
  address,
  code,
  type DocLine,
  type DocSection,
  fact,
  line,
  type ReplyDocument,
  type Span,
  section,
  time,
} from './document.js';
import { KSM } from './stake-doc.js';
import {
  accountSubject,
  bounded,
  convictionText,
  ongoingLockText,
  referendumText,
  trackText,
  votesText,
  voteText,
} from './voting-words.js';

/** Rows shown per list: together they keep a Discord embed within its 6,000 characters. */
export const VOTES_LIMITS = {
  ongoing: 8,
  delegating: 4,
  delegated: 6,
  locks: 8,
  ended: 6,
  calls: 8,
} as const;

const FREE_WHY: Record<Extract<EndedVoteRow['lock'], { state: 'free' }>['reason'], string> = {
  'period-over': 'its lock period is over',
  'losing-side': 'it was on the losing side',
  'no-conviction': 'it had no conviction',
  split: 'split votes lock nothing once ended',
  'no-poll': 'the referendum was cancelled, timed out or killed',
};

function at(block: number, atMs: number): Span[] {
  return [`relay block #${formatInteger(block)}, `, time(atMs)];
}

function ongoingLine(reply: VotesReply, r: VotesView['ongoing'][number]): DocLine {
  return line(
    `${referendumText(r.referendum, r.title, reply.names)} (${r.track.displayName}): ${voteText(r.vote, r.votes)} · ${ongoingLockText(r)}`,
  );
}

/** Delegations to the same account with the same conviction and balance share a line. */
function delegatingLines(rows: readonly DelegatingRow[]): DocLine[] {
  const groups = new Map<string, DelegatingRow[]>();
  for (const r of rows) {
    const key = `${r.target}/${r.conviction}/${r.balance}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return bounded(
    [...groups.values()],
    VOTES_LIMITS.delegating,
    (g) => {
      const r = g[0]!;
      const tracks = g.length === 1 ? trackText(r.track) : g.map((x) => x.track.displayName).join(', ');
      const after =
        r.lockAfterBlocks > 0
          ? `then ${formatBlocks(r.lockAfterBlocks)} after undelegating`
          : 'free once undelegated';
      return line(
        `${tracks}: to `,
        address(r.target, true),
        `, ${convictionText(r.conviction)}, ${KSM(r.balance)} (${votesText(r.votes)} votes) · locked while delegating, ${after}`,
      );
    },
    'delegations',
  );
}

function lockLine(l: TrackLockRow): DocLine {
  const spans: Span[] = [`${trackText(l.track)}: ${KSM(l.lockedNow)} locked`];
  if (l.ongoing.count > 0)
    spans.push(` · ${l.ongoing.count} on ongoing referenda (largest ${KSM(l.ongoing.largest)})`);
  if (l.lockedVotes.count > 0)
    spans.push(` · ${l.lockedVotes.count} ended, still locked (largest ${KSM(l.lockedVotes.largest)})`);
  if (l.freeVotes > 0) spans.push(` · ${l.freeVotes} ended, free to remove`);
  if (l.delegation) spans.push(` · delegation ${KSM(l.delegation.balance)}`);
  if (l.prior?.expired) spans.push(` · prior lock ${KSM(l.prior.amount)} expired`);
  else if (l.prior)
    spans.push(` · prior lock ${KSM(l.prior.amount)} until `, ...at(l.prior.until.block, l.prior.until.atMs));
  if (l.lockedVotes.count > 0 && l.nextExpiry && l.nextExpiry.block !== l.prior?.until.block)
    spans.push(' · next ends ', ...at(l.nextExpiry.block, l.nextExpiry.atMs));
  if (l.freesNow > 0) spans.push(` · unlock frees ${KSM(l.freesNow)} of it`);
  return line(...spans);
}

function endedLine(reply: VotesReply, r: EndedVoteRow): DocLine {
  const head = `${referendumText(r.referendum, r.title, reply.names)} (${r.track.displayName}): ${voteText(r.vote, null)} · `;
  if (r.lock.state === 'locked')
    return line(head, 'locked until ', ...at(r.lock.until.block, r.lock.until.atMs));
  return line(`${head}free to remove (${FREE_WHY[r.lock.reason]})`);
}

function callLine(c: UnlockCall): DocLine {
  return line(
    code(
      c.call === 'removeVote'
        ? `convictionVoting.removeVote(${c.track}, ${c.referendum})`
        : `convictionVoting.unlock(${c.track}, ${c.target})`,
    ),
  );
}

function summaryLines(v: VotesView): DocLine[] {
  const out: DocLine[] = [];
  if (v.empty) out.push(line('No conviction votes, delegations or locks.'));
  else {
    out.push(fact('Locked by conviction voting', KSM(v.lockedNow)));
    if (v.unlockable > 0n)
      out.push(fact('Unlockable now', `${KSM(v.unlockable)}, with the calls below (in order)`));
    else if (v.calls.length > 0)
      out.push(
        fact('Unlockable now', 'nothing yet: a larger track lock holds it; the calls below lower the others'),
      );
    else out.push(fact('Unlockable now', 'nothing'));
    if (v.nextExpiry) out.push(fact('Next lock ends', ...at(v.nextExpiry.block, v.nextExpiry.atMs)));
  }
  const s = v.staking;
  if (s && s.withdrawable > 0n) out.push(fact('Unbonded stake withdrawable now', KSM(s.withdrawable)));
  if (s?.pool && s.pool.withdrawable > 0n)
    out.push(fact(`Pool ${s.pool.poolId} stake withdrawable now`, KSM(s.pool.withdrawable)));
  return out;
}

function callsSection(v: VotesView): DocSection | null {
  const lines = bounded(v.calls, VOTES_LIMITS.calls, callLine, 'calls');
  const s = v.staking;
  if (s && s.withdrawable > 0n) lines.push(line(code('staking.withdrawUnbonded(0)')));
  if (s?.pool && s.pool.withdrawable > 0n)
    lines.push(line(code(`nominationPools.withdrawUnbonded(${v.address}, 0)`)));
  if (lines.length === 0) return null;
  const total =
    v.calls.length + (s && s.withdrawable > 0n ? 1 : 0) + (s?.pool && s.pool.withdrawable > 0n ? 1 : 0);
  return section(`To unlock now, in order (${plural(total, 'call')})`, lines);
}

export function votesDocument(reply: VotesReply): ReplyDocument {
  const v = reply.view;
  const doc = baseDocument(reply, ['Votes and locks of ', address(v.address)], 'governance');
  doc.subtitle = accountSubject(reply);
  const sections: DocSection[] = [section(null, summaryLines(v))];
  const add = (heading: string, lines: DocLine[]) => {
    if (lines.length > 0) sections.push(section(heading, lines));
  };
  add(
    `Votes on ongoing referenda (${v.ongoing.length})`,
    bounded(v.ongoing, VOTES_LIMITS.ongoing, (r) => ongoingLine(reply, r), 'votes'),
  );
  add(`Delegating (${plural(v.delegating.length, 'track')})`, delegatingLines(v.delegating));
  add(
    `Delegated to this account (${plural(v.delegated.length, 'track')})`,
    bounded(
      v.delegated,
      VOTES_LIMITS.delegated,
      (d) =>
        line(
          `${trackText(d.track)}: ${d.count} accounts, ${KSM(d.capital)} capital, ${votesText(d.votes)} votes`,
        ),
      'tracks',
    ),
  );
  const held = v.locks.filter((l) => l.lockedNow > 0n || l.prior !== null || l.delegation !== null);
  add(`Locks by track (${held.length})`, bounded(held, VOTES_LIMITS.locks, lockLine, 'tracks'));
  const ended = [...v.ended].sort(
    (a, b) => Number(b.lock.state === 'locked') - Number(a.lock.state === 'locked'),
  );
  add(
    `Votes on ended referenda (${ended.length})`,
    bounded(ended, VOTES_LIMITS.ended, (r) => endedLine(reply, r), 'votes'),
  );
  const calls = callsSection(v);
  if (calls) sections.push(calls);
  doc.sections = sections;
  const staking = v.staking && (v.staking.withdrawable > 0n || (v.staking.pool?.withdrawable ?? 0n) > 0n);
  if (!v.empty)
    doc.notes = [
      line(
        `Locks are judged at relay block #${formatInteger(v.now.block)}; a relay block is 6 s. removeVote drops a vote that no longer locks; unlock then lowers the track's lock.`,
      ),
    ];
  if (staking)
    doc.notes.push(
      line(
        'The 0 of withdrawUnbonded is its slashing-spans argument, which Asset Hub staking no longer uses.',
      ),
    );
  return doc;
}
