/** `/calldata` worded as a document: each vote's call data, what it counts and locks, and how to use it. */
import { formatBalance, formatKsmExact } from '../../core/format/balance.js';
import { formatDuration } from '../../core/format/duration.js';
import { formatInteger } from '../../core/format/number.js';
import { RELAY_BLOCK_MS } from '../../core/kusama/constants.js';
import type { CallDataReply } from '../../core/reply/calldata-reply.js';
import type { VoteCallRow } from '../../core/voting/call-data.js';
import { baseDocument } from './doc-base.js';
import { code, type DocLine, type DocSection, fact, line, type ReplyDocument, section } from './document.js';
import { callSummary } from './referendum-doc.js';

const DAY_MS = 86_400_000;

/** "3x conviction", "no conviction (0.1x)". */
export function convictionWords(conviction: number): string {
  return conviction === 0 ? 'no conviction (0.1x)' : `${conviction}x conviction`;
}

/** "Aye with 3x conviction, 12.5 KSM". */
export function voteHeading(row: Pick<VoteCallRow, 'aye' | 'conviction' | 'balance'>): string {
  return `${row.aye ? 'Aye' : 'Nay'} with ${convictionWords(row.conviction)}, ${formatKsmExact(row.balance)}`;
}

function lockSpan(ms: number): string {
  return ms % DAY_MS === 0 ? `${ms / DAY_MS} days` : formatDuration(ms);
}

/** "37.5 votes, locked 4 periods = 28 days after it ends if aye wins". */
export function voteEffect(row: VoteCallRow): string {
  const amount = formatBalance(row.votes, { symbol: '' });
  const votes = `${amount} vote${amount === '1' ? '' : 's'}`;
  const side = row.aye ? 'aye' : 'nay';
  if (row.lockPeriods === 0)
    return `${votes}, locked only while the referendum runs (no lock after it ends, whichever side wins)`;
  const periods = `${row.lockPeriods} period${row.lockPeriods === 1 ? '' : 's'}`;
  return `${votes}, locked while it runs and ${periods} = ${lockSpan(row.lockMs)} after it ends if ${side} wins`;
}

function callSection(row: VoteCallRow): DocSection {
  return section(voteHeading(row), [line(code(row.callData)), line(voteEffect(row))]);
}

function headline(reply: CallDataReply): string {
  const track = reply.track ? ` · ${reply.track.displayName} (track ${reply.track.id})` : '';
  const title = reply.title
    ? ` — ${reply.title.source === 'call' ? callSummary(reply.title.text, reply.names) : reply.title.text}`
    : '';
  return `Vote on referendum #${reply.referendum}${track}${title}`;
}

export function callDataDocument(reply: CallDataReply): ReplyDocument {
  const doc = baseDocument(reply, [headline(reply)], 'governance');
  const spec = formatInteger(reply.specVersion);
  const body: DocLine[] = [
    line(
      'Call data for convictionVoting.vote on Kusama Asset Hub. Herald never holds keys: you sign it in your own wallet.',
    ),
  ];
  if (reply.example)
    body.push(
      line('Aye and nay at 1x conviction for 1 KSM. For another amount or conviction:'),
      line(
        code(`/calldata ${reply.referendum} aye|nay <KSM> [0.1x|1x…6x]`),
        ', e.g. ',
        code(`/calldata ${reply.referendum} aye 12.5 3x`),
      ),
    );
  doc.sections = [section(null, body), ...reply.calls.map(callSection)];
  doc.notes = [
    fact(
      'Encoded for',
      `runtime spec ${spec}, so valid while the chain runs spec ${spec}. After a runtime upgrade, ask again.`,
    ),
    fact(
      'How to use',
      'paste it into a wallet that accepts call data, connected to Kusama Asset Hub: Polkadot.js Apps (Developer → Extrinsics → Decode), Nova Wallet or SubWallet. Check what it decodes to, then sign and submit there.',
    ),
    fact(
      'Note',
      `a lock period is ${formatInteger(reply.voteLockingPeriod)} relay blocks (${lockSpan(reply.voteLockingPeriod * RELAY_BLOCK_MS)}). Voting again on the same referendum replaces your vote.`,
    ),
  ];
  return doc;
}
