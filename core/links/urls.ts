/**
 * Every URL Herald shows, in one place: referenda on Subsquare and Polkassembly, accounts and
 * validators on Subscan's Kusama Asset Hub explorer (staking and governance live there since the
 * Asset Hub migration). Replies and alerts carry these as link buttons; nothing else builds a URL.
 */
import type { Address } from '../types/staking.js';

/** A link button: a short label and an https URL. */
export interface Link {
  label: string;
  url: string;
}

/**
 * A button that runs one of Herald's command lines in the chat it is pressed in, as typing the line
 * would (`/calldata 412`); platforms that cannot run it leave it out.
 */
export interface CommandLink {
  label: string;
  command: string;
}

const SUBSQUARE = 'https://kusama.subsquare.io';
const POLKASSEMBLY = 'https://kusama.polkassembly.io';
const SUBSCAN_ASSET_HUB = 'https://assethub-kusama.subscan.io';

export function subsquareReferendumUrl(id: number): string {
  return `${SUBSQUARE}/referenda/${id}`;
}

export function polkassemblyReferendumUrl(id: number): string {
  return `${POLKASSEMBLY}/referenda/${id}`;
}

export function subscanAccountUrl(address: Address): string {
  return `${SUBSCAN_ASSET_HUB}/account/${address}`;
}

/** The two governance sites that show a referendum's discussion, votes and timeline. */
export function referendumLinks(id: number): Link[] {
  return [
    { label: 'Subsquare', url: subsquareReferendumUrl(id) },
    { label: 'Polkassembly', url: polkassemblyReferendumUrl(id) },
  ];
}

/**
 * Where to vote on an ongoing referendum: its pages on the same two sites, which take a vote from a
 * connected wallet (the URLs are the referendum's own; only the labels say what to do there).
 */
export function voteLinks(id: number): Link[] {
  return referendumLinks(id).map((l) => ({ label: `Vote on ${l.label}`, url: l.url }));
}

/** An account or a validator stash on the explorer. */
export function accountLinks(address: Address): Link[] {
  return [{ label: 'Subscan', url: subscanAccountUrl(address) }];
}
