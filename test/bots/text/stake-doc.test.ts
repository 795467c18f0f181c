import { describe, expect, it } from 'vitest';
import { documentEmbed } from '../../../bots/discord/render/index.js';
import { documentHtml } from '../../../bots/telegram/render-reply.js';
import { replyDocument } from '../../../bots/text/documents.js';
import { documentText } from '../../../bots/text/plain.js';
import { replyAddresses } from '../../../core/reply/reply-addresses.js';
import type { StakeReply } from '../../../core/reply/reply-types.js';
import {
  accountView,
  buildAccountSlice,
  buildEraSlice,
  buildViewContext,
} from '../../../core/staking/index.js';
import type { AccountStakingSlice } from '../../../core/staking/slice-types.js';
import { handScenario, PCT, who } from '../../core/staking/scenario.js';

type Hand = ReturnType<typeof handScenario>;

function replyOf(address: string, mutate?: (s: Hand) => void, edit?: (s: AccountStakingSlice) => void) {
  const s = handScenario();
  mutate?.(s);
  const slice = buildAccountSlice(s, address);
  edit?.(slice);
  const view = accountView(slice, buildViewContext(buildEraSlice(s)));
  const reply: StakeReply = {
    type: 'stake',
    account: { address, input: address, inputPrefix: 2, converted: false },
    view,
    freshness: null,
    actions: [],
    attachments: [],
  };
  return reply;
}

function textOf(reply: StakeReply): string {
  return documentText(replyDocument(reply));
}

/** The pool member of the hand scenario also nominates with a bond of its own. */
function memberNominates(s: Hand): void {
  s.staking.ledgers[who.member] = {
    ...s.staking.ledgers[who.all]!,
    stash: who.member,
    controller: who.member,
  };
  s.staking.nominators[who.member] = {
    stash: who.member,
    targets: [who.v1],
    submittedIn: 900,
    suppressed: false,
  };
  s.staking.payees[who.member] = { kind: 'Staked' };
}

describe('/stake of a pool member', () => {
  // Pool 7 "Hand Pool": 2,000 points on a 1,000 KSM ledger, 10% commission; the member has 500
  // points (250 KSM) and 20 KSM arrived for 2,000 points since the counter was at zero: 18 KSM
  // after commission, 0.009 KSM a point, 4.5 KSM for the member.
  const text = textOf(replyOf(who.member));

  it('shows the pool by name and id with its state, commission, stake and pending rewards', () => {
    expect(text).toContain('Pool 7:\n  Name: Hand Pool\n  State: Open · commission 10%');
    expect(text).toContain('Your stake in the pool: 250 KSM');
    expect(text).toContain('Pending rewards: 4.5 KSM, claimable now');
    expect(text).toContain(`Run by: ${who.depositor} (depositor, root, nominator, bouncer)`);
  });

  it('has no own-bond or validator-payout lines that contradict the pool', () => {
    expect(text).not.toContain('Bonded:');
    expect(text).not.toContain('Unclaimed');
    expect(text).not.toContain('Rewards go to');
    expect(text).not.toContain('Your roles in the pool');
  });

  it("shows each of the member's unbonding chunks with its era", () => {
    expect(text).toMatch(/Pool 7 unbonding \(40 KSM unbonding, 10 KSM withdrawable now\):/);
    expect(text).toContain('  10 KSM: withdrawable now');
    expect(text).toMatch(/ {2}40 KSM: era 1,005, expected /);
  });

  it("names the depositor's roles in its pool, and the reply names the pool's role holders", () => {
    const s = handScenario();
    s.pools.members[who.depositor] = {
      who: who.depositor,
      poolId: 7,
      points: 0n,
      lastRecordedRewardCounter: 0n,
      unbondingEras: [],
    };
    const reply = replyOf(who.depositor, (h) => {
      h.pools.members[who.depositor] = s.pools.members[who.depositor]!;
    });
    expect(textOf(reply)).toContain('Your roles in the pool: depositor, root, nominator, bouncer');
    expect(replyAddresses(replyOf(who.member))).toContain(who.depositor);
  });

  it('says when the chain could not compute the pending rewards', () => {
    const reply = replyOf(who.member, (s) => {
      s.pools.pools[7]!.rewardPool = null;
    });
    expect(textOf(reply)).toContain('Pending rewards: not known: the chain could not compute them');
  });
});

describe('/stake of an account that nominates and is in a pool', () => {
  const reply = replyOf(who.member, memberNominates);
  const text = textOf(reply);

  it('shows its own bond and its payouts, then its pool, each named for what it is', () => {
    expect(text).toContain('Roles: stash, nominator, pool-member');
    expect(text).toContain('Bonded: 600 KSM (active 500 KSM)');
    expect(text).toMatch(/Unclaimed validator payouts: (none|.* \(for your nominations\))/);
    expect(text).toMatch(/Return \(APR, recent eras\): your bond .*, your pool .*, network /);
    expect(text).toContain('Pending rewards: 4.5 KSM, claimable now');
    expect(text.indexOf('Nominations (')).toBeLessThan(text.indexOf('Pool 7:'));
  });

  it('Telegram and Discord carry the same facts as the plain text', () => {
    const doc = replyDocument(reply);
    const html = documentHtml(doc).join('\n');
    const embed = documentEmbed(doc);
    const discord = [embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n');
    for (const fact of ['Bonded:', 'Pending rewards:', 'Hand Pool', 'Your stake in the pool:', 'Unclaimed']) {
      expect(text).toContain(fact);
      expect(html).toContain(fact);
      expect(discord).toContain(fact);
    }
  });
});

describe('/stake of a validator', () => {
  it('shows the return on its bond without commission, and the commission income apart', () => {
    const text = textOf(replyOf(who.v1));
    expect(text).toContain('Commission income: 170 KSM over the last 4 eras');
    expect(text).toMatch(/Unclaimed validator payouts: .* \(as validator, commission included\)/);
  });

  it('a 100%-commission validator earns 0% on its bond', () => {
    const text = textOf(
      replyOf(who.v1, (s) => {
        for (const h of s.staking.history) if (h.prefs[who.v1]) h.prefs[who.v1]!.commission = 100 * PCT;
      }),
    );
    expect(text).toContain('your bond 0%');
    expect(text).toContain('Commission income: 1,700 KSM over the last 4 eras');
  });

  it('a slice stored before the split shows n/a for the bond rather than a figure with commission in it', () => {
    const text = textOf(
      replyOf(who.v1, undefined, (slice) => {
        delete slice.eraRewardsSplit;
        slice.eraRewards = slice.eraRewards.map(({ era, reward }) => ({ era, reward }));
      }),
    );
    expect(text).toContain('your bond n/a');
    expect(text).not.toContain('Commission income');
  });
});

describe('/stake with reward destination None', () => {
  it('says beside the amounts that nothing is paid', () => {
    const text = textOf(
      replyOf(who.all, (s) => {
        s.staking.payees[who.all] = { kind: 'None' };
      }),
    );
    expect(text).toContain('Rewards go to: no one (destination None)');
    expect(text).toMatch(/Unclaimed validator payouts: .*; not paid while rewards go to no one\)/);
    expect(text).toMatch(/your bond .* \(earned, not paid: rewards go to no one\)/);
  });
});
