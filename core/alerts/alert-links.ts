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
