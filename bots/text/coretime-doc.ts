/**
 * `/coretime` worded: the bulk sale's phase and price (now, where it is heading, when), the cores
 * offered, sold and available, the region sold, when the sale ends, the due renewals soonest
 * first, and the on-demand spot price and queue.
 */
import type { CoretimeReply, RenewalDueRow, SaleView } from '../../core/reply/parachain-replies.js';
import { plural } from './common.js';
import { baseDocument } from './doc-base.js';
import { type DocLine, fact, line, type ReplyDocument, section } from './document.js';
import { atRelay, atTimeslice, PHASE_WORDS, paraText } from './parachain-words.js';
import { KSM } from './stake-doc.js';

function saleLines(s: SaleView): DocLine[] {
  const heading =
    s.phase === 'leadin'
      ? fact('Heading to', `${KSM(s.endPrice)} at `, ...atRelay(s.leadinEnd))
      : s.phase === 'interlude'
        ? fact(
            'Opens',
            'at ',
            ...atRelay(s.saleStart),
            ` at ${KSM(s.priceNow)}, falling to ${KSM(s.endPrice)}`,
          )
        : fact('Fixed at', KSM(s.endPrice));
  return [
    fact('Phase', PHASE_WORDS[s.phase]),
    fact('Price now', KSM(s.priceNow)),
    heading,
    fact(
      'Cores',
      `${s.coresAvailable} available: ${s.coresSold} sold of ${s.coresOffered} offered (ideal ${s.idealCoresSold})`,
    ),
    ...(s.selloutPrice === null ? [] : [fact('Sellout price', KSM(s.selloutPrice))]),
    fact('Region sold', 'from ', ...atTimeslice(s.regionBegin)),
    fact('Region ends', ...atTimeslice(s.regionEnd)),
    fact('Sale ends', ...atRelay(s.saleEnd), ': the last moment to buy or renew'),
  ];
}

function renewalLine(r: RenewalDueRow): DocLine {
  const paras = r.paras.length === 0 ? 'no para' : r.paras.map(paraText).join(', ');
  return line(`Core ${r.core} · ${paras} · ${KSM(r.price)} · before `, ...atRelay(r.deadline));
}

function renewalLines(reply: CoretimeReply): DocLine[] {
  const out: DocLine[] =
    reply.renewalsDue.length === 0
      ? [line('No renewal is due in this sale.')]
      : reply.renewalsDue.map((r) => renewalLine(r));
  if (reply.renewalsDueOmitted > 0) out.push(line(`… and ${reply.renewalsDueOmitted} more`));
  out.push(
    line(
      `${plural(reply.renewedCount, 'core')} already renewed for the next region; ${reply.lapsedCount} lapsed.`,
    ),
  );
  return out;
}

function onDemandLines(reply: CoretimeReply): DocLine[] {
  const o = reply.onDemand;
  if (!o) return [line('Not read.')];
  return [
    fact('Spot price', `${KSM(o.spotPrice)} per block (base fee ${KSM(o.baseFee)})`),
    fact('Queue', `${o.queued} of ${o.maxQueueSize} orders`),
  ];
}

export function coretimeDocument(reply: CoretimeReply): ReplyDocument {
  const doc = baseDocument(reply, ['Kusama coretime'], 'status');
  doc.sections = [
    section('Bulk sale', reply.sale ? saleLines(reply.sale) : [line('No sale read.')]),
    section('Renewals due', renewalLines(reply)),
    section('On demand', onDemandLines(reply)),
  ];
  doc.notes = [
    line(
      'Bulk coretime is sold on the Coretime chain (para 1005); prices from pallet_broker at the snapshot relay block (6 s a block, 80 a timeslice). /para <id> shows one para.',
    ),
  ];
  return doc;
}
