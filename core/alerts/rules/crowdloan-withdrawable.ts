/**
 * A watched address's crowdloan contribution or deposit waiting on Asset Hub (`AhOps`) became
 * withdrawable: relay time reached its block between the previous version and this one. Once per
 * (address, entry). The alert carries the `ahOps` call that returns it (any signed account may
 * submit it; the funds go to the address).
 */
import { contributionCall, depositCall } from '../../coretime/crowdloan.js';
import type { AhDeposit } from '../../types/parachains.js';
import { blockAt } from '../detect-context.js';
import { addressAlertId } from '../identity.js';
import { crowdloanCommand, paraLabel, refundCallText } from '../parachain-words.js';
import type { AlertRule, Found } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import type { RuleText } from '../spans.js';
import { blockTime, ksm } from '../wording.js';

export interface CrowdloanWithdrawableFacts {
  kind: 'crowdloan-withdrawable';
  address: string;
  /** A contribution, or the lease or crowdloan deposit the address made. */
  entry: 'contribution' | AhDeposit['kind'];
  para: number;
  block: BlockAt;
  /** Planck. */
  amount: string;
  /** The call, as text. */
  call: string;
}

const WHAT: Record<CrowdloanWithdrawableFacts['entry'], string> = {
  contribution: 'crowdloan contribution',
  lease: 'lease deposit',
  crowdloan: 'crowdloan deposit',
};

export const crowdloanWithdrawable: AlertRule<CrowdloanWithdrawableFacts, 'crowdloans'> = {
  kind: 'crowdloan-withdrawable',
  group: 'parachains',
  description: 'a crowdloan contribution or deposit can be withdrawn',
  severity: 'warning',
  source: 'crowdloans',
  detect({ accounts, relayBlock, beforeRelayBlock }, clock) {
    if (beforeRelayBlock === null) return [];
    const became = (block: number) => block > beforeRelayBlock && block <= relayBlock;
    const found: Array<Found<CrowdloanWithdrawableFacts>> = [];
    for (const account of accounts) {
      const address = account.address;
      const add = (
        entry: CrowdloanWithdrawableFacts['entry'],
        c: { block: number; para: number; amount: bigint },
        call: string,
      ) =>
        found.push({
          id: addressAlertId('crowdloan', address, entry, c.block, c.para),
          scope: { type: 'address', address },
          facts: {
            kind: 'crowdloan-withdrawable',
            address,
            entry,
            para: c.para,
            block: blockAt(clock, c.block),
            amount: c.amount.toString(),
            call,
          },
        });
      for (const c of account.contributions)
        if (became(c.block)) add('contribution', c, refundCallText(contributionCall(c)));
      for (const d of account.deposits) if (became(d.block)) add(d.kind, d, refundCallText(depositCall(d)));
    }
    return found;
  },
  message: (f, w) => {
    const lines: RuleText[] = [
      ['Withdrawable since ', ...blockTime(f.block), `. Submit on Asset Hub: ${f.call}`],
      `Any account may submit it; the KSM goes back to ${w.account(f.address)}.`,
    ];
    if (f.entry === 'crowdloan')
      lines.push('It can be unreserved only once every contribution to that crowdloan is withdrawn.');
    return {
      title: `${ksm(f.amount)} ${WHAT[f.entry]} to ${paraLabel(f.para)} can be withdrawn for ${w.account(f.address)}`,
      lines,
      commands: [crowdloanCommand(f.address)],
    };
  },
};
