/**
 * Every address a reply shows, whose on-chain names the bots attach to it (`reply.names`): a pure
 * function of the reply intent, so the names are loaded in one batched read after the handler.
 * A decoded call shows its addresses (a spend's beneficiary…) inside its text: they are found there.
 */

import type { Subscription } from '../subscriptions/subscription-model.js';
import type { Address } from '../types/staking.js';
import type { ReferendumTitle, Reply } from './reply-types.js';

/** An SS58 address inside a decoded call's text (base58, 46 to 48 characters). */
const SS58_IN_TEXT = /\b[1-9A-HJ-NP-Za-km-z]{46,48}\b/g;

/** The addresses a decoded call's text shows, in order. */
export function addressesInCall(text: string | null | undefined): Address[] {
  return text ? (text.match(SS58_IN_TEXT) ?? []) : [];
}

/** A call-worded title shows the call's addresses; an off-chain title is shown as written. */
function titleAddresses(title: ReferendumTitle | undefined): Address[] {
  return title?.source === 'call' ? addressesInCall(title.text) : [];
}

function subscriptionAddresses(subs: readonly Subscription[]): Array<Address | null> {
  return subs.map((s) => (s.spec.kind === 'address' ? s.spec.address : null));
}

function shown(reply: Reply): Array<Address | null | undefined> {
  switch (reply.type) {
    case 'stake': {
      const v = reply.view;
      return [
        v.address,
        v.stash,
        v.controller,
        v.payee?.kind === 'Account' ? v.payee.account : null,
        ...(v.nominations?.targets.map((t) => t.validator) ?? []),
        // Who runs the member's pool, as the answer shows them.
        v.pool?.poolRoles?.depositor,
        v.pool?.poolRoles?.root,
        v.pool?.poolRoles?.nominator,
        v.pool?.poolRoles?.bouncer,
      ];
    }
    case 'validator':
      return [reply.view.address];
    case 'votes':
      return [
        reply.view.address,
        ...reply.view.delegating.map((d) => d.target),
        ...[...reply.view.ongoing, ...reply.view.ended].flatMap((v) => titleAddresses(v.title)),
      ];
    case 'delegate':
      return [
        reply.view.address,
        ...reply.view.delegating.map((d) => d.target),
        ...reply.view.votes.flatMap((v) => titleAddresses(v.title)),
      ];
    case 'calldata':
      return titleAddresses(reply.title);
    case 'referendum':
      return [
        ...titleAddresses(reply.title),
        ...addressesInCall(reply.proposal),
        reply.info.submissionDeposit?.who,
        reply.info.decisionDeposit?.who,
      ];
    case 'referenda':
      return [
        ...reply.rows.flatMap((r) => [...titleAddresses(r.title), ...addressesInCall(r.proposal)]),
        ...reply.ended.flatMap((r) => titleAddresses(r.title)),
      ];
    case 'treasury':
      return [
        reply.account,
        ...reply.period.funding.map((f) => f.beneficiary),
        ...reply.expiringSoon.flatMap((r) => addressesInCall(r.beneficiary)),
      ];
    // A beneficiary that is not a local account is a description: only an SS58 address in it counts.
    case 'spends':
      return reply.rows.flatMap((r) => addressesInCall(r.beneficiary));
    case 'spend':
      return addressesInCall(reply.spend?.beneficiary);
    case 'bounties':
      return reply.rows.flatMap((r) => [r.bounty.curator, ...addressesInCall(r.bounty.beneficiary)]);
    case 'bounty':
      return [
        reply.bounty?.curator,
        ...addressesInCall(reply.bounty?.beneficiary),
        ...reply.children.flatMap((c) => [c.child.curator, ...addressesInCall(c.child.beneficiary)]),
      ];
    case 'para':
      return reply.result.type === 'found' ? [reply.result.details.manager] : [];
    case 'crowdloan':
      return [reply.account.address];
    case 'parachains':
    case 'coretime':
      return [];
    case 'subscribed':
      return subscriptionAddresses([reply.subscription]);
    case 'unsubscribed':
      return subscriptionAddresses(reply.removed);
    case 'subscriptions':
      return subscriptionAddresses(reply.subscriptions);
    case 'alert-settings':
      return reply.subscription ? subscriptionAddresses([reply.subscription.subscription]) : [];
    case 'era':
    case 'tracks':
    case 'missed':
    case 'status':
    case 'help':
    case 'start':
    case 'error':
      return [];
  }
}

/** The distinct addresses the reply shows, in the order it shows them. */
export function replyAddresses(reply: Reply): Address[] {
  return [...new Set(shown(reply).filter((a): a is Address => typeof a === 'string' && a !== ''))];
}
