/**
 * The words the /votes and /delegate answers share: a vote, a conviction, a referendum with its
 * title, a track, and lists cut to what one message holds with "and N more".
 */
import { formatInteger } from '../../core/format/number.js';
import type { AccountNames } from '../../core/identity/identity-types.js';
import { formatBlocks } from '../../core/opengov/duration.js';
import type { ReferendumTitle, TrackLabel } from '../../core/reply/reply-types.js';
import type { DelegateReply, VotesReply } from '../../core/reply/voting-replies.js';
import type { AccountVote, Conviction } from '../../core/types/voting.js';
import type { OngoingVoteRow } from '../../core/voting/view-rows.js';
import { code, type DocLine, line } from './document.js';
import { callSummary } from './referendum-doc.js';
import { KSM } from './stake-doc.js';

/** Longest title shown beside a referendum number in a list. */
const TITLE_CHARS = 60;

/** Post-conviction votes, as KSM-weighted figures without the symbol. */
export function votesText(votes: bigint): string {
  return KSM(votes).replace(/ KSM$/, '');
}

export function convictionText(c: Conviction): string {
  return c === 0 ? 'no conviction (0.1x)' : `${c}x conviction`;
}

/** "Aye, 3x conviction, 12 KSM (36 votes)", "split: 5 KSM aye, 3 KSM nay", … */
export function voteText(vote: AccountVote, votes: bigint | null): string {
  switch (vote.type) {
    case 'standard': {
      const weight = votes === null ? '' : ` (${votesText(votes)} votes)`;
      return `${vote.aye ? 'Aye' : 'Nay'}, ${convictionText(vote.conviction)}, ${KSM(vote.balance)}${weight}`;
    }
    case 'split':
      return `split: ${KSM(vote.aye)} aye, ${KSM(vote.nay)} nay (0.1x each)`;
    case 'splitAbstain':
      return `abstain: ${KSM(vote.abstain)} abstain, ${KSM(vote.aye)} aye, ${KSM(vote.nay)} nay (0.1x each)`;
  }
}

export function trackText(t: TrackLabel): string {
  return `${t.displayName} (track ${t.id})`;
}

/** "#123 Fund the thing…": the number and its title (a call-worded one with names), cut short. */
export function referendumText(
  id: number,
  title: ReferendumTitle | undefined,
  names: AccountNames | undefined,
): string {
  if (!title) return `#${id}`;
  const text = title.source === 'call' ? callSummary(title.text, names) : title.text;
  const cut = text.length > TITLE_CHARS ? `${text.slice(0, TITLE_CHARS - 1).trimEnd()}…` : text;
  return `#${id} ${cut}`;
}

/** "locked while #12 runs, then 28 days if aye wins". */
export function ongoingLockText(
  row: Pick<OngoingVoteRow, 'referendum' | 'vote' | 'lockAfterBlocks'>,
): string {
  const running = `locked while #${row.referendum} runs`;
  if (row.vote.type !== 'standard' || row.lockAfterBlocks === 0) return `${running}, free once it ends`;
  return `${running}, then ${formatBlocks(row.lockAfterBlocks)} if ${row.vote.aye ? 'aye' : 'nay'} wins`;
}

/** The first `max` lines, and "… and N more" for the rest. */
export function bounded<T>(
  items: readonly T[],
  max: number,
  lineOf: (item: T) => DocLine,
  what: string,
): DocLine[] {
  const out = items.slice(0, max).map(lineOf);
  const rest = items.length - max;
  if (rest > 0) out.push(line(`… and ${formatInteger(rest)} more ${what}`));
  return out;
}

/** The subject's full address to copy when its name is shown, and a prefix conversion. */
export function accountSubject(reply: VotesReply | DelegateReply): DocLine[] {
  const out: DocLine[] = [];
  const a = reply.account;
  if (reply.names?.[a.address]) out.push(line(code(a.address)));
  if (a.converted) {
    const from = a.inputPrefix === null ? 'a 0x account id' : `SS58 prefix ${a.inputPrefix}`;
    out.push(line(`(converted from ${from} to the Kusama address)`));
  }
  return out;
}
