/** The conviction-voting answers: `/votes <address>` and `/delegate <address>`. */
import type { DelegateView } from '../voting/delegate-view.js';
import type { VotesView } from '../voting/votes-view.js';
import type { AccountEcho, ReplyBase } from './reply-types.js';

export interface VotesReply extends ReplyBase {
  type: 'votes';
  account: AccountEcho;
  view: VotesView;
}

export interface DelegateReply extends ReplyBase {
  type: 'delegate';
  account: AccountEcho;
  view: DelegateView;
}
