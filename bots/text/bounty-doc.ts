/**
 * `/bounties` and `/bounty <ref>` worded: value and asset, fee, curator, status in words, when the
 * curator's update is due, when the payout can be claimed and with which call, child bounties and
 * the description.
 */
import type {
  BountiesReply,
  BountyReply,
  BountyRow,
  ChildBountyRow,
} from '../../core/reply/treasury-replies.js';
import { plural } from './common.js';
import { baseDocument } from './doc-base.js';
import { address, type DocLine, fact, line, type ReplyDocument, type Span, section } from './document.js';
import { assetAmount, atBlock, BOUNTY_STATUS_WORDS, claimSpans, party } from './treasury-words.js';
import { bounded } from './voting-words.js';

export const BOUNTY_LIMITS = { children: 8, description: 240 } as const;

const FILTER_TITLES: Record<BountiesReply['filter'], string> = {
  live: 'Live bounties',
  proposed: 'Proposed bounties',
  funded: 'Funded bounties without a curator',
  curator: 'Bounties with a proposed curator',
  active: 'Active bounties',
  claimable: 'Awarded bounties',
  all: 'All bounties',
};

/** "#12", or "#m3" for a multi-asset bounty. */
const refText = (ref: string): string => `#${ref}`;

function who(label: string, a: string | null, short: boolean): Span[] {
  return a ? [` · ${label} `, party(a, short)] : [];
}

function bountyRowLines(r: BountyRow): DocLine[] {
  const b = r.bounty;
  const head = `${refText(b.ref)}: ${assetAmount(b.asset, b.value)} · ${BOUNTY_STATUS_WORDS[b.status]}`;
  const out = [line(head, ...who('curator', b.curator, true))];
  if (b.description) out.push(line(`  ${cut(b.description, 80)}`));
  const claim = claimSpans(r.claim);
  if (claim) out.push(line('  ', ...claim));
  else if (r.updateDue) out.push(line('  update due ', ...atBlock(r.updateDue)));
  if (b.childCount > 0) out.push(line(`  ${plural(b.childCount, 'child bounty', 'child bounties')}`));
  return out;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function bountiesDocument(reply: BountiesReply): ReplyDocument {
  const doc = baseDocument(reply, [FILTER_TITLES[reply.filter]], 'governance');
  const body: DocLine[] =
    reply.total === 0 ? [line('No bounties in this state.')] : reply.rows.flatMap(bountyRowLines);
  if (reply.omitted > 0) body.push(line(`… and ${reply.omitted} more.`));
  doc.sections = [section(null, body)];
  const counts = [
    `${plural(reply.bountyCount, 'bounty', 'bounties')} ever created`,
    reply.multiAssetBountyCount === null ? null : `${reply.multiAssetBountyCount} multi-asset (m1, m2…)`,
    `${plural(reply.childBountyCount, 'child bounty', 'child bounties')}`,
  ].filter((x): x is string => x !== null);
  doc.notes = [line(`${counts.join(', ')}. /bounty <id> shows one.`)];
  return doc;
}

function childLine(c: ChildBountyRow): DocLine {
  const b = c.child;
  const fee = b.fee !== null && b.fee > 0n ? `, fee ${assetAmount(b.asset, b.fee)}` : '';
  const claim = claimSpans(c.claim);
  return line(
    `#${b.id}: ${assetAmount(b.asset, b.value)}${fee} · ${BOUNTY_STATUS_WORDS[b.status]}`,
    ...who('curator', b.curator, true),
    ...who('to', b.beneficiary, true),
    ...(claim ? [' · ', ...claim] : []),
  );
}

function absentDocument(reply: BountyReply): ReplyDocument {
  const doc = baseDocument(reply, [`Bounty ${refText(reply.ref)}`], 'governance');
  const multi = reply.ref.startsWith('m');
  const why =
    multi && !reply.multiAssetPallet
      ? 'This runtime has no multi-asset bounties pallet, so there is no such bounty.'
      : reply.absent === 'removed'
        ? `Bounty ${refText(reply.ref)} is no longer stored: it was paid out, closed or rejected.`
        : `There is no bounty ${refText(reply.ref)}: it was never created.`;
  doc.sections = [section(null, [line(why)])];
  doc.notes = [line('/bounties lists the live ones.')];
  return doc;
}

export function bountyDocument(reply: BountyReply): ReplyDocument {
  const b = reply.bounty;
  if (!b) return absentDocument(reply);
  const kind = b.pallet === 'multiAssetBounties' ? 'Multi-asset bounty' : 'Bounty';
  const doc = baseDocument(reply, [`${kind} ${refText(b.ref)}`], 'governance');
  const facts: DocLine[] = [
    fact('Value', assetAmount(b.asset, b.value)),
    ...(b.fee !== null ? [fact('Curator fee', assetAmount(b.asset, b.fee))] : []),
    fact('Status', BOUNTY_STATUS_WORDS[b.status]),
    fact('Curator', ...(b.curator ? [address(b.curator)] : ['none'])),
  ];
  if (b.beneficiary) facts.push(fact('Beneficiary', party(b.beneficiary, false)));
  if (reply.updateDue) facts.push(fact('Update due', ...atBlock(reply.updateDue)));
  const claim = claimSpans(reply.claim);
  if (claim) facts.push(fact('Payout', ...claim));
  if (b.awaitingFunding) facts.push(fact('Funding', 'funded at the next spend period, if the pot covers it'));
  doc.sections = [section(null, facts)];
  if (reply.children.length > 0 || b.childrenTotal > 0)
    doc.sections.push(
      section(
        `Child bounties (${reply.children.length} live, ${b.childrenTotal} ever added)`,
        reply.children.length === 0
          ? [line('None live.')]
          : bounded(reply.children, BOUNTY_LIMITS.children, childLine, 'child bounties'),
      ),
    );
  if (b.description)
    doc.sections.push(section('Description', [line(cut(b.description, BOUNTY_LIMITS.description))]));
  else if (b.metadataHash)
    doc.sections.push(section('Description', [line(`metadata preimage ${b.metadataHash}`)]));
  doc.notes = [line('Times are relay-chain blocks (6 s each). Anyone can make the claim calls.')];
  return doc;
}
