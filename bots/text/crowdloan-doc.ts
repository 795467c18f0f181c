/**
 * `/crowdloan <address>` worded: each contribution and deposit waiting on Asset Hub (para, amount,
 * withdrawable now or from when), the totals, and the call that returns each withdrawable one.
 */
import type { ContributionRow, CrowdloanReply, DepositRow } from '../../core/reply/parachain-replies.js';
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
import { atRelay, callSpan, paraText } from './parachain-words.js';
import { KSM } from './stake-doc.js';

function whenSpans(row: { withdrawable: boolean; block: { block: number; atMs: number } }): Span[] {
  return row.withdrawable ? ['withdrawable now'] : ['from ', ...atRelay(row.block)];
}

function contributionLines(r: ContributionRow): DocLine[] {
  const out = [line(`${paraText(r.para)}: ${KSM(r.amount)} · `, ...whenSpans(r))];
  if (r.withdrawable) out.push(line('  ', callSpan(r.call)));
  return out;
}

function depositLines(r: DepositRow): DocLine[] {
  const what = r.kind === 'lease' ? 'lease deposit' : 'crowdloan deposit';
  const head = `${paraText(r.para)} ${what}: ${KSM(r.amount)} · `;
  if (r.contributionsLeft > 0)
    return [line(head, `waits until its ${plural(r.contributionsLeft, 'contribution')} are withdrawn`)];
  const out = [line(head, ...whenSpans(r))];
  if (r.withdrawable && r.call) out.push(line('  ', callSpan(r.call)));
  return out;
}

export function crowdloanDocument(reply: CrowdloanReply): ReplyDocument {
  const doc = baseDocument(reply, ['Crowdloan refunds of ', address(reply.account.address)], 'staking');
  const a = reply.account;
  // The full address to copy when a name is shown in the title, and a prefix conversion.
  if (reply.names?.[a.address]) doc.subtitle.push(line(code(a.address)));
  if (a.converted) {
    const from = a.inputPrefix === null ? 'a 0x account id' : `SS58 prefix ${a.inputPrefix}`;
    doc.subtitle.push(line(`(converted from ${from} to the Kusama address)`));
  }
  if (reply.totals.count === 0) {
    doc.sections = [
      section(null, [
        line('Nothing waiting on Asset Hub for this address: no crowdloan contribution or deposit.'),
      ]),
    ];
    return doc;
  }
  const sections = [
    section(null, [
      fact('Waiting', `${KSM(reply.totals.amount)} in ${plural(reply.totals.count, 'entry', 'entries')}`),
      fact('Withdrawable now', KSM(reply.totals.withdrawableNow)),
    ]),
  ];
  if (reply.contributions.length > 0) {
    const lines = reply.contributions.flatMap((r) => contributionLines(r));
    if (reply.contributionsOmitted > 0) lines.push(line(`… and ${reply.contributionsOmitted} more`));
    sections.push(section('Contributions', lines));
  }
  if (reply.deposits.length > 0) {
    const lines = reply.deposits.flatMap((r) => depositLines(r));
    if (reply.depositsOmitted > 0) lines.push(line(`… and ${reply.depositsOmitted} more`));
    sections.push(section('Deposits', lines));
  }
  doc.sections = sections;
  doc.notes = [
    line(
      'Make the calls on Kusama Asset Hub; anyone may make them and the KSM goes to the contributor. Blocks are relay blocks (6 s).',
    ),
  ];
  return doc;
}
