/**
 * Every address a reply shows, whose on-chain names the bots attach to it (`reply.names`): a pure
 * function of the reply intent, so the names are loaded in one batched read after the handler.
 */

import type { Subscription } from '../subscriptions/subscription-model.js';
import type { Address } from '../types/staking.js';
import type { Reply } from './reply-types.js';

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
    case 'referendum':
      return [reply.info.submissionDeposit?.who, reply.info.decisionDeposit?.who];
    case 'subscribed':
      return subscriptionAddresses([reply.subscription]);
    case 'unsubscribed':
      return subscriptionAddresses(reply.removed);
    case 'subscriptions':
      return subscriptionAddresses(reply.subscriptions);
    case 'alert-settings':
      return reply.subscription ? subscriptionAddresses([reply.subscription.subscription]) : [];
    case 'era':
    case 'referenda':
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
