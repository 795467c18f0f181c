/**
 * `/para <id|name>` worded: lifecycle, manager, deposit and lock, its cores now and until when,
 * its renewals (by when and at what price), auto-renew, and its latest head with how long ago it
 * advanced; or why no para matched.
 */
import { formatInteger } from '../../core/format/number.js';
import { formatBlocks } from '../../core/opengov/duration.js';
import type { ParaDetails, ParaRenewalView, ParaReply } from '../../core/reply/parachain-replies.js';
import { baseDocument } from './doc-base.js';
import { address, type DocLine, fact, line, type ReplyDocument, type Span, section } from './document.js';
import { atRelay, atTimeslice, lifecycleText, paraText, RENEWAL_WORDS } from './parachain-words.js';
import { KSM } from './stake-doc.js';

function shortHash(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash;
}

function registrationLines(d: ParaDetails): DocLine[] {
  return [
    fact('Lifecycle', lifecycleText(d.lifecycle)),
    d.manager ? fact('Manager', address(d.manager)) : fact('Manager', 'none recorded'),
    fact('Deposit', d.deposit === null ? 'none recorded' : KSM(d.deposit)),
    fact('Locked', d.locked === null ? 'not set' : d.locked ? 'yes (its manager cannot change it)' : 'no'),
  ];
}

function coreLines(d: ParaDetails): DocLine[] {
  const out: DocLine[] = d.relayCores.map((c) => {
    const share = c.parts >= 57_600 ? 'the whole core' : `${((c.parts / 57_600) * 100).toFixed(1)}% of it`;
    const ends: Span[] = c.endsAt ? [' until ', ...atRelay(c.endsAt)] : [];
    return line(`Relay core ${c.core}: ${share}`, ...ends);
  });
  if (out.length === 0) out.push(line('No relay core runs it now.'));
  const held = d.coretime;
  if (!held) return [...out, line('Coretime chain not read.')];
  for (const c of held.now)
    out.push(line(`Bulk core ${c.core} this region: ${c.bits === 80 ? 'whole core' : `${c.bits}/80 of it`}`));
  for (const p of held.planned)
    out.push(line(`Planned on core ${p.core} from timeslice ${formatInteger(p.from)}`));
  if (held.reserved) out.push(fact('Reserved', 'a system reservation, renewed every region without a sale'));
  if (d.lease) out.push(fact('Lease', 'until ', ...atTimeslice(d.lease)));
  if (d.heldUntil) out.push(fact('Holds coretime until', ...atTimeslice(d.heldUntil)));
  return out;
}

function renewalLine(r: ParaRenewalView): DocLine {
  const head = `Core ${r.core}, ${RENEWAL_WORDS[r.state]}`;
  if (r.state === 'due' && r.deadline)
    return line(`${head} for ${KSM(r.price)} before `, ...atRelay(r.deadline));
  if (r.state === 'renewed' || r.state === 'later')
    return line(`${head}: next renewal ${KSM(r.price)} for the sale of `, ...atTimeslice(r.when));
  return line(head);
}

function renewalLines(d: ParaDetails): DocLine[] {
  const out = d.renewals.map((r) => renewalLine(r));
  if (out.length === 0)
    out.push(
      line(d.coretime?.reserved ? 'Nothing to renew: its core is reserved.' : 'No renewal on record.'),
    );
  out.push(
    d.autoRenew ? fact('Auto-renew', 'on, next at ', ...atTimeslice(d.autoRenew)) : fact('Auto-renew', 'off'),
  );
  return out;
}

function headLines(d: ParaDetails): DocLine[] {
  if (!d.head) return [line('No head stored.')];
  const number = d.head.number === null ? 'number unknown' : `block #${formatInteger(d.head.number)}`;
  const out = [fact('Latest head', `${number}, hash ${shortHash(d.head.hash)}`)];
  if (d.headRelayBlock && d.headAgeBlocks !== null)
    out.push(
      fact(
        'Advanced',
        `${d.headAgeBlocks === 0 ? 'in the snapshot block' : `${formatBlocks(d.headAgeBlocks)} ago`} (`,
        ...atRelay(d.headRelayBlock),
        ')',
      ),
    );
  return out;
}

function missDocument(reply: ParaReply): ReplyDocument {
  const doc = baseDocument(reply, [`Para ${reply.query}`], 'status');
  const r = reply.result;
  const text =
    r.type === 'unknown-id'
      ? `No para ${r.id} is registered on Kusama, nor holds coretime.`
      : r.type === 'unknown-name'
        ? `No Kusama para is named "${r.text}" in Herald's table of names.`
        : r.type === 'ambiguous'
          ? `"${r.text}" matches ${r.candidates.length} paras: ${r.candidates.map(paraText).join(', ')}. Give the id or more of the name.`
          : '';
  doc.sections = [section(null, [line(text)])];
  doc.notes = [line('/parachains lists the live paras; /para takes an id (e.g. /para 2000) or a name.')];
  return doc;
}

export function paraDocument(reply: ParaReply): ReplyDocument {
  if (reply.result.type !== 'found') return missDocument(reply);
  const d = reply.result.details;
  const doc = baseDocument(reply, [paraText(d.para)], 'status');
  doc.sections = [
    section(null, registrationLines(d)),
    section('Cores', coreLines(d)),
    section('Renewal', renewalLines(d)),
    section('Head', headLines(d)),
  ];
  if (d.renewals.some((r) => r.state === 'due') && !d.autoRenew)
    doc.warnings = [line('Its coretime ends with this region unless it is renewed before the deadline.')];
  else if (d.renewals.some((r) => r.state === 'partial'))
    doc.warnings = [
      line(
        'Its core is split with other work, so it cannot be renewed as it is: its coretime ends with this region.',
      ),
    ];
  doc.notes = [
    line(
      'Relay blocks are 6 s; a timeslice is 80 relay blocks. Renew with broker.renew(core) on the Coretime chain.',
    ),
  ];
  return doc;
}
