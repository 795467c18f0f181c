/**
 * `/treasury` worded: holdings with their KSM value, the next spend period (when, what it funds
 * from the pot, what it burns), the open spends per asset and phase, and those expiring soon.
 * Every list is cut so a Discord field stays within 1,024 characters.
 */
import { formatBlocks } from '../../core/opengov/duration.js';
import type { FundingItem, SpendRow, TreasuryReply } from '../../core/reply/treasury-replies.js';
import { plural } from './common.js';
import { baseDocument } from './doc-base.js';
import { address, type DocLine, fact, line, type ReplyDocument, section } from './document.js';
import { KSM } from './stake-doc.js';
import { amountWithValue, assetAmount, assetName, atBlock, PHASE_WORDS, party } from './treasury-words.js';
import { bounded } from './voting-words.js';

export const TREASURY_LIMITS = { holdings: 6, funding: 4, assets: 5 } as const;

/** "1%", "0.5%": a Permill as a percentage. */
export function permillText(permill: number): string {
  return `${Number((permill / 10_000).toFixed(4))}%`;
}

function fundingLine(f: FundingItem): DocLine {
  const what = f.kind === 'proposal' ? `Proposal #${f.id}` : `Bounty #${f.id}`;
  const spans = [`  ${what}: ${KSM(f.value)}`];
  const tail = f.funded ? '' : ' (not covered by the pot: waits for a later period)';
  return f.beneficiary ? line(...spans, ' to ', address(f.beneficiary, true), tail) : line(...spans, tail);
}

function periodLines(reply: TreasuryReply): DocLine[] {
  const p = reply.period;
  const out: DocLine[] = [
    p.overdue
      ? fact('Next', 'due since ', ...atBlock(p.next), ': the next Asset Hub block runs it')
      : fact('Next', ...atBlock(p.next)),
    fact('Every', formatBlocks(p.spendPeriod)),
    fact('Pot', `${KSM(p.pot)} (free KSM less the ${KSM(p.existentialDeposit)} existential deposit)`),
  ];
  if (p.funding.length === 0) out.push(fact('Funds', 'nothing is waiting for it'));
  else {
    out.push(
      fact(
        'Funds',
        `${KSM(p.fundedTotal)} of ${KSM(p.requestedTotal)} waiting (${plural(p.funding.length, 'item')}), in the order the pallet pays them:`,
      ),
    );
    out.push(...bounded(p.funding, TREASURY_LIMITS.funding, fundingLine, 'items'));
  }
  const atPeriod =
    p.burnAtPeriod > 0n || p.funding.every((f) => f.funded)
      ? `${KSM(p.burnAtPeriod)} of what is left after funding`
      : 'nothing, as something waiting is not covered';
  out.push(
    fact(
      'Burn',
      `${permillText(p.burnPermill)}: ${KSM(p.burnOfPotNow)} of the pot now; at the period ${atPeriod}`,
    ),
  );
  return out;
}

function holdingLines(reply: TreasuryReply): DocLine[] {
  const out = bounded(
    reply.holdings,
    TREASURY_LIMITS.holdings,
    (h) =>
      fact(
        assetName(h.asset),
        h.asset.key !== 'native' && h.nativeValue === null
          ? `${assetAmount(h.asset, h.balance)} (no rate to KSM)`
          : amountWithValue(h.asset, h.balance, h.nativeValue),
      ),
    'assets',
  );
  const unpriced = reply.unpriced.length > 0 ? ` (without ${reply.unpriced.map(assetName).join(', ')})` : '';
  out.push(fact('Total', `≈ ${KSM(reply.totalNative)}${unpriced}`));
  return out;
}

function pendingLines(reply: TreasuryReply): DocLine[] {
  if (reply.pending.length === 0) return [line('No open spends.')];
  return bounded(
    reply.pending,
    TREASURY_LIMITS.assets,
    (s) =>
      fact(
        assetName(s.asset),
        `${plural(s.count, 'spend')}, ${amountWithValue(s.asset, s.amount, s.nativeValue)}: ${s.byPhase
          .map((p) => `${p.count} ${PHASE_WORDS[p.phase]} (${assetAmount(s.asset, p.amount)})`)
          .join(', ')}`,
      ),
    'assets',
  );
}

export function expiringLine(r: SpendRow): DocLine {
  return line(
    `#${r.index}: ${assetAmount(r.asset, r.amount)} to `,
    party(r.beneficiary, true),
    ` · expires in ${formatBlocks(r.blocksToExpiry)} (`,
    ...atBlock(r.expireAt),
    `) · ${PHASE_WORDS[r.phase]}`,
  );
}

function expiringLines(reply: TreasuryReply): DocLine[] {
  if (reply.expiringSoon.length === 0) return [line('None.')];
  const out = reply.expiringSoon.map(expiringLine);
  if (reply.expiringOmitted > 0) out.push(line(`… and ${reply.expiringOmitted} more: /spends expiring`));
  return out;
}

export function treasuryDocument(reply: TreasuryReply): ReplyDocument {
  const doc = baseDocument(reply, ['Kusama treasury'], 'governance');
  doc.subtitle = [
    line('Account ', address(reply.account)),
    line(`${plural(reply.spendCount, 'spend')} ever approved`),
  ];
  doc.sections = [
    section('Holdings', holdingLines(reply)),
    section('Next spend period', periodLines(reply)),
    section('Open spends', pendingLines(reply)),
    section(`Expiring within ${formatBlocks(reply.expiringWithinBlocks)}`, expiringLines(reply)),
  ];
  doc.notes = [
    line(
      'Spend times are relay-chain blocks (6 s each) from the snapshot; KSM values use the asset rates on chain. /spends lists spends, /spend <index> shows one.',
    ),
  ];
  return doc;
}
