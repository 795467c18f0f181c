import { describe, expect, it } from 'vitest';
import { replyAddresses } from '../../../core/reply/reply-addresses.js';
import type { Reply, ReplyType } from '../../../core/reply/reply-types.js';

const A = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
const B = 'CaueuyKiS6gEVPb18ftgdWph6n3tgC6epa1RXx3Ayu5onjD';
const C = 'DgoyymRmY2eKUHBeaVfgmy2mq1ZYYvwqVHXSvUpqBvMtZ96';
const D = 'HB3SikjEdmvy3pTVWQPuGqez4a3THdVAHuRVqUGuCgd9dKz';

const base = { freshness: null, actions: [], attachments: [] };
const addressSub = (address: string) => ({ id: `a-${address}`, spec: { kind: 'address', address } });
const referendaSub = { id: 'r', spec: { kind: 'referenda', track: null } };

/** One reply of every type with the address-bearing fields filled; the rest is left out on purpose. */
const REPLIES: Record<ReplyType, { reply: unknown; shows: string[] }> = {
  stake: {
    reply: {
      type: 'stake',
      view: {
        address: A,
        stash: A,
        controller: B,
        payee: { kind: 'Account', account: C },
        nominations: { targets: [{ validator: D }, { validator: B }] },
      },
    },
    shows: [A, B, C, D],
  },
  validator: { reply: { type: 'validator', view: { address: A } }, shows: [A] },
  votes: {
    reply: {
      type: 'votes',
      view: {
        address: A,
        delegating: [{ target: B }, { target: B }],
        ongoing: [{ title: { text: `Treasury spend: 5 KSM to ${C}`, source: 'call' } }, {}],
        ended: [{ title: { text: `Pay ${D}`, source: 'subsquare' } }],
      },
    },
    shows: [A, B, C],
  },
  delegate: {
    reply: {
      type: 'delegate',
      view: {
        address: D,
        delegating: [{ target: A }],
        votes: [{ title: { text: `Treasury spend: 1 KSM to ${B}`, source: 'call' } }],
      },
    },
    shows: [D, A, B],
  },
  referendum: {
    reply: {
      type: 'referendum',
      title: {
        text: `Batch of 2 calls: Treasury spend: 5 KSM to ${D}; Treasury spend: 1 KSM to ${A}`,
        source: 'call',
      },
      proposal: `Treasury spend: 5 KSM to ${D}`,
      info: { submissionDeposit: { who: B }, decisionDeposit: { who: C } },
    },
    shows: [D, A, B, C],
  },
  subscribed: { reply: { type: 'subscribed', subscription: addressSub(D) }, shows: [D] },
  unsubscribed: { reply: { type: 'unsubscribed', removed: [referendaSub, addressSub(A)] }, shows: [A] },
  subscriptions: {
    reply: { type: 'subscriptions', subscriptions: [addressSub(B), referendaSub, addressSub(B)] },
    shows: [B],
  },
  'alert-settings': {
    reply: { type: 'alert-settings', subscription: { subscription: addressSub(C) } },
    shows: [C],
  },
  era: { reply: { type: 'era' }, shows: [] },
  calldata: {
    reply: { type: 'calldata', title: { text: `Treasury spend: 5 KSM to ${B}`, source: 'call' } },
    shows: [B],
  },
  referenda: {
    reply: {
      type: 'referenda',
      rows: [
        { proposal: null, title: { text: `Treasury spend: 5 KSM to ${C}`, source: 'call' } },
        { proposal: `Treasury spend: 1 KSM to ${B}`, title: { text: `Pay ${A}`, source: 'subsquare' } },
      ],
      ended: [{ title: { text: `Treasury spend: 2 KSM to ${D}`, source: 'call' } }],
    },
    shows: [C, B, D],
  },
  tracks: { reply: { type: 'tracks' }, shows: [] },
  treasury: {
    reply: {
      type: 'treasury',
      account: A,
      period: { funding: [{ beneficiary: B }, { beneficiary: null }] },
      expiringSoon: [{ beneficiary: C }, { beneficiary: 'Location { parents: 1 }' }],
    },
    shows: [A, B, C],
  },
  spends: {
    reply: {
      type: 'spends',
      rows: [{ beneficiary: B }, { beneficiary: 'X1(Parachain 2000)' }, { beneficiary: A }],
    },
    shows: [B, A],
  },
  spend: { reply: { type: 'spend', spend: { beneficiary: D } }, shows: [D] },
  bounties: {
    reply: {
      type: 'bounties',
      rows: [{ bounty: { curator: A, beneficiary: null } }, { bounty: { curator: null, beneficiary: B } }],
    },
    shows: [A, B],
  },
  bounty: {
    reply: {
      type: 'bounty',
      bounty: { curator: A, beneficiary: B, proposer: D },
      children: [{ child: { curator: C, beneficiary: null } }],
    },
    shows: [A, B, C],
  },
  para: {
    reply: { type: 'para', result: { type: 'found', details: { manager: B } } },
    shows: [B],
  },
  crowdloan: { reply: { type: 'crowdloan', account: { address: C } }, shows: [C] },
  parachains: { reply: { type: 'parachains' }, shows: [] },
  coretime: { reply: { type: 'coretime' }, shows: [] },
  missed: { reply: { type: 'missed' }, shows: [] },
  status: { reply: { type: 'status' }, shows: [] },
  help: { reply: { type: 'help' }, shows: [] },
  start: { reply: { type: 'start' }, shows: [] },
  error: { reply: { type: 'error' }, shows: [] },
};

describe('the addresses a reply shows', () => {
  for (const [type, { reply, shows }] of Object.entries(REPLIES)) {
    it(`${type}: ${shows.length ? `${shows.length} distinct, in the order shown` : 'none'}`, () => {
      expect(replyAddresses({ ...base, ...(reply as object) } as unknown as Reply)).toEqual(shows);
    });
  }

  it('leaves out what a reply does not show: no payee account, no nominations, no deposits, an off-chain title as written, a short address, chat-wide settings', () => {
    const stake = {
      ...base,
      type: 'stake',
      view: { address: A, stash: null, controller: null, payee: { kind: 'Staked' }, nominations: null },
    };
    expect(replyAddresses(stake as unknown as Reply)).toEqual([A]);
    const ended = { ...base, type: 'referendum', info: { submissionDeposit: null, decisionDeposit: null } };
    expect(replyAddresses(ended as unknown as Reply)).toEqual([]);
    const offchain = {
      ...base,
      type: 'referendum',
      title: { text: `Pay ${A} (typed by its proposer)`, source: 'subsquare' },
      proposal: null,
      info: { submissionDeposit: null, decisionDeposit: null },
    };
    expect(replyAddresses(offchain as unknown as Reply)).toEqual([]);
    const shortened = {
      ...offchain,
      title: { text: 'Treasury spend: 5 KSM to CnfWxc…9Xyz', source: 'call' },
    };
    expect(replyAddresses(shortened as unknown as Reply)).toEqual([]);
    const chat = { ...base, type: 'alert-settings', subscription: null };
    expect(replyAddresses(chat as unknown as Reply)).toEqual([]);
  });
});
