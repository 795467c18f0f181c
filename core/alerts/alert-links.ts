/**
 * The link buttons alerts carry, from the URL patterns of core/links: a referendum on Subsquare and
 * Polkassembly, an account or a validator on Subscan. The labels name what they open, so the
 * buttons of several alerts sent in one message stay told apart.
 */
import { accountLinks, type CommandLink, type Link, referendumLinks, voteLinks } from '../links/urls.js';
import { shortAddress } from './wording.js';

export function referendumButtons(id: number): Link[] {
  return referendumLinks(id).map((l) => ({ label: `${l.label} #${id}`, url: l.url }));
}

/** "Vote on Subsquare #412", "Vote on Polkassembly #412": for alerts about a referendum one can still vote on. */
export function voteButtons(id: number): Link[] {
  return voteLinks(id).map((l) => ({ label: `${l.label} #${id}`, url: l.url }));
}

/** "Call data to vote #412": runs `/calldata 412`, the vote calls to paste into a wallet. */
export function callDataButton(id: number): CommandLink {
  return { label: `Call data to vote #${id}`, command: `/calldata ${id}` };
}

/** "Subscan: HNZata…Upf74F", or "Validator FFdDXF…FxKrn on Subscan" with a role. */
export function accountButtons(address: string, role?: string): Link[] {
  return accountLinks(address).map((l) => ({
    label: role ? `${role} ${shortAddress(address)} on ${l.label}` : `${l.label}: ${shortAddress(address)}`,
    url: l.url,
  }));
}

const SUBSQUARE_TREASURY = 'https://kusama.subsquare.io/treasury';

/** "Spend #42 on Subsquare": the treasury spend's page. */
export function spendButtons(index: number): Link[] {
  return [{ label: `Spend #${index} on Subsquare`, url: `${SUBSQUARE_TREASURY}/spends/${index}` }];
}

/**
 * "Bounty #12 on Subsquare", "Child bounty 12/4 on Subsquare": the legacy bounty's page (Subsquare
 * has no page for a multi-asset bounty yet, so those carry none).
 */
export function bountyButtons(ref: string): Link[] {
  const [parent, child] = ref.split('/');
  if (!/^[0-9]+$/.test(parent ?? '')) return [];
  if (child === undefined)
    return [{ label: `Bounty #${parent} on Subsquare`, url: `${SUBSQUARE_TREASURY}/bounties/${parent}` }];
  return [
    {
      label: `Child bounty ${ref} on Subsquare`,
      url: `${SUBSQUARE_TREASURY}/child-bounties/${parent}_${child}`,
    },
  ];
}
