/**
 * `/spends` and `/spend <index>` worded: each spend's amount (in its asset's decimals, with its KSM
 * value where there is a rate), beneficiary, claim window as relay blocks and times, status and
 * phase, the approving referendum, and the call to make.
 */
import { formatBlocks } from '../../core/opengov/duration.js';
import type { SpendReply, SpendRow, SpendsReply } from '../../core/reply/treasury-replies.js';
import { plural } from './common.js';
import { baseDocument } from './doc-base.js';
import {
  address,
  code,
  type DocLine,
  fact,
  line,
  type ReplyDocument,
  type Span,
  section,
} from './document.js';
import { amountWithValue, atBlock, PHASE_WORDS, party, todoSpans } from './treasury-words.js';

const FILTER_TITLES: Record<SpendsReply['filter'], string> = {
  pending: 'Pending treasury spends',
  claimable: 'Claimable treasury spends',
  expiring: 'Treasury spends expiring soon',
  failed: 'Failed treasury spends',
};

function windowSpans(r: SpendRow): Span[] {
  if (r.phase === 'upcoming') return ['claimable from ', ...atBlock(r.validFrom)];
  if (r.phase === 'expired') return ['expired at ', ...atBlock(r.expireAt)];
  return [`expires in ${formatBlocks(r.blocksToExpiry)}, `, ...atBlock(r.expireAt)];
}

function rowLines(r: SpendRow): DocLine[] {
  return [
    line(`#${r.index}: ${amountWithValue(r.asset, r.amount, r.nativeValue)} to `, party(r.beneficiary, true)),
    line(`  ${PHASE_WORDS[r.phase]} · `, ...windowSpans(r)),
    line('  ', ...todoSpans(r.todo, r.phase)),
  ];
}

export function spendsDocument(reply: SpendsReply): ReplyDocument {
  const doc = baseDocument(reply, [FILTER_TITLES[reply.filter]], 'governance');
  if (reply.beneficiary) doc.subtitle = [line('To ', address(reply.beneficiary.address))];
  if (reply.beneficiary?.converted)
    doc.subtitle.push(line(`(${reply.beneficiary.input} shown in its Kusama form)`));
  const body: DocLine[] =
    reply.total === 0
      ? [line(reply.beneficiary ? 'No such spends to this beneficiary.' : 'No such spends.')]
      : [line(`${plural(reply.total, 'spend')}, soonest expiry first:`), ...reply.rows.flatMap(rowLines)];
  if (reply.omitted > 0) body.push(line(`… and ${reply.omitted} more.`));
  doc.sections = [section(null, body)];
  doc.notes = [
    line(
      reply.filter === 'expiring'
        ? `Expiring: not yet claimed and expiring within ${formatBlocks(reply.expiringWithinBlocks)}. /spend <index> shows one spend.`
        : '/spend <index> shows one spend; /spends claimable, expiring or failed narrow the list.',
    ),
  ];
  return doc;
}

function approvedLine(reply: SpendReply, r: SpendRow): DocLine {
  if (r.approvedBy === null) return fact('Approved by', 'not known');
  const title = reply.approvedByTitle ? `: ${reply.approvedByTitle.text}` : '';
  return fact('Approved by', `referendum ${r.approvedBy}${title}`);
}

function absentDocument(reply: SpendReply): ReplyDocument {
  const doc = baseDocument(reply, [`Treasury spend #${reply.index}`], 'governance');
  const why =
    reply.absent === 'removed'
      ? `Spend #${reply.index} is no longer stored: it was paid, voided, or expired and was cleared.`
      : `There is no spend #${reply.index}: the treasury has approved ${plural(reply.spendCount, 'spend')} (numbers 0 to ${Math.max(0, reply.spendCount - 1)}).`;
  doc.sections = [section(null, [line(why)])];
  doc.notes = [line('/spends lists the spends still stored.')];
  return doc;
}

export function spendDocument(reply: SpendReply): ReplyDocument {
  const r = reply.spend;
  if (!r) return absentDocument(reply);
  const doc = baseDocument(reply, [`Treasury spend #${r.index}`], 'governance');
  const status =
    r.status === 'Attempted' && r.paymentId !== null ? `Attempted (payment ${r.paymentId})` : r.status;
  doc.sections = [
    section(null, [
      fact('Amount', amountWithValue(r.asset, r.amount, r.nativeValue)),
      fact('Beneficiary', party(r.beneficiary, false)),
      fact('Valid from', ...atBlock(r.validFrom)),
      fact('Expires', ...atBlock(r.expireAt)),
      fact('Status', `${status} · ${PHASE_WORDS[r.phase]}`),
      approvedLine(reply, r),
    ]),
    section('What to do', [line(...todoSpans(r.todo, r.phase))]),
  ];
  if (r.phase === 'claimable' || r.phase === 'failed')
    doc.warnings = [line(`Unclaimed spends are lost at expiry: ${formatBlocks(r.blocksToExpiry)} left.`)];
  doc.notes = [
    line('Anyone can make these calls; the beneficiary is paid either way. Times are relay blocks (6 s).'),
  ];
  if (r.todo.action !== 'wait') doc.notes.push(line('Call: ', code(r.todo.call)));
  return doc;
}
